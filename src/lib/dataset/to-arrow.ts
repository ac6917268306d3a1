import { Table, type Vector } from 'apache-arrow';
import { CELL_STATES, TEMPLATE_CELLS, type CellKey, type Finding } from '../template';
import type { ParsedReport } from '../reader/types';
import { dictionaryColumn, float64Column, int16Column, int32Column, utf8Column } from './columns';
import { CELL_COLUMNS, FINDING_COLUMNS, REPORT_COLUMNS, type ColumnSpec, type DatasetTable } from './schema';

export function severityCounts(findings: readonly Finding[]): Map<string, { errors: number; warnings: number }> {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const f of findings) {
    const c = counts.get(f.reportId) ?? { errors: 0, warnings: 0 };
    if (f.severity === 'error') c.errors++;
    if (f.severity === 'warning') c.warnings++;
    counts.set(f.reportId, c);
  }
  return counts;
}

function plainColumn(spec: ColumnSpec, values: unknown[]): Vector {
  switch (spec.type) {
    case 'string':
      return utf8Column(values as (string | null)[]);
    case 'int16':
      return int16Column(values as number[]);
    case 'int32':
      return int32Column(values as number[]);
    case 'float64':
      return float64Column(values as (number | null)[]);
  }
}

/** A table from records keyed by column name, in the order the specs give. */
function tableOf(specs: readonly ColumnSpec[], records: readonly Record<string, unknown>[]): Table {
  return new Table(Object.fromEntries(specs.map((s) => [s.name, plainColumn(s, records.map((r) => r[s.name]))])));
}

/** For each key field, its distinct values and, per template cell, the position of its value among them. */
const KEY_DICTIONARIES = Object.fromEntries(
  (['table', 'item', 'row', 'col'] as const).map((field) => {
    const dictionary = [...new Set(TEMPLATE_CELLS.map((c) => c[field]).filter((v): v is string => v !== null))];
    const indexOf = Int32Array.from(TEMPLATE_CELLS, (c: CellKey) => (c[field] === null ? -1 : dictionary.indexOf(c[field]!)));
    return [field, { dictionary, indexOf }];
  }),
) as Record<'table' | 'item' | 'row' | 'col', { dictionary: string[]; indexOf: Int32Array }>;

const STATE_INDEX = new Map(CELL_STATES.map((s, i) => [s, i]));

function cellsTable(reports: readonly ParsedReport[]): Table {
  const length = reports.reduce((n, r) => n + r.cells.length, 0);
  const reportIndex = new Int32Array(length);
  const templateIndex = new Int32Array(length);
  const stateIndex = new Int32Array(length);
  const values: (number | null)[] = new Array(length);
  const raws: (string | null)[] = new Array(length);
  let i = 0;
  reports.forEach((report, r) => {
    for (const cell of report.cells) {
      reportIndex[i] = r;
      templateIndex[i] = cell.templateIndex;
      stateIndex[i] = STATE_INDEX.get(cell.state)!;
      values[i] = cell.value;
      raws[i] = cell.raw;
      i++;
    }
  });
  const keyColumn = (field: keyof typeof KEY_DICTIONARIES) => {
    const { dictionary, indexOf } = KEY_DICTIONARIES[field];
    return dictionaryColumn(templateIndex.map((t) => indexOf[t]), dictionary);
  };
  const columns: Record<string, Vector> = {
    report_id: dictionaryColumn(reportIndex, reports.map((r) => r.id)),
    table: keyColumn('table'),
    item: keyColumn('item'),
    row: keyColumn('row'),
    col: keyColumn('col'),
    value: float64Column(values),
    state: dictionaryColumn(stateIndex, CELL_STATES),
    raw: utf8Column(raws),
  };
  return new Table(Object.fromEntries(CELL_COLUMNS.map((c) => [c.name, columns[c.name]])));
}

/** Reports, their cells and all findings → the dataset's three Arrow tables, in the order given. */
export function datasetTables(reports: readonly ParsedReport[], findings: readonly Finding[]): Record<DatasetTable, Table> {
  const counts = severityCounts(findings);
  const reportRecord = (report: ParsedReport): Record<string, unknown> => {
    const { errors, warnings } = counts.get(report.id) ?? { errors: 0, warnings: 0 };
    return {
      report_id: report.id,
      body: report.body,
      year: report.year,
      template: report.template,
      region: report.region,
      level: report.level,
      kind: report.kind,
      origin: report.origin,
      meta_source: report.metaSource,
      source_file: report.source.file,
      source_sha256: report.source.sha256,
      source_format: report.source.format,
      source_encoding: report.source.encoding,
      source_bytes: report.source.bytes,
      status: errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'ok',
      n_errors: errors,
      n_warnings: warnings,
    };
  };
  const findingRecord = (f: Finding): Record<string, unknown> => ({
      report_id: f.reportId,
      rule: f.rule,
      severity: f.severity,
      cells: f.cells.join(' '),
      expected: f.expected,
      actual: f.actual,
      message: f.message,
      related_report_id: f.relatedReportId,
  });
  return {
    reports: tableOf(REPORT_COLUMNS, reports.map(reportRecord)),
    cells: cellsTable(reports),
    findings: tableOf(FINDING_COLUMNS, findings.map(findingRecord)),
  };
}

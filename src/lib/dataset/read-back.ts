import type { Table } from 'apache-arrow';
import type { ParsedReport } from '../reader/types';
import { TEMPLATE_CELLS, templateIndexOf, type Cell, type CellState, type Finding, type RuleId } from '../template';

/** A report of a written dataset, as read back: what the reader gave (but its prose) and every finding the dataset has on it. */
export interface ReadBackReport {
  report: ParsedReport;
  findings: Finding[];
}

/**
 * A dataset's tables (decoded from its Parquet files) → its reports with their
 * cells and findings, in the dataset's order: what the browser's import adds
 * its reports to, so that the dataset it writes is the one an ingest of all
 * the files would write. The prose is not in the dataset: a report's own
 * checks are taken from its findings, not run again.
 */
export function readBack(reports: Table, findings: Table, cellTables: readonly Table[]): ReadBackReport[] {
  const byId = new Map<string, ReadBackReport>();
  const list: ReadBackReport[] = [];
  for (const row of reports) {
    const r = row.toJSON() as Record<string, unknown>;
    const report: ParsedReport = {
      id: r.report_id as string,
      body: r.body as string,
      year: Number(r.year),
      region: (r.region as string | null) ?? null,
      level: (r.level as string | null) ?? null,
      kind: (r.kind as string | null) ?? null,
      origin: r.origin as ParsedReport['origin'],
      metaSource: r.meta_source as ParsedReport['metaSource'],
      template: r.template as ParsedReport['template'],
      source: {
        file: r.source_file as string,
        sha256: r.source_sha256 as string,
        bytes: Number(r.source_bytes),
        format: r.source_format as ParsedReport['source']['format'],
        encoding: r.source_encoding as ParsedReport['source']['encoding'],
      },
      cells: [],
      prose: '',
      findings: [],
    };
    const entry = { report, findings: [] };
    byId.set(report.id, entry);
    list.push(entry);
  }
  for (const table of cellTables) {
    const column = (name: string) => table.getChild(name)!;
    const [ids, tables, items, rows, cols, values, states, raws, pages] = ['report_id', 'table', 'item', 'row', 'col', 'value', 'state', 'raw', 'page'].map(column);
    for (let i = 0; i < table.numRows; i++) {
      const entry = byId.get(ids.get(i));
      if (!entry) throw new Error(`单元格文件中的报告 ${ids.get(i)} 不在 reports.parquet 中（the dataset's files do not belong together）`);
      const key = { table: tables.get(i), item: items.get(i), row: rows.get(i), col: cols.get(i) };
      const templateIndex = templateIndexOf(key);
      if (templateIndex === undefined) throw new Error(`单元格 ${key.table}.${key.item ?? ''}.${key.row}.${key.col} 不在模板中（written by another version of this site）`);
      const page = pages.get(i);
      const cell: Cell = { ...keyOf(templateIndex), templateIndex, value: values.get(i), state: states.get(i) as CellState, raw: raws.get(i) };
      if (page !== null) cell.page = page;
      entry.report.cells.push(cell);
    }
  }
  for (const row of findings) {
    const f = row.toJSON() as Record<string, unknown>;
    const entry = byId.get(f.report_id as string);
    if (!entry) continue;
    const finding: Finding = {
      rule: f.rule as RuleId,
      severity: f.severity as Finding['severity'],
      reportId: f.report_id as string,
      cells: f.cells ? (f.cells as string).split(' ') : [],
      expected: (f.expected as number | null) ?? null,
      actual: (f.actual as number | null) ?? null,
      message: f.message as string,
      relatedReportId: (f.related_report_id as string | null) ?? null,
    };
    if (f.unchecked_rule) finding.uncheckedRule = f.unchecked_rule as RuleId;
    entry.findings.push(finding);
  }
  return list;
}

function keyOf(index: number) {
  const { table, item, row, col } = TEMPLATE_CELLS[index];
  return { table, item, row, col };
}

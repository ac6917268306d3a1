import { Table, vectorFromArray } from 'apache-arrow';
import type { Finding } from '../template';
import type { ParsedReport } from '../reader/types';
import { CELL_COLUMNS, FINDING_COLUMNS, REPORT_COLUMNS, type ColumnSpec, type DatasetTable } from './schema';

type Columns = Record<string, unknown[]>;

function toTable(specs: readonly ColumnSpec[], columns: Columns): Table {
  return new Table(Object.fromEntries(specs.map((s) => [s.name, vectorFromArray(columns[s.name], s.type)])));
}

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

/** Reports, their cells and all findings → the dataset's three Arrow tables, in the order given. */
export function datasetTables(reports: readonly ParsedReport[], findings: readonly Finding[]): Record<DatasetTable, Table> {
  const counts = severityCounts(findings);
  const r: Columns = Object.fromEntries(REPORT_COLUMNS.map((c) => [c.name, []]));
  for (const report of reports) {
    const { errors, warnings } = counts.get(report.id) ?? { errors: 0, warnings: 0 };
    r.report_id.push(report.id);
    r.body.push(report.body);
    r.year.push(report.year);
    r.template.push(report.template);
    r.region.push(report.region);
    r.level.push(report.level);
    r.kind.push(report.kind);
    r.origin.push(report.origin);
    r.meta_source.push(report.metaSource);
    r.source_file.push(report.source.file);
    r.source_sha256.push(report.source.sha256);
    r.source_format.push(report.source.format);
    r.source_encoding.push(report.source.encoding);
    r.source_bytes.push(report.source.bytes);
    r.status.push(errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'ok');
    r.n_errors.push(errors);
    r.n_warnings.push(warnings);
  }
  const c: Columns = Object.fromEntries(CELL_COLUMNS.map((col) => [col.name, []]));
  for (const report of reports) {
    for (const cell of report.cells) {
      c.report_id.push(report.id);
      c.table.push(cell.table);
      c.item.push(cell.item);
      c.row.push(cell.row);
      c.col.push(cell.col);
      c.value.push(cell.value);
      c.state.push(cell.state);
      c.raw.push(cell.raw);
    }
  }
  const f: Columns = Object.fromEntries(FINDING_COLUMNS.map((col) => [col.name, []]));
  for (const finding of findings) {
    f.report_id.push(finding.reportId);
    f.rule.push(finding.rule);
    f.severity.push(finding.severity);
    f.cells.push(finding.cells.join(' '));
    f.expected.push(finding.expected);
    f.actual.push(finding.actual);
    f.message.push(finding.message);
    f.related_report_id.push(finding.relatedReportId);
  }
  return { reports: toTable(REPORT_COLUMNS, r), cells: toTable(CELL_COLUMNS, c), findings: toTable(FINDING_COLUMNS, f) };
}

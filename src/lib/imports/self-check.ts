import type { FindingRow, ReportCellRow, ReportRow } from '../queries/report';
import type { ParsedReport } from '../reader/types';
import type { Finding } from '../template';

const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

/**
 * A report read in the browser and not added to any dataset (年报自查) → the
 * rows the report page shows, as the dataset's queries would give them.
 */
export function reportRows(report: ParsedReport, findings: readonly Finding[]): { meta: ReportRow; cells: ReportCellRow[]; findings: FindingRow[] } {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const meta: ReportRow = {
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
    superseded_by: null,
  };
  const cells = report.cells.map((c) => ({ table: c.table, item: c.item, row: c.row, col: c.col, value: c.value, state: c.state, raw: c.raw, page: c.page ?? null }));
  const rows = findings
    .map((f) => ({ report_id: f.reportId, body: report.body, year: report.year, rule: f.rule, severity: f.severity, cells: f.cells.join(' '), expected: f.expected, actual: f.actual, message: f.message, related_report_id: f.relatedReportId }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.cells < b.cells ? -1 : a.cells > b.cells ? 1 : 0));
  return { meta, cells, findings: rows };
}

import { Table, type Vector } from 'apache-arrow';
import { isSummaryCell, TEMPLATE_CELLS, type Finding } from '../template';
import { gatherCells, gatherSummary, type GatheredCells, type SummaryCells } from './cells-table';
import { float64Column, int16Column, int32Column, utf8Column } from './columns';
import type { PackedReport, ReportRecord } from './packed';
import { measureColumns, type MeasureColumns } from './report-measures';
import { FINDING_COLUMNS, REPORT_COLUMNS, type ColumnSpec } from './schema';

/**
 * The dataset's tables, each built when asked for: the ingest builds one while
 * other threads write those before it.
 */
export interface DatasetTables {
  reports: () => Table;
  findings: () => Table;
  /** Cells, one table per report year (so a view loads only the years it shows), gathered for cellsTable. */
  cellsByYear: Map<number, () => GatheredCells>;
  /** The same years' summary cells (isSummaryCell). */
  summaryByYear: Map<number, () => SummaryCells>;
  /** Every report's measures (report-measures.ts), in dataset order. */
  measures: MeasureColumns;
}

/**
 * Collects packed reports in any order and builds the dataset's tables in a
 * fixed order (body, year, source file): the same inputs give the same bytes.
 */
export class DatasetBuilder {
  private readonly packed: PackedReport[] = [];

  add(report: PackedReport): void {
    this.packed.push(report);
  }

  get size(): number {
    return this.packed.length;
  }

  /** Reports by origin: the site says 示例数据（合成） when any is synthetic. */
  origins(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const p of this.packed) counts[p.report.origin] = (counts[p.report.origin] ?? 0) + 1;
    return Object.fromEntries(Object.entries(counts).sort());
  }

  /** The tables, with findings made across reports (cross-year rules) added to each report's own. */
  build(acrossReports: readonly Finding[]): DatasetTables & { findingList: Finding[]; inOrder: readonly PackedReport[]; supersededBy: ReadonlyMap<string, string> } {
    const reports = this.packed.sort((a, b) => compareReports(a.report, b.report));
    const order = new Map(reports.map((p, i) => [p.report.id, i]));
    // Sorted by report, rule and cells, each finding's cells joined once (not in every comparison).
    const findings = [...reports.flatMap((p) => p.findings), ...acrossReports]
      .map((f) => ({ f, order: order.get(f.reportId)!, cells: f.cells.join(' ') }))
      .sort((a, b) => a.order - b.order || compareText(a.f.rule, b.f.rule) || compareText(a.cells, b.cells))
      .map(({ f }) => f);
    const cellsByYear = new Map<number, () => GatheredCells>();
    const summaryByYear = new Map<number, () => SummaryCells>();
    const numbers = new Map(reports.map((p, i) => [p.report.id, i + 1]));
    const byYear = new Map<number, PackedReport[]>();
    for (const p of reports) {
      const ofYear = byYear.get(p.report.year);
      if (ofYear) ofYear.push(p);
      else byYear.set(p.report.year, [p]);
    }
    for (const [year, ofYear] of [...byYear].sort(([a], [b]) => a - b)) {
      cellsByYear.set(year, () => gatherCells(ofYear));
      summaryByYear.set(year, () => gatherSummary(ofYear, IS_SUMMARY_CELL, numbers));
    }
    const supersededBy = supersession(acrossReports);
    return {
      reports: () => reportsTable(reports.map((p) => p.report), findings, supersededBy),
      findings: () => findingsTable(findings),
      cellsByYear,
      summaryByYear,
      measures: measureColumns(reports),
      findingList: findings,
      inOrder: reports,
      supersededBy,
    };
  }
}

/** By template position: whether a cell is a summary cell. */
const IS_SUMMARY_CELL = Uint8Array.from(TEMPLATE_CELLS, (cell) => (isSummaryCell(cell) ? 1 : 0));

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareReports(a: ReportRecord, b: ReportRecord): number {
  return compareText(a.body, b.body) || a.year - b.year || compareText(a.source.file, b.source.file);
}

function column(spec: ColumnSpec, values: unknown[]): Vector {
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

function tableOf(specs: readonly ColumnSpec[], records: readonly Record<string, unknown>[]): Table {
  return new Table(Object.fromEntries(specs.map((s) => [s.name, column(s, records.map((r) => r[s.name]))])));
}

/** A report that does not count in sums → the report of its body and year that does (DUPLICATE_REPORT's related report). */
export function supersession(findings: readonly Finding[]): Map<string, string> {
  const counted = new Map<string, string>();
  for (const f of findings) if (f.rule === 'DUPLICATE_REPORT' && f.relatedReportId) counted.set(f.reportId, f.relatedReportId);
  return counted;
}

function reportsTable(reports: ReportRecord[], findings: Finding[], supersededBy: ReadonlyMap<string, string>): Table {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const f of findings) {
    const c = counts.get(f.reportId) ?? { errors: 0, warnings: 0 };
    if (f.severity === 'error') c.errors++;
    if (f.severity === 'warning') c.warnings++;
    counts.set(f.reportId, c);
  }
  return tableOf(
    REPORT_COLUMNS,
    reports.map((r) => {
      const { errors, warnings } = counts.get(r.id) ?? { errors: 0, warnings: 0 };
      return {
        report_id: r.id,
        body: r.body,
        year: r.year,
        template: r.template,
        region: r.region,
        level: r.level,
        kind: r.kind,
        origin: r.origin,
        meta_source: r.metaSource,
        source_file: r.source.file,
        source_sha256: r.source.sha256,
        source_format: r.source.format,
        source_encoding: r.source.encoding,
        source_bytes: r.source.bytes,
        status: errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'ok',
        n_errors: errors,
        n_warnings: warnings,
        superseded_by: supersededBy.get(r.id) ?? null,
      };
    }),
  );
}

function findingsTable(findings: Finding[]): Table {
  return tableOf(
    FINDING_COLUMNS,
    findings.map((f) => ({
      report_id: f.reportId,
      rule: f.rule,
      severity: f.severity,
      cells: f.cells.join(' '),
      expected: f.expected,
      actual: f.actual,
      message: f.message,
      related_report_id: f.relatedReportId,
      unchecked_rule: f.uncheckedRule ?? null,
    })),
  );
}

import { Table, type Vector } from 'apache-arrow';
import type { Finding } from '../template';
import { float64Column, int16Column, int32Column, utf8Column } from './columns';
import type { PackedReport, ReportRecord } from './packed';
import { emptyMeasures, reorderedMeasures, sumReport, type MeasureColumns } from './report-measures';
import { CellsInMemory, type CellStore, type YearCells } from './year-cells';
import { FINDING_COLUMNS, REPORT_COLUMNS, type ColumnSpec } from './schema';

/**
 * The dataset's tables, each built when asked for: the ingest builds one while
 * other threads write those before it.
 */
export interface DatasetTables {
  reports: () => Table;
  findings: () => Table;
  /** Each report year's cells, its reports in dataset order: its cells file and its summary file (so a view loads only the years it shows). */
  years: Map<number, YearCells>;
  /** Every report's measures (report-measures.ts), in dataset order. */
  measures: MeasureColumns;
}

/** A report as the builder keeps it: its cells with the store, its measures summed. */
export interface KeptReport {
  report: ReportRecord;
  findings: Finding[];
  /** Its cells: `count` of its year's kept cells from `start`. */
  start: number;
  count: number;
  /** Its row in the measures summed as reports came. */
  arrival: number;
}

/**
 * Collects packed reports in any order and builds the dataset's tables in a
 * fixed order (body, year, source file): the same inputs give the same bytes.
 * Each report's measures are summed as it comes and its cells go to the
 * store (CellStore), so the batch it came in is not held.
 */
export class DatasetBuilder {
  private readonly kept: KeptReport[] = [];
  private measures: MeasureColumns;

  /** `expected`: about how many reports will come (room for their measures). */
  constructor(
    private readonly store: CellStore = new CellsInMemory(),
    expected = 0,
  ) {
    this.measures = emptyMeasures(expected);
  }

  add({ report, cells, findings }: PackedReport): void {
    const arrival = this.kept.length;
    if (arrival >= this.measures.procurement.length) this.measures = reorderedMeasures(this.measures, identity(arrival), [], Math.max(256, arrival * 2));
    sumReport(cells, arrival, this.measures);
    this.kept.push({ report, findings, start: this.store.keep(report.year, cells), count: cells.count, arrival });
  }

  get size(): number {
    return this.kept.length;
  }

  /** Reports by origin: the site says 示例数据（合成） when any is synthetic. */
  origins(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const p of this.kept) counts[p.report.origin] = (counts[p.report.origin] ?? 0) + 1;
    return Object.fromEntries(Object.entries(counts).sort());
  }

  /** The tables, with findings made across reports (cross-year rules) added to each report's own. */
  build(acrossReports: readonly Finding[]): DatasetTables & { findingList: Finding[]; inOrder: readonly KeptReport[]; supersededBy: ReadonlyMap<string, string> } {
    const reports = this.kept.sort((a, b) => compareReports(a.report, b.report));
    const order = new Map(reports.map((p, i) => [p.report.id, i]));
    // Sorted by report, rule and cells, each finding's cells joined once (not in every comparison).
    const findings = [...reports.flatMap((p) => p.findings), ...acrossReports]
      .map((f) => ({ f, order: order.get(f.reportId)!, cells: f.cells.join(' ') }))
      .sort((a, b) => a.order - b.order || compareText(a.f.rule, b.f.rule) || compareText(a.cells, b.cells))
      .map(({ f }) => f);
    const byYear = new Map<number, number[]>();
    reports.forEach((p, i) => {
      const ofYear = byYear.get(p.report.year);
      if (ofYear) ofYear.push(i);
      else byYear.set(p.report.year, [i]);
    });
    const years = new Map<number, YearCells>();
    for (const [year, positions] of [...byYear].sort(([a], [b]) => a - b)) {
      years.set(year, {
        cells: this.store.year(year),
        start: Float64Array.from(positions, (i) => reports[i].start),
        count: Int32Array.from(positions, (i) => reports[i].count),
        reportIds: positions.map((i) => reports[i].report.id),
        reportNos: Int32Array.from(positions, (i) => i + 1),
      });
    }
    const measures = reorderedMeasures(this.measures, Int32Array.from(reports, (p) => p.arrival), reports.map((p) => p.report.id));
    this.measures = emptyMeasures(0);
    const supersededBy = supersession(acrossReports);
    return {
      reports: () => reportsTable(reports.map((p) => p.report), findings, supersededBy),
      findings: () => findingsTable(findings),
      years,
      measures,
      findingList: findings,
      inOrder: reports,
      supersededBy,
    };
  }
}

function identity(length: number): Int32Array {
  return Int32Array.from({ length }, (_, i) => i);
}

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

/** A table of rows, each column's values taken by its getter: no row object per row (a million reports' rows). */
function tableOf<T>(specs: readonly ColumnSpec[], rows: readonly T[], values: Record<string, (row: T) => unknown>): Table {
  return new Table(Object.fromEntries(specs.map((s) => [s.name, column(s, rows.map(values[s.name]))])));
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
  const errors = (r: ReportRecord) => counts.get(r.id)?.errors ?? 0;
  const warnings = (r: ReportRecord) => counts.get(r.id)?.warnings ?? 0;
  return tableOf(REPORT_COLUMNS, reports, {
    report_id: (r) => r.id,
    body: (r) => r.body,
    year: (r) => r.year,
    template: (r) => r.template,
    region: (r) => r.region,
    level: (r) => r.level,
    kind: (r) => r.kind,
    origin: (r) => r.origin,
    meta_source: (r) => r.metaSource,
    source_file: (r) => r.source.file,
    source_sha256: (r) => r.source.sha256,
    source_format: (r) => r.source.format,
    source_encoding: (r) => r.source.encoding,
    source_bytes: (r) => r.source.bytes,
    status: (r) => (errors(r) > 0 ? 'error' : warnings(r) > 0 ? 'warning' : 'ok'),
    n_errors: errors,
    n_warnings: warnings,
    superseded_by: (r) => supersededBy.get(r.id) ?? null,
  });
}

function findingsTable(findings: Finding[]): Table {
  return tableOf(FINDING_COLUMNS, findings, {
    report_id: (f) => f.reportId,
    rule: (f) => f.rule,
    severity: (f) => f.severity,
    cells: (f) => f.cells.join(' '),
    expected: (f) => f.expected,
    actual: (f) => f.actual,
    message: (f) => f.message,
    related_report_id: (f) => f.relatedReportId,
    unchecked_rule: (f) => f.uncheckedRule ?? null,
  });
}

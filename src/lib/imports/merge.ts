import { carryFacts, checkAcrossYears, type CarryFacts } from '../checks';
import { DatasetBuilder } from '../dataset/builder';
import { CellPacker } from '../dataset/packed';
import type { ReadBackReport } from '../dataset/read-back';
import type { ParsedReport } from '../reader/types';
import type { Finding } from '../template';

/** A report and its own findings (checkReport): what the reader and a report's checks give. */
export interface CheckedReport {
  report: ParsedReport;
  findings: Finding[];
}

const findingKey = (f: Finding) => JSON.stringify([f.reportId, f.rule, f.cells, f.expected, f.actual, f.message, f.relatedReportId, f.uncheckedRule ?? null]);

/**
 * A written dataset's reports with their own findings only: the findings
 * across reports it holds are exactly those checkAcrossYears gives over its
 * reports, so they are taken out by running it again (they are made anew
 * over the reports of the dataset being built).
 */
export function ownFindings(dataset: readonly ReadBackReport[]): CheckedReport[] {
  const across = new Map<string, number>();
  for (const f of checkAcrossYears(dataset.map(({ report }) => carryFacts(report)))) {
    const key = findingKey(f);
    across.set(key, (across.get(key) ?? 0) + 1);
  }
  return dataset.map(({ report, findings }) => ({
    report,
    findings: findings.filter((f) => {
      const key = findingKey(f);
      const left = across.get(key) ?? 0;
      if (left > 0) across.set(key, left - 1);
      return left === 0;
    }),
  }));
}

/**
 * The dataset an ingest of all the files would build: a written dataset's
 * reports (but those replaced) and the imported ones, packed for the
 * DatasetBuilder, with the facts the checks across reports need.
 */
export function mergedReports(existing: readonly CheckedReport[], imported: readonly CheckedReport[], replaced: ReadonlySet<string> = new Set()): { builder: DatasetBuilder; carry: CarryFacts[] } {
  const reports = [...existing.filter(({ report }) => !replaced.has(report.id)), ...imported];
  const packer = new CellPacker(reports.length);
  const builder = new DatasetBuilder();
  const carry: CarryFacts[] = [];
  for (const { report, findings } of reports) {
    builder.add(packer.pack(report, findings));
    carry.push(carryFacts(report));
  }
  packer.finish();
  return { builder, carry };
}

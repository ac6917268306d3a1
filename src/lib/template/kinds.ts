/**
 * What a report covers (the manifest's `kind`): the body itself, a government
 * at its own level, or a region-wide report compiled from many bodies'
 * reports, which sums must never add to the others.
 */
export const REPORT_KINDS = [
  { key: 'department', label: '部门', aliases: ['部门', '部门报告', 'dept'] },
  { key: 'government', label: '政府本级', aliases: ['政府', '政府本级', '人民政府', 'gov'] },
  { key: 'consolidated', label: '汇总报告', aliases: ['汇总', '汇总报告', '合并', '合并报告', '全市汇总', '全省汇总', '全区汇总', '全县汇总'] },
] as const;

export type ReportKind = (typeof REPORT_KINDS)[number]['key'];

export const CONSOLIDATED_KIND: ReportKind = 'consolidated';

export const KIND_LABELS: Record<string, string> = Object.fromEntries(REPORT_KINDS.map((k) => [k.key, k.label]));

const BY_SPELLING = new Map<string, ReportKind>(REPORT_KINDS.flatMap((k) => [[k.key, k.key], ...k.aliases.map((a) => [a.toLowerCase(), k.key] as [string, ReportKind])]));

/** A kind as people write it (Consolidated, 合并报告, 汇总), or null when it is none of them. */
export function reportKind(text: string): ReportKind | null {
  return BY_SPELLING.get(text.normalize('NFKC').trim().toLowerCase()) ?? null;
}

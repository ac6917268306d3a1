import type { CellStateRow, RuleCountRow } from '../queries/quality';
import { RULE_KIND_LABELS, RULES, SEVERITY_LABELS, type RuleId } from '../template';

export interface RuleTotal {
  rule: RuleId;
  label: string;
  kind: string;
  severity: string;
  findings: number;
  reports: number;
}

/** Findings per rule over the selection's years, in the order of the rules (pure). */
export function ruleTotals(rows: readonly RuleCountRow[]): RuleTotal[] {
  return RULES.filter((r) => rows.some((x) => x.rule === r.id)).map((r) => {
    const of = rows.filter((x) => x.rule === r.id);
    return {
      rule: r.id,
      label: r.label,
      kind: RULE_KIND_LABELS[r.kind],
      severity: SEVERITY_LABELS[r.severity],
      findings: of.reduce((n, x) => n + x.findings, 0),
      reports: of.reduce((n, x) => n + x.reports, 0),
    };
  });
}

/** Each cell state's share of the selection's cells, in % (pure). */
export function stateShares(rows: readonly CellStateRow[]): (CellStateRow & { share: number })[] {
  const total = rows.reduce((n, r) => n + r.cells, 0);
  return rows.map((r) => ({ ...r, share: total > 0 ? (r.cells / total) * 100 : 0 }));
}

import { CELL_STATE_LABELS, cellNames, refsByRow, RULE_BY_ID, type CellState, type Finding, type RuleId } from '../template';

/** A cell a rule needed and could not use (its TEMPLATE_CELLS position), and why (its state). */
export interface UnusableCell {
  index: number;
  state: CellState | undefined;
  /** The cell is the related report's (the year before's, for a rule across years). */
  related?: boolean;
}

/**
 * NOT_EVALUATED: a rule that could not be evaluated says so, naming the rule,
 * how many of its instances were left unchecked and the cells that stopped
 * them (ambiguous or missing; whole rows by the row: see refsByRow), never a
 * silent pass.
 */
export function notEvaluated(rule: RuleId, reportId: string, instances: number, cells: readonly UnusableCell[], relatedReportId: string | null = null): Finding {
  const refs = refsByRow(cells.filter((c) => !c.related).map((c) => c.index));
  const related = refsByRow(cells.filter((c) => c.related).map((c) => c.index));
  const named = [cellNames(refs), related.length > 0 ? `上一年报告的${cellNames(related)}` : ''].filter(Boolean).join('；');
  const byState = new Map<string, number>();
  for (const c of cells) byState.set(c.state ?? 'missing', (byState.get(c.state ?? 'missing') ?? 0) + 1);
  const why = [...byState].map(([state, n]) => `${CELL_STATE_LABELS[state as CellState] ?? state} ${n} 个`).join('、');
  return {
    rule: 'NOT_EVALUATED',
    severity: RULE_BY_ID.NOT_EVALUATED.severity,
    reportId,
    cells: refs,
    expected: null,
    actual: null,
    message: `“${RULE_BY_ID[rule].label}”有 ${instances} 处未能检查：所需单元格${why}（${named}）`,
    relatedReportId,
    uncheckedRule: rule,
  };
}

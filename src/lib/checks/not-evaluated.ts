import { CELL_STATE_LABELS, refList, RULE_BY_ID, TEMPLATE_CELLS, type CellState, type Finding, type RuleId } from '../template';

/** A cell a rule needed and could not use (its TEMPLATE_CELLS position), and why (its state). */
export interface UnusableCell {
  index: number;
  state: CellState | undefined;
  /** The cell is the related report's (the year before's, for a rule across years). */
  related?: boolean;
}

// Each template cell's row (t3.new, t4.review, t2.art20_5.licensing …) by number, and each row's reference and width.
const ROW_REFS: string[] = [];
const ROW_WIDTHS: number[] = [];
const ROW_OF = Int32Array.from(TEMPLATE_CELLS, (cell) => {
  const ref = cell.ref.slice(0, cell.ref.lastIndexOf('.'));
  let row = ROW_REFS.indexOf(ref);
  if (row < 0) row = ROW_REFS.push(ref) - 1;
  ROW_WIDTHS[row] = (ROW_WIDTHS[row] ?? 0) + 1;
  return row;
});
const perRow = new Int32Array(ROW_REFS.length);

/**
 * Cell references, a row's cells named by the row (t3.new) when all of them or
 * all but one are (a flattened row's six applicant cells): findings stay short,
 * and the report page marks the row.
 */
function byRow(indices: readonly number[]): string[] {
  for (const i of indices) perRow[ROW_OF[i]]++;
  const refs = new Set<string>();
  for (const i of indices) {
    const row = ROW_OF[i];
    refs.add(ROW_WIDTHS[row] > 2 && perRow[row] >= ROW_WIDTHS[row] - 1 ? ROW_REFS[row] : TEMPLATE_CELLS[i].ref);
  }
  for (const i of indices) perRow[ROW_OF[i]] = 0;
  return [...refs];
}

/**
 * NOT_EVALUATED: a rule that could not be evaluated says so, naming the rule,
 * how many of its instances were left unchecked and the cells that stopped
 * them (ambiguous or missing; whole rows by the row: see byRow), never a
 * silent pass.
 */
export function notEvaluated(rule: RuleId, reportId: string, instances: number, cells: readonly UnusableCell[], relatedReportId: string | null = null): Finding {
  const refs = byRow(cells.filter((c) => !c.related).map((c) => c.index));
  const named = [...refs, ...byRow(cells.filter((c) => c.related).map((c) => c.index)).map((ref) => `${ref}（上一年报告）`)];
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
    message: `“${RULE_BY_ID[rule].label}”（${rule}）有 ${instances} 处未能检查：所需单元格${why}（${refList(named)}）`,
    relatedReportId,
    uncheckedRule: rule,
  };
}

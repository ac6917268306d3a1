/** Every cell has a state as well as a value (TEMPLATE.md, "Cell states"). */
export type CellState = 'value' | 'slash' | 'dash' | 'blank' | 'not_in_template' | 'ambiguous' | 'missing';

/**
 * Every report carries every template cell of either version, each in one of
 * these states. `missing`: the version its table follows has the cell, the
 * source does not (a missing or truncated table). Appended last: the
 * positions are the state codes in the browser's tables.
 */
export const CELL_STATES: readonly CellState[] = ['value', 'slash', 'dash', 'blank', 'not_in_template', 'ambiguous', 'missing'];


export const CELL_STATE_LABELS: Record<CellState, string> = {
  value: '数值',
  slash: '“/”',
  dash: '“—”',
  blank: '空白',
  not_in_template: '不在该版模板中',
  ambiguous: '无法确定',
  missing: '缺失',
};

/** The states a report's own cells can be in, as the data-quality page counts them. */
export const SHOWN_STATES: readonly CellState[] = CELL_STATES.filter((s) => s !== 'not_in_template');

/** A number or cell the sums and rules cannot use: the source's text could not be placed, or the cell is not there. */
export const UNKNOWN_STATES: readonly CellState[] = ['ambiguous', 'missing'];

export function stateLabel(state: string): string {
  return CELL_STATE_LABELS[state as CellState] ?? state;
}

/** Every cell has a state as well as a value (TEMPLATE.md, "Cell states"). */
export type CellState = 'value' | 'slash' | 'dash' | 'blank' | 'not_in_template' | 'ambiguous';

export const CELL_STATES: readonly CellState[] = ['value', 'slash', 'dash', 'blank', 'not_in_template', 'ambiguous'];


export const CELL_STATE_LABELS: Record<CellState, string> = {
  value: '数值',
  slash: '“/”',
  dash: '“—”',
  blank: '空白',
  not_in_template: '不在该版模板中',
  ambiguous: '无法确定',
};

/**
 * A cell the report's template version has but its source lacks (a missing or
 * truncated table): no row is stored for it, so it is not a CellState; the
 * report detail and the data-quality page still show and count it.
 */
export const MISSING = 'missing';

export type ShownState = CellState | typeof MISSING;

/** The states a report's own cells can be in, as the data-quality page counts them. */
export const SHOWN_STATES: readonly ShownState[] = [...CELL_STATES.filter((s) => s !== 'not_in_template'), MISSING];

export function stateLabel(state: string): string {
  return state === MISSING ? '缺失' : (CELL_STATE_LABELS[state as CellState] ?? state);
}

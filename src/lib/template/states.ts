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

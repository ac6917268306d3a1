import { makeVector, Table, type Vector } from 'apache-arrow';
import { CELL_STATES, TEMPLATE_CELLS } from '../template';
import { dictionaryColumn, float64NaNAsNull, float64Vector, int16Vector, utf8Vector } from './columns';
import type { GatheredCells, SummaryCells } from './year-cells';
import { CELL_COLUMNS, SUMMARY_CELL_COLUMNS } from './schema';

/** A summary file's table (SUMMARY_CELL_COLUMNS). */
export function summaryTable(cells: SummaryCells): Table {
  const columns: Record<string, Vector> = { report_no: makeVector(cells.reportNo), cell: makeVector(cells.cell), value: float64NaNAsNull(cells.value), state: makeVector(cells.state) };
  return new Table(Object.fromEntries(SUMMARY_CELL_COLUMNS.map((c) => [c.name, columns[c.name]])));
}

type KeyField = 'table' | 'item' | 'row' | 'col';

/** For each key field, its distinct values and, per template cell, the position of its value among them (-1: null). */
const KEY_DICTIONARIES = Object.fromEntries(
  (['table', 'item', 'row', 'col'] as const).map((field) => {
    const dictionary = [...new Set(TEMPLATE_CELLS.map((c) => c[field]).filter((v): v is string => v !== null))];
    const indexOf = Int32Array.from(TEMPLATE_CELLS, (c) => (c[field] === null ? -1 : dictionary.indexOf(c[field]!)));
    return [field, { dictionary, indexOf }];
  }),
) as Record<KeyField, { dictionary: string[]; indexOf: Int32Array }>;

// Cells with no source text: the version lacks them, or the source does.
const NOT_IN_TEMPLATE = CELL_STATES.indexOf('not_in_template');
const MISSING = CELL_STATES.indexOf('missing');

/** The cells table of the dataset (CELL_COLUMNS), its text columns dictionary-encoded. */
export function cellsTable(cells: GatheredCells): Table {
  const { length } = cells.templateIndex;
  const keyColumn = (field: KeyField) => {
    const { indexOf, dictionary } = KEY_DICTIONARIES[field];
    const keys = new Int32Array(length);
    for (let i = 0; i < length; i++) keys[i] = indexOf[cells.templateIndex[i]];
    return dictionaryColumn(keys, dictionary);
  };
  const valueValid = new Uint8Array((length + 7) >> 3);
  const rawValid = new Uint8Array((length + 7) >> 3);
  const pageValid = new Uint8Array((length + 7) >> 3);
  let valueNulls = 0;
  let rawNulls = 0;
  let pageNulls = 0;
  for (let i = 0; i < length; i++) {
    if (cells.value[i] === cells.value[i]) valueValid[i >> 3] |= 1 << (i & 7);
    else valueNulls++;
    if (cells.page[i] > 0) pageValid[i >> 3] |= 1 << (i & 7);
    else pageNulls++;
    if (cells.state[i] !== NOT_IN_TEMPLATE && cells.state[i] !== MISSING) rawValid[i >> 3] |= 1 << (i & 7);
    else rawNulls++;
  }
  const columns: Record<string, Vector> = {
    report_id: dictionaryColumn(cells.report, cells.reportIds),
    table: keyColumn('table'),
    item: keyColumn('item'),
    row: keyColumn('row'),
    col: keyColumn('col'),
    value: float64Vector(cells.value, valueValid, valueNulls),
    state: dictionaryColumn(Int32Array.from(cells.state), CELL_STATES),
    raw: utf8Vector(cells.rawOffsets, cells.rawBytes, rawValid, rawNulls),
    page: int16Vector(cells.page, pageValid, pageNulls),
  };
  return new Table(Object.fromEntries(CELL_COLUMNS.map((c) => [c.name, columns[c.name]])));
}

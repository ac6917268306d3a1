import { Int16, Int32, Int8, makeData, makeVector, RecordBatch, Table, type Data, type Dictionary, type Utf8, type Vector } from 'apache-arrow';
import { CELL_STATES, TEMPLATE_CELLS } from '../template';

/**
 * The cells as DuckDB holds them: numbers where the Parquet files have text.
 * A cell's table, item, row and column become its position in TEMPLATE_CELLS,
 * its report the report's number, its state the position in CELL_STATES;
 * DuckDB inserts these five times faster than the same columns as text (the
 * view `cells` gives the text back: derivedTables in queries/summary-cells.ts).
 */

/** reports with report_no (1, 2, …, in file order) added, and each report_id's number (made when first asked for: only the cells need it). */
export function numberReports(reports: Table): { table: Table; numbers: () => Map<string, number> } {
  const ids = reports.getChild('report_id');
  if (!ids) throw new Error('reports.parquet has no report_id column');
  let numbers: Map<string, number> | null = null;
  const columns = Object.fromEntries(reports.schema.fields.map((f) => [f.name, reports.getChild(f.name)!]));
  const reportNo = Int32Array.from({ length: reports.numRows }, (_, i) => i + 1);
  return {
    table: new Table({ ...columns, report_no: makeVector(reportNo) }),
    numbers: () => (numbers ??= new Map(Array.from(ids, (id, i) => [id as string, i + 1]))),
  };
}

type Key = 'table' | 'item' | 'row' | 'col';
const KEYS: readonly Key[] = ['table', 'item', 'row', 'col'];

const positionsOf = (values: readonly (string | null)[]) => new Map(values.map((v, i) => [v, i]));

/** Each key field's distinct values, by position (0: null, for the item of t3 and t4 cells). */
const KEY_POSITIONS = Object.fromEntries(KEYS.map((k) => [k, positionsOf([null, ...new Set(TEMPLATE_CELLS.map((c) => c[k]).filter((v) => v !== null))])])) as Record<Key, Map<string | null, number>>;
const STATE_POSITIONS = positionsOf(CELL_STATES);

/** The template position of each combination of key positions (-1: none). */
const combination = (t: number, i: number, r: number, c: number) => ((t * KEY_POSITIONS.item.size + i) * KEY_POSITIONS.row.size + r) * KEY_POSITIONS.col.size + c;
const TEMPLATE_POSITION = new Int16Array(KEYS.reduce((n, k) => n * KEY_POSITIONS[k].size, 1)).fill(-1);
TEMPLATE_CELLS.forEach((cell, position) => {
  const [t, i, r, c] = KEYS.map((k) => KEY_POSITIONS[k].get(cell[k])!);
  TEMPLATE_POSITION[combination(t, i, r, c)] = position;
});

type TextData = Data<Dictionary<Utf8>>;

/** A chunk of a dictionary column: its keys, validity, and for each key the position of its value (`positions`; -1: unknown). */
function dictionaryChunk(data: TextData, positions: ReadonlyMap<string | null, number>, cache: Map<unknown, Int32Array>) {
  if (data.offset !== 0) throw new Error('cells: a sliced Arrow chunk (expected as read from Parquet)');
  let found = cache.get(data.dictionary);
  if (!found) {
    const dictionary = data.dictionary as Vector<Utf8>;
    found = Int32Array.from({ length: dictionary.length }, (_, i) => positions.get(dictionary.get(i)) ?? -1);
    cache.set(data.dictionary, found);
  }
  return { keys: data.values as Int32Array, nulls: data.nullCount > 0 ? data.nullBitmap : null, positions: found, nullAt: positions.get(null) ?? -1 };
}

/** The cells of one Parquet file as cell_values rows: report_no, cell, value, state, raw, page. */
export function cellValuesTable(cells: Table, reportNumbers: ReadonlyMap<string | null, number>): Table {
  const n = cells.numRows;
  const numbers = new Int32Array(n);
  const cell = new Int16Array(n);
  const state = new Int8Array(n);
  const column = (name: string): readonly Data[] => {
    const vector = cells.getChild(name);
    if (!vector) throw new Error(`cells: no ${name} column`);
    return vector.data;
  };
  const [ids, tables, items, rows, cols, states] = ['report_id', 'table', 'item', 'row', 'col', 'state'].map((name) => column(name) as readonly TextData[]);
  const caches = Array.from({ length: 6 }, () => new Map<unknown, Int32Array>());
  let base = 0;
  for (let chunk = 0; chunk < ids.length; chunk++) {
    const report = dictionaryChunk(ids[chunk], reportNumbers, caches[0]);
    const table = dictionaryChunk(tables[chunk], KEY_POSITIONS.table, caches[1]);
    const item = dictionaryChunk(items[chunk], KEY_POSITIONS.item, caches[2]);
    const row = dictionaryChunk(rows[chunk], KEY_POSITIONS.row, caches[3]);
    const col = dictionaryChunk(cols[chunk], KEY_POSITIONS.col, caches[4]);
    const cellState = dictionaryChunk(states[chunk], STATE_POSITIONS, caches[5]);
    if (report.nulls || table.nulls || row.nulls || col.nulls || cellState.nulls) throw new Error('cells: a key column with nulls');
    // A hot loop over millions of rows: plain array reads, no calls.
    for (let r = 0; r < ids[chunk].length; r++) {
      const i = base + r;
      const t = table.positions[table.keys[r]];
      const it = item.nulls && !((item.nulls[r >> 3] >> (r & 7)) & 1) ? item.nullAt : item.positions[item.keys[r]];
      const ro = row.positions[row.keys[r]];
      const co = col.positions[col.keys[r]];
      const position = t < 0 || it < 0 || ro < 0 || co < 0 ? -1 : TEMPLATE_POSITION[combination(t, it, ro, co)];
      const reportNo = report.positions[report.keys[r]];
      const stateNo = cellState.positions[cellState.keys[r]];
      if (reportNo < 0 || position < 0 || stateNo < 0) throw new Error(`cells: row ${i} names a report, cell or state the dataset does not have`);
      numbers[i] = reportNo;
      cell[i] = position;
      state[i] = stateNo;
    }
    base += ids[chunk].length;
  }
  // Batch by batch as read, the value and raw columns kept as they are: a table of unaligned chunks would be re-cut, slowly.
  const values = column('value');
  const raws = column('raw');
  // Datasets written before pages were kept have no page column: no page is known.
  const pages = cells.getChild('page')?.data;
  let start = 0;
  const batches = ids.map((data, k) => {
    const slice = <T extends Int32Array | Int16Array | Int8Array>(array: T) => array.subarray(start, start + data.length) as T;
    const batch = new RecordBatch({
      report_no: makeData({ type: new Int32(), length: data.length, data: slice(numbers) }),
      cell: makeData({ type: new Int16(), length: data.length, data: slice(cell) }),
      value: values[k],
      state: makeData({ type: new Int8(), length: data.length, data: slice(state) }),
      raw: raws[k],
      page: pages?.[k] ?? makeData({ type: new Int16(), length: data.length, nullCount: data.length, nullBitmap: new Uint8Array((data.length + 7) >> 3) }),
    });
    start += data.length;
    return batch;
  });
  return new Table(batches);
}

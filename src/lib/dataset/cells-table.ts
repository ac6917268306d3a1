import { makeVector, Table, type Vector } from 'apache-arrow';
import { CELL_STATES, TEMPLATE_CELLS } from '../template';
import { dictionaryColumn, float64NaNAsNull, float64Vector, int16Vector, utf8Vector } from './columns';
import { packedBuffers, type PackedCells, type PackedReport } from './packed';
import { CELL_COLUMNS, SUMMARY_CELL_COLUMNS } from './schema';

/**
 * The cells of one file (one report year), in dataset order, as plain typed
 * arrays: gathered on the ingest's main thread (a copy, cheap) and turned
 * into an Arrow table by the thread that writes the Parquet file.
 */
export interface GatheredCells extends PackedCells {
  /** report_id of each report, in dataset order. */
  reportIds: string[];
  /** Each cell's report, as a position in reportIds. */
  report: Int32Array;
}

export function gatherCells(reports: readonly PackedReport[]): GatheredCells {
  const length = reports.reduce((n, p) => n + p.cells.count, 0);
  const rawLength = reports.reduce((n, { cells: { packed, start, count } }) => n + packed.rawOffsets[start + count] - packed.rawOffsets[start], 0);
  const gathered: GatheredCells = {
    reportIds: reports.map((p) => p.report.id),
    report: new Int32Array(length),
    templateIndex: new Uint16Array(length),
    state: new Uint8Array(length),
    value: new Float64Array(length),
    page: new Int16Array(length),
    rawOffsets: new Int32Array(length + 1),
    rawBytes: new Uint8Array(rawLength),
  };
  let at = 0;
  reports.forEach(({ cells: { packed, start, count } }, r) => {
    const end = start + count;
    gathered.report.fill(r, at, at + count);
    gathered.templateIndex.set(packed.templateIndex.subarray(start, end), at);
    gathered.state.set(packed.state.subarray(start, end), at);
    gathered.value.set(packed.value.subarray(start, end), at);
    gathered.page.set(packed.page.subarray(start, end), at);
    const rawStart = packed.rawOffsets[start];
    const rawBase = gathered.rawOffsets[at];
    gathered.rawBytes.set(packed.rawBytes.subarray(rawStart, packed.rawOffsets[end]), rawBase);
    for (let c = start; c < end; c++) gathered.rawOffsets[at + c - start + 1] = rawBase + packed.rawOffsets[c + 1] - rawStart;
    at += count;
  });
  return gathered;
}

/**
 * The summary cells of some reports (a summary file's rows, SUMMARY_CELL_COLUMNS):
 * each by its report's number (its position in the reports file, from 1) and
 * template position, with value and state: numbers only, which the site
 * inserts as they are.
 */
export interface SummaryCells {
  reportNo: Int32Array;
  cell: Int16Array;
  /** NaN where the cell has no value. */
  value: Float64Array;
  state: Int16Array;
}

/**
 * `only`: 1 by template position for the cells to keep; `numbers`: each
 * report's number. Ordered by cell, then report: a query of some cells then
 * reads only their stretch of the table (DuckDB skips row groups by their
 * min and max), two to three times faster at 100,000 reports.
 */
export function gatherSummary(reports: readonly PackedReport[], only: Uint8Array, numbers: ReadonlyMap<string, number>): SummaryCells {
  const starts = new Int32Array(only.length + 1);
  for (const { cells: { packed, start, count } } of reports) {
    for (let c = start; c < start + count; c++) if (only[packed.templateIndex[c]]) starts[packed.templateIndex[c] + 1]++;
  }
  for (let cell = 0; cell < only.length; cell++) starts[cell + 1] += starts[cell];
  const length = starts[only.length];
  const gathered: SummaryCells = { reportNo: new Int32Array(length), cell: new Int16Array(length), value: new Float64Array(length), state: new Int16Array(length) };
  const next = starts.slice(0, only.length);
  for (const { report, cells: { packed, start, count } } of reports) {
    const reportNo = numbers.get(report.id)!;
    for (let c = start; c < start + count; c++) {
      const cell = packed.templateIndex[c];
      if (!only[cell]) continue;
      const at = next[cell]++;
      gathered.reportNo[at] = reportNo;
      gathered.cell[at] = cell;
      gathered.state[at] = packed.state[c];
      gathered.value[at] = packed.value[c];
    }
  }
  return gathered;
}

export function summaryBuffers(cells: SummaryCells): ArrayBuffer[] {
  return [cells.reportNo, cells.cell, cells.value, cells.state].map((a) => a.buffer as ArrayBuffer);
}

/** A summary file's table (SUMMARY_CELL_COLUMNS). */
export function summaryTable(cells: SummaryCells): Table {
  const columns: Record<string, Vector> = { report_no: makeVector(cells.reportNo), cell: makeVector(cells.cell), value: float64NaNAsNull(cells.value), state: makeVector(cells.state) };
  return new Table(Object.fromEntries(SUMMARY_CELL_COLUMNS.map((c) => [c.name, columns[c.name]])));
}

/** Transferable buffers of gathered cells (for postMessage). */
export function gatheredBuffers(cells: GatheredCells): ArrayBuffer[] {
  return [cells.report.buffer as ArrayBuffer, ...packedBuffers(cells)];
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

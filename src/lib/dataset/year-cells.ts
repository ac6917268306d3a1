import { TEMPLATE_CELLS } from '../template';
import type { CellRange, PackedCells } from './packed';

/**
 * A year's cells as the dataset builder keeps them: each report's appended
 * after the ones before (in the order reports are read), the year's file's
 * thread then takes them in dataset order. Held in memory (the browser's
 * import), or written to a file as they come (the command line's
 * ingest: ingest/cell-spill.ts), so that a million reports' cells are not
 * all held while the others are read.
 */
export interface CellStore {
  /** Keep a report's cells; returns where they are among its year's (the store's own position: a cell's, or a byte's). */
  keep(year: number, cells: CellRange): number;
  /** Where a year's kept cells are, every report of the year kept. */
  year(year: number): KeptCells;
}

/** A spilled year's cells: a file of each report's cells, one after another (ingest/cell-spill.ts). */
export interface SpilledCells {
  path: string;
}

export type KeptCells = PackedCells | SpilledCells;

export function isSpilled(cells: KeptCells): cells is SpilledCells {
  return 'path' in cells;
}

/**
 * One year's cells file (and summary file) as handed to the thread that
 * writes it: the year's kept cells, and its reports in dataset order, report
 * i's `count[i]` cells being at `start[i]` of them (as the store kept them).
 */
export interface YearCells {
  cells: KeptCells;
  start: Float64Array;
  count: Int32Array;
  reportIds: string[];
  /** Each report's position in the reports file, from 1 (the summary file's report_no). */
  reportNos: Int32Array;
}

/** Cells appended range by range into one growing PackedCells. */
class CellAppender {
  private packed = emptyCells(1024, 4096);
  private cells = 0;

  /** Append a range of cells; returns the position of its first. */
  append(range: CellRange): number {
    const at = this.cells;
    const { packed: from, start, count } = range;
    this.reserve(at + count, this.packed.rawOffsets[at] + from.rawOffsets[start + count] - from.rawOffsets[start]);
    copyCells(range, this.packed, at);
    this.cells += count;
    return at;
  }

  /** The cells appended, as views of the arrays (valid until the next append). */
  view(): PackedCells {
    const { packed: p, cells } = this;
    const raw = p.rawOffsets[cells];
    return { templateIndex: p.templateIndex.subarray(0, cells), state: p.state.subarray(0, cells), value: p.value.subarray(0, cells), page: p.page.subarray(0, cells), rawOffsets: p.rawOffsets.subarray(0, cells + 1), rawBytes: p.rawBytes.subarray(0, raw) };
  }

  private reserve(cells: number, rawBytes: number): void {
    const p = this.packed;
    if (cells <= p.templateIndex.length && rawBytes <= p.rawBytes.length) return;
    const grown = emptyCells(Math.max(cells, p.templateIndex.length * 2), Math.max(rawBytes, p.rawBytes.length * 2));
    const old = this.view();
    grown.templateIndex.set(old.templateIndex);
    grown.state.set(old.state);
    grown.value.set(old.value);
    grown.page.set(old.page);
    grown.rawOffsets.set(old.rawOffsets);
    grown.rawBytes.set(old.rawBytes);
    this.packed = grown;
  }
}

/** A range of cells copied into `to` from its cell `at` (its raw texts after those before `at`; room made by the caller). */
function copyCells({ packed: from, start, count }: CellRange, to: PackedCells, at: number): void {
  const end = start + count;
  to.templateIndex.set(from.templateIndex.subarray(start, end), at);
  to.state.set(from.state.subarray(start, end), at);
  to.value.set(from.value.subarray(start, end), at);
  to.page.set(from.page.subarray(start, end), at);
  const rawStart = from.rawOffsets[start];
  const rawAt = to.rawOffsets[at];
  to.rawBytes.set(from.rawBytes.subarray(rawStart, from.rawOffsets[end]), rawAt);
  for (let i = 1; i <= count; i++) to.rawOffsets[at + i] = rawAt + from.rawOffsets[start + i] - rawStart;
}

export function emptyCells(cells: number, rawBytes: number): PackedCells {
  return { templateIndex: new Uint16Array(cells), state: new Uint8Array(cells), value: new Float64Array(cells), page: new Int16Array(cells), rawOffsets: new Int32Array(cells + 1), rawBytes: new Uint8Array(rawBytes) };
}

/** Cells held in memory, one appender per year (the browser's import). */
export class CellsInMemory implements CellStore {
  private readonly years = new Map<number, CellAppender>();

  keep(year: number, cells: CellRange): number {
    let appender = this.years.get(year);
    if (!appender) this.years.set(year, (appender = new CellAppender()));
    return appender.append(cells);
  }

  year(year: number): PackedCells {
    return this.years.get(year)?.view() ?? emptyCells(0, 0);
  }
}

/**
 * The cells of the reports `from .. to` of a year (in dataset order) as
 * columns for cellsTable: `report` is each cell's report as a position in
 * `reportIds`.
 */
export interface GatheredCells extends PackedCells {
  reportIds: string[];
  report: Int32Array;
}

export function gatherReports(packed: PackedCells, year: YearCells, from: number, to: number): GatheredCells {
  const { start, count } = year;
  let length = 0;
  let rawLength = 0;
  for (let r = from; r < to; r++) {
    length += count[r];
    rawLength += packed.rawOffsets[start[r] + count[r]] - packed.rawOffsets[start[r]];
  }
  const gathered: GatheredCells = { ...emptyCells(length, rawLength), reportIds: year.reportIds.slice(from, to), report: new Int32Array(length) };
  let at = 0;
  for (let r = from; r < to; r++) {
    gathered.report.fill(r - from, at, at + count[r]);
    copyCells({ packed, start: start[r], count: count[r] }, gathered, at);
    at += count[r];
  }
  return gathered;
}

/** A year's reports cut into runs of at most `maxCells` cells (a report is never cut): [from, to) of each. */
export function reportRuns(year: YearCells, maxCells: number): [number, number][] {
  const runs: [number, number][] = [];
  let from = 0;
  let cells = 0;
  for (let r = 0; r < year.count.length; r++) {
    if (r > from && cells + year.count[r] > maxCells) {
      runs.push([from, r]);
      from = r;
      cells = 0;
    }
    cells += year.count[r];
  }
  if (year.count.length > from) runs.push([from, year.count.length]);
  return runs;
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

/** Reads the cells of a year's reports `from .. to` (dataset order), as gatherReports gives them. */
export type RunReader = (from: number, to: number) => GatheredCells;

/**
 * A year's summary cells; `only`: 1 by template position for the cells to
 * keep. Ordered by cell, then report: a query of some cells then reads only
 * their stretch of the table (DuckDB skips row groups by their min and max),
 * two to three times faster at 100,000 reports. Read a run of reports at a
 * time, twice: the cells of each kind counted, then placed.
 */
export function gatherSummary(read: RunReader, runs: readonly [number, number][], reportNos: Int32Array, only: Uint8Array): SummaryCells {
  const starts = new Int32Array(TEMPLATE_CELLS.length + 1);
  for (const [from, to] of runs) {
    const { templateIndex } = read(from, to);
    for (let c = 0; c < templateIndex.length; c++) if (only[templateIndex[c]]) starts[templateIndex[c] + 1]++;
  }
  for (let cell = 0; cell < TEMPLATE_CELLS.length; cell++) starts[cell + 1] += starts[cell];
  const length = starts[TEMPLATE_CELLS.length];
  const gathered: SummaryCells = { reportNo: new Int32Array(length), cell: new Int16Array(length), value: new Float64Array(length), state: new Int16Array(length) };
  const next = starts.slice(0, TEMPLATE_CELLS.length);
  for (const [from, to] of runs) {
    const cells = read(from, to);
    for (let c = 0; c < cells.templateIndex.length; c++) {
      const cell = cells.templateIndex[c];
      if (!only[cell]) continue;
      const at = next[cell]++;
      gathered.reportNo[at] = reportNos[from + cells.report[c]];
      gathered.cell[at] = cell;
      gathered.state[at] = cells.state[c];
      gathered.value[at] = cells.value[c];
    }
  }
  return gathered;
}

/** Rows `from .. to` of summary cells (views). */
export function summarySlice(cells: SummaryCells, from: number, to: number): SummaryCells {
  return { reportNo: cells.reportNo.subarray(from, to), cell: cells.cell.subarray(from, to), value: cells.value.subarray(from, to), state: cells.state.subarray(from, to) };
}

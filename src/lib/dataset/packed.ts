import { CELL_STATES, TEMPLATE_CELLS, type Cell, type Finding } from '../template';
import type { ParsedReport } from '../reader/types';
import { encodeTexts, utf8Length } from './utf8-length';
import { emptyCells } from './year-cells';

/** A report without its cells and prose: what the reports table holds. */
export type ReportRecord = Omit<ParsedReport, 'cells' | 'prose' | 'findings'>;

/**
 * The cells of a batch of reports as typed arrays, one set for the batch:
 * cheap to keep by the hundred thousand, to pass between threads (five
 * transfers a batch) and to concatenate into Arrow columns.
 */
export interface PackedCells {
  templateIndex: Uint16Array;
  state: Uint8Array;
  /** NaN where the cell has no value. */
  value: Float64Array;
  /** The PDF page of the cell's text (1-based); 0 where the format has no pages. */
  page: Int16Array;
  /** raw texts as UTF-8: cell i is rawBytes[rawOffsets[i] .. rawOffsets[i + 1]]. */
  rawOffsets: Int32Array;
  rawBytes: Uint8Array;
}

/** One report's cells: positions start .. start + count of its batch's arrays. */
export interface CellRange {
  packed: PackedCells;
  start: number;
  count: number;
}

/** Everything the dataset needs of one parsed and checked report. */
export interface PackedReport {
  report: ReportRecord;
  cells: CellRange;
  findings: Finding[];
}

const STATE_INDEX = new Map(CELL_STATES.map((s, i) => [s, i]));

/** Packs the reports of one batch into one PackedCells. */
export class CellPacker {
  readonly packed: PackedCells;
  private cells = 0;

  /** A report has at most one cell per template cell, so the arrays are sized once. */
  constructor(reports: number) {
    const capacity = reports * TEMPLATE_CELLS.length;
    this.packed = emptyCells(capacity, capacity * 4);
  }

  pack(parsed: ParsedReport, findings: Finding[]): PackedReport {
    const { cells, prose: _prose, findings: _readerFindings, ...report } = parsed;
    return { report, cells: this.add(cells), findings };
  }

  private add(cells: readonly Cell[]): CellRange {
    const { packed } = this;
    const start = this.cells;
    if (start + cells.length > packed.templateIndex.length) throw new Error(`a report has ${cells.length} cells; the template has ${TEMPLATE_CELLS.length}`);
    const rawStart = packed.rawOffsets[start];
    let offset = rawStart;
    for (let c = 0, i = start; c < cells.length; c++, i++) {
      const cell = cells[c];
      packed.templateIndex[i] = cell.templateIndex;
      packed.state[i] = STATE_INDEX.get(cell.state)!;
      packed.value[i] = cell.value ?? Number.NaN;
      packed.page[i] = cell.page ?? 0;
      if (cell.raw) offset += utf8Length(cell.raw);
      packed.rawOffsets[i + 1] = offset;
    }
    this.reserveRaw(offset);
    encodeTexts(cells.map((c) => c.raw), offset - rawStart, packed.rawBytes, rawStart);
    this.cells += cells.length;
    return { packed, start, count: cells.length };
  }

  /**
   * The arrays cut to the cells packed (the reports' ranges keep pointing at
   * them): sized for a full template per report, a batch fills about two
   * thirds of them, and they are kept until the dataset is written.
   */
  finish(): PackedCells {
    const { packed, cells } = this;
    packed.templateIndex = packed.templateIndex.slice(0, cells);
    packed.state = packed.state.slice(0, cells);
    packed.value = packed.value.slice(0, cells);
    packed.page = packed.page.slice(0, cells);
    packed.rawOffsets = packed.rawOffsets.slice(0, cells + 1);
    packed.rawBytes = packed.rawBytes.slice(0, packed.rawOffsets[cells]);
    return packed;
  }

  private reserveRaw(bytes: number): void {
    if (bytes <= this.packed.rawBytes.length) return;
    const grown = new Uint8Array(Math.max(bytes, this.packed.rawBytes.length * 2));
    grown.set(this.packed.rawBytes);
    this.packed.rawBytes = grown;
  }
}

/** Transferable buffers of a batch's cells (for postMessage). */
export function packedBuffers(packed: PackedCells): ArrayBuffer[] {
  return [packed.templateIndex, packed.state, packed.value, packed.page, packed.rawOffsets, packed.rawBytes].map((a) => a.buffer as ArrayBuffer);
}

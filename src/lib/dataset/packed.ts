import { CELL_STATES, type Finding } from '../template';
import type { ParsedReport } from '../reader/types';

/** A report without its cells and prose: what the reports table holds. */
export type ReportRecord = Omit<ParsedReport, 'cells' | 'prose' | 'findings'>;

/**
 * A report's cells as typed arrays: cheap to keep by the hundred thousand, to
 * pass between threads, and to concatenate into Arrow columns.
 */
export interface PackedCells {
  templateIndex: Uint16Array;
  state: Uint8Array;
  /** NaN where the cell has no value. */
  value: Float64Array;
  /** raw texts as UTF-8: cell i is rawBytes[rawOffsets[i] .. rawOffsets[i + 1]]. */
  rawOffsets: Int32Array;
  rawBytes: Uint8Array;
}

/** Everything the dataset needs of one parsed and checked report. */
export interface PackedReport {
  report: ReportRecord;
  cells: PackedCells;
  findings: Finding[];
}

const STATE_INDEX = new Map(CELL_STATES.map((s, i) => [s, i]));
const encoder = new TextEncoder();

export function packReport(parsed: ParsedReport, findings: Finding[]): PackedReport {
  const { cells, prose: _prose, findings: _readerFindings, ...report } = parsed;
  const n = cells.length;
  const raw = encoder.encode(cells.map((c) => c.raw ?? '').join(''));
  const packed: PackedCells = {
    templateIndex: new Uint16Array(n),
    state: new Uint8Array(n),
    value: new Float64Array(n),
    rawOffsets: new Int32Array(n + 1),
    rawBytes: raw,
  };
  let offset = 0;
  cells.forEach((c, i) => {
    packed.templateIndex[i] = c.templateIndex;
    packed.state[i] = STATE_INDEX.get(c.state)!;
    packed.value[i] = c.value ?? Number.NaN;
    offset += c.raw ? utf8Length(c.raw) : 0;
    packed.rawOffsets[i + 1] = offset;
  });
  return { report, cells: packed, findings };
}

/** Transferable buffers of a packed report (for postMessage). */
export function packedBuffers({ cells }: PackedReport): ArrayBuffer[] {
  return [cells.templateIndex, cells.state, cells.value, cells.rawOffsets, cells.rawBytes].map((a) => a.buffer as ArrayBuffer);
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

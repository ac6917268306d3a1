import type { Data, Vector } from 'apache-arrow';

/**
 * Reading the reports' text columns (a hundred thousand rows) from their
 * UTF-8 bytes in place: a row's text is decoded only when it is wanted.
 */

/** Row j's bytes, start .. end in its chunk's values. */
const start = (data: Data, j: number) => data.valueOffsets[data.offset + j];
const end = (data: Data, j: number) => data.valueOffsets[data.offset + j + 1];

/** Whether a chunk's row j holds `bytes`. */
function holds(data: Data, j: number, bytes: Uint8Array): boolean {
  const from = start(data, j);
  if (end(data, j) - from !== bytes.length) return false;
  const values = data.values as Uint8Array;
  for (let k = 0; k < bytes.length; k++) if (values[from + k] !== bytes[k]) return false;
  return true;
}

/** A text column's runs of equal values (a body's reports are together): decoded once per run, not per row. */
export function textRuns(vector: Vector): { text: string; start: number; end: number }[] {
  const runs: { text: string; start: number; end: number }[] = [];
  let row = 0;
  let last: Uint8Array | null = null;
  for (const data of vector.data as Data[]) {
    for (let j = 0; j < data.length; j++, row++) {
      if (last && holds(data, j, last)) runs[runs.length - 1].end = row + 1;
      else {
        last = (data.values as Uint8Array).subarray(start(data, j), end(data, j));
        runs.push({ text: DECODER.decode(last), start: row, end: row + 1 });
      }
    }
  }
  return runs;
}

/** The first row at or after `from` whose text is `text`; -1 when none is. */
export function findText(vector: Vector, text: string, from = 0): number {
  const bytes = ENCODER.encode(text);
  let base = 0;
  for (const data of vector.data as Data[]) {
    for (let j = Math.max(0, from - base); j < data.length; j++) if (holds(data, j, bytes)) return base + j;
    base += data.length;
  }
  return -1;
}

const DECODER = new TextDecoder();
const ENCODER = new TextEncoder();

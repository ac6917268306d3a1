import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { CellRange } from '../dataset/packed';
import { emptyCells, type CellStore, type GatheredCells, type RunReader, type SpilledCells, type YearCells } from '../dataset/year-cells';

/** Bytes held per year before they are written to its file. */
const PENDING_BYTES = 4 << 20;

interface SpilledYear {
  path: string;
  fd: number;
  pending: Uint8Array;
  pendingLength: number;
  /** Bytes written to the file. */
  written: number;
}

/**
 * A report's cells as the spill writes them: its n cells' values (8 bytes
 * each), raw text lengths (4), template positions (2), pages (2), states (1),
 * then their raw texts.
 */
const BYTES_PER_CELL = 17;

/**
 * The ingest's cells, written to one file per report year (in the staging
 * folder) as reports are read, so that a million reports' cells (about
 * 4 GB) are not held until the dataset is written. A report's cells are
 * written together, and found again by their offset in the file: the
 * thread writing a year's files reads them a run of reports at a time
 * (spilledRuns), never the whole year.
 */
export class CellSpill implements CellStore {
  private readonly years = new Map<number, SpilledYear>();

  constructor(
    private readonly dir: string,
    private readonly pendingBytes = PENDING_BYTES,
  ) {}

  keep(year: number, { packed, start, count }: CellRange): number {
    const spill = this.spillOf(year);
    const rawStart = packed.rawOffsets[start];
    const rawLength = packed.rawOffsets[start + count] - rawStart;
    const at = spill.written + spill.pendingLength;
    const bytes = count * BYTES_PER_CELL + rawLength;
    if (spill.pendingLength + bytes > spill.pending.length) {
      const grown = new Uint8Array(Math.max(spill.pending.length * 2, spill.pendingLength + bytes));
      grown.set(spill.pending.subarray(0, spill.pendingLength));
      spill.pending = grown;
    }
    const rawLengths = new Int32Array(count);
    for (let i = 0; i < count; i++) rawLengths[i] = packed.rawOffsets[start + i + 1] - packed.rawOffsets[start + i];
    let offset = spill.pendingLength;
    for (const section of [packed.value.subarray(start, start + count), rawLengths, packed.templateIndex.subarray(start, start + count), packed.page.subarray(start, start + count), packed.state.subarray(start, start + count), packed.rawBytes.subarray(rawStart, rawStart + rawLength)]) {
      spill.pending.set(asBytes(section), offset);
      offset += section.byteLength;
    }
    spill.pendingLength = offset;
    if (spill.pendingLength >= this.pendingBytes) this.flush(spill);
    return at;
  }

  year(year: number): SpilledCells {
    const spill = this.spillOf(year);
    this.flush(spill);
    return { path: spill.path };
  }

  /** Close the files (they go with the staging folder). */
  close(): void {
    for (const spill of this.years.values()) closeSync(spill.fd);
    this.years.clear();
  }

  private spillOf(year: number): SpilledYear {
    let spill = this.years.get(year);
    if (!spill) {
      const path = join(this.dir, `cells-${year}.spill`);
      spill = { path, fd: openSync(path, 'w'), pending: new Uint8Array(1 << 16), pendingLength: 0, written: 0 };
      this.years.set(year, spill);
    }
    return spill;
  }

  private flush(spill: SpilledYear): void {
    const bytes = spill.pending.subarray(0, spill.pendingLength);
    for (let done = 0; done < bytes.length; ) done += writeSync(spill.fd, bytes, done, bytes.length - done, spill.written + done);
    spill.written += bytes.length;
    spill.pendingLength = 0;
  }
}

function asBytes(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** A spilled year's cells, read back a run of reports at a time (one read a report, mostly). */
export function spilledRuns(year: YearCells, { path }: SpilledCells): RunReader {
  return (from, to) => {
    let length = 0;
    for (let r = from; r < to; r++) length += year.count[r];
    const cells: GatheredCells = { ...emptyCells(length, length * 4), reportIds: year.reportIds.slice(from, to), report: new Int32Array(length) };
    const fd = openSync(path, 'r');
    try {
      let record = new Uint8Array(1 << 16);
      let rawLengths = new Int32Array(1024);
      let at = 0;
      for (let r = from; r < to; r++) {
        const n = year.count[r];
        const fixed = n * BYTES_PER_CELL;
        // Raw texts are short (a few bytes a cell): read with the fixed part, mostly.
        if (record.length < fixed + n * 8) record = new Uint8Array(fixed + n * 8);
        const got = readAt(fd, record, 0, fixed + n * 8, year.start[r], fixed, path);
        if (rawLengths.length < n) rawLengths = new Int32Array(n);
        asBytes(rawLengths).set(record.subarray(n * 8, n * 12));
        asBytes(cells.value).set(record.subarray(0, n * 8), at * 8);
        asBytes(cells.templateIndex).set(record.subarray(n * 12, n * 14), at * 2);
        asBytes(cells.page).set(record.subarray(n * 14, n * 16), at * 2);
        cells.state.set(record.subarray(n * 16, fixed), at);
        cells.report.fill(r - from, at, at + n);
        const rawAt = cells.rawOffsets[at];
        for (let i = 0; i < n; i++) cells.rawOffsets[at + i + 1] = cells.rawOffsets[at + i] + rawLengths[i];
        const rawLength = cells.rawOffsets[at + n] - rawAt;
        if (cells.rawBytes.length < rawAt + rawLength) {
          const grown = new Uint8Array(Math.max(cells.rawBytes.length * 2, rawAt + rawLength));
          grown.set(cells.rawBytes.subarray(0, rawAt));
          cells.rawBytes = grown;
        }
        const inRecord = Math.min(rawLength, got - fixed);
        cells.rawBytes.set(record.subarray(fixed, fixed + inRecord), rawAt);
        if (inRecord < rawLength) readAt(fd, cells.rawBytes, rawAt + inRecord, rawLength - inRecord, year.start[r] + fixed + inRecord, rawLength - inRecord, path);
        at += n;
      }
    } finally {
      closeSync(fd);
    }
    cells.rawBytes = cells.rawBytes.subarray(0, cells.rawOffsets[length]);
    return cells;
  };
}

/** Read up to `length` bytes at `position` into buffer[offset…]; at least `needed` of them must be there. Returns how many were read. */
function readAt(fd: number, buffer: Uint8Array, offset: number, length: number, position: number, needed: number, path: string): number {
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buffer, offset + read, length - read, position + read);
    if (n === 0) break;
    read += n;
  }
  if (read < needed) throw new Error(`${path}: the cells written there end early`);
  return read;
}

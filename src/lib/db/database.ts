import { Type, type Data, type Table, type Vector } from 'apache-arrow';

/** A DuckDB the queries run on: duckdb-wasm in a Web Worker in the browser, the same wasm in Node for tests. */
export interface Database {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** The answer as Arrow columns, for answers too long to hold as objects (see queries/reports-by-body.ts). */
  queryTable(sql: string, params?: readonly unknown[]): Promise<Table>;
  /** Load an Arrow IPC stream as table `name` (appending when it exists). */
  insertArrowIPC(name: string, ipc: Uint8Array, append: boolean): Promise<void>;
}

/** Arrow rows → plain objects; DuckDB's 64-bit integers (COUNT, SUM of ints) become numbers and LISTs arrays. */
export function plainRows<Row>(table: Table): Row[] {
  const fields = table.schema.fields.map((f) => f.name);
  // Column by column: get(i) per cell finds its chunk and its type's reader every time.
  const columns = fields.map((f) => columnValues(table.getChild(f)!, table.numRows));
  const rows: Row[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (let k = 0; k < fields.length; k++) row[fields[k]] = columns[k][i];
    rows[i] = row as Row;
  }
  return rows;
}

/** A column's values, chunk by chunk from the buffers where the type is one DuckDB answers with (numbers, text, lists of them), else through the vector's iterator. */
function columnValues(vector: Vector, length: number): unknown[] {
  const chunks = (vector.data as Data[]).map(chunkValues);
  if (chunks.every((c) => c !== null)) {
    if (chunks.length === 1) return chunks[0]!;
    // Copied chunk by chunk: Array.prototype.flat takes ten times as long over ~50 chunks of DuckDB's 2,048 rows.
    const values: unknown[] = new Array(length);
    let i = 0;
    for (const chunk of chunks) for (const value of chunk!) values[i++] = value;
    return values;
  }
  const values: unknown[] = new Array(length);
  let i = 0;
  for (const v of vector) values[i++] = plainValue(v);
  return values;
}

const utf8 = new TextDecoder();

/** One chunk's values as plain values, or null for a type not read here. */
function chunkValues(chunk: Data): unknown[] | null {
  // An empty answer's list columns have no child data (DuckDB's Arrow): nothing to read.
  if (chunk.length === 0) return [];
  const { typeId } = chunk.type;
  const valid = (j: number) => hasValue(chunk, j);
  const out: unknown[] = new Array(chunk.length);
  if ((typeId === Type.Float && (chunk.type as { precision?: number }).precision !== 0) || typeId === Type.Int) {
    const values = chunk.values as ArrayLike<number | bigint>;
    for (let j = 0; j < chunk.length; j++) out[j] = valid(j) ? Number(values[j]) : null;
  } else if (typeId === Type.Utf8) {
    const [offsets, bytes] = [chunk.valueOffsets as Int32Array, chunk.values as Uint8Array];
    for (let j = 0; j < chunk.length; j++) out[j] = valid(j) ? utf8.decode(bytes.subarray(offsets[j], offsets[j + 1])) : null;
  } else if (typeId === Type.List) {
    const items = chunkValues(chunk.children[0]);
    if (!items) return null;
    const offsets = chunk.valueOffsets as Int32Array;
    for (let j = 0; j < chunk.length; j++) out[j] = valid(j) ? items.slice(offsets[j], offsets[j + 1]) : null;
  } else return null;
  return out;
}

function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  // By shape, not instanceof: duckdb-wasm's Arrow classes need not be the ones this module imports.
  if (v !== null && typeof v === 'object' && Array.isArray((v as Vector).data) && typeof (v as Vector).toArray === 'function') return Array.from(v as Vector, plainValue);
  return v;
}

/** A numeric column as one Float64Array, NaN for null: copied from each chunk's buffer, no value boxed. */
export function numberColumn(vector: Vector): Float64Array {
  const out = new Float64Array(vector.length);
  let at = 0;
  for (const chunk of vector.data as Data[]) {
    const values = chunk.values as ArrayLike<number | bigint>;
    if (values instanceof Float64Array || values instanceof Int32Array || values instanceof Int16Array || values instanceof Int8Array) out.set(values.subarray(0, chunk.length), at);
    else for (let j = 0; j < chunk.length; j++) out[at + j] = Number(values[j]);
    const bitmap = chunk.nullBitmap;
    if (chunk.nullCount > 0 && bitmap && bitmap.length > 0) {
      // Byte by byte: a byte of eight values skips its bits.
      for (let j = 0; j < chunk.length; j++) {
        const i = chunk.offset + j;
        if (bitmap[i >> 3] !== 0xff && ((bitmap[i >> 3] >> (i & 7)) & 1) === 0) out[at + j] = Number.NaN;
      }
    }
    at += chunk.length;
  }
  return out;
}

/**
 * Whether row j of a chunk has a value, read from its validity bitmap (to
 * which, unlike its values, the chunk's offset applies): Data.getValid's
 * answer, many times faster over millions of rows.
 */
export function hasValue(chunk: Data, j: number): boolean {
  const bitmap = chunk.nullBitmap;
  if (chunk.nullCount === 0 || !bitmap || bitmap.length === 0) return true;
  const i = chunk.offset + j;
  return ((bitmap[i >> 3] >> (i & 7)) & 1) === 1;
}

/** A column's validity, row by row (1: a value, 0: null), read from its bitmaps. */
export function validityColumn(vector: Vector): Uint8Array {
  const out = new Uint8Array(vector.length);
  let at = 0;
  for (const chunk of vector.data as Data[]) for (let j = 0; j < chunk.length; j++) out[at++] = hasValue(chunk, j) ? 1 : 0;
  return out;
}

/**
 * Each row's combination of values in some text columns, as a number: a new
 * one takes the next number and its row is listed in `newRows`. Read from the
 * buffers byte by byte, nothing decoded, and a row like the one before (a
 * body's reports) is not read twice: a few hundred combinations over 100,000
 * rows take milliseconds. Equal bytes, equal number; a null is apart from
 * every text, the empty one included.
 */
export function combinationNumbers(table: Table, names: readonly string[]): { numbers: Int32Array; newRows: number[] } {
  const keys = new Map<string, number>();
  const numbers = new Int32Array(table.numRows);
  const newRows: number[] = [];
  let row = 0;
  for (const batch of table.batches) {
    const columns = names.map((name) => batch.getChild(name)!.data[0]);
    for (let j = 0; j < batch.numRows; j++, row++) {
      if (j > 0 && columns.every((data) => sameAsBefore(data, j))) {
        numbers[row] = numbers[row - 1];
        continue;
      }
      let key = '';
      for (const data of columns) {
        if (!hasValue(data, j)) key += '\u0001n';
        else {
          // The UTF-8 bytes as char codes: equal texts give equal keys, without decoding them.
          const [start, end] = [data.valueOffsets[j], data.valueOffsets[j + 1]];
          key += '\u0001s' + String.fromCharCode.apply(null, data.values.subarray(start, end) as unknown as number[]);
        }
      }
      let n = keys.get(key);
      if (n === undefined) {
        keys.set(key, (n = keys.size));
        newRows.push(row);
      }
      numbers[row] = n;
    }
  }
  return { numbers, newRows };
}

/** Whether a text column's row j holds the same as row j - 1 (both null, or the same bytes). */
function sameAsBefore(data: Data, j: number): boolean {
  const [valid, validBefore] = [hasValue(data, j), hasValue(data, j - 1)];
  if (!valid || !validBefore) return valid === validBefore;
  const offsets = data.valueOffsets;
  const [before, start, end] = [offsets[j - 1], offsets[j], offsets[j + 1]];
  if (end - start !== start - before) return false;
  const bytes = data.values as Uint8Array;
  for (let k = 0; k < end - start; k++) if (bytes[start + k] !== bytes[before + k]) return false;
  return true;
}

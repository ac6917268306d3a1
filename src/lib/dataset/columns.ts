import { Dictionary, Float64, Int16, Int32, makeData, makeVector, Utf8, type Vector } from 'apache-arrow';
import { encodeTexts, utf8Length } from './utf8-length';

/**
 * Arrow columns built straight into typed arrays. apache-arrow's generic
 * vectorFromArray is far too slow for millions of cells (tens of seconds);
 * these take well under a second for the same data.
 */

function validity(length: number, isNull: (i: number) => boolean): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array((length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < length; i++) {
    if (isNull(i)) nullCount++;
    else nullBitmap[i >> 3] |= 1 << (i & 7);
  }
  return { nullBitmap, nullCount };
}

/** A string column: all values encoded in one call (one call per value costs more than the copying). */
export function utf8Column(values: readonly (string | null)[]): Vector<Utf8> {
  const valueOffsets = new Int32Array(values.length + 1);
  const nullBitmap = new Uint8Array((values.length + 7) >> 3);
  let nullCount = 0;
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) nullCount++;
    else {
      nullBitmap[i >> 3] |= 1 << (i & 7);
      offset += utf8Length(v);
    }
    valueOffsets[i + 1] = offset;
  }
  const data = new Uint8Array(offset);
  encodeTexts(values, offset, data, 0);
  return makeVector(makeData({ type: new Utf8(), length: values.length, valueOffsets, data, nullBitmap, nullCount }));
}

/** A dictionary-encoded string column: `indices[i]` points into `dictionary`; -1 is null. Taken as it is when there are no nulls. */
export function dictionaryColumn(indices: Int32Array, dictionary: readonly string[]): Vector<Dictionary<Utf8, Int32>> {
  const type = new Dictionary(new Utf8(), new Int32());
  const dict = utf8Column(dictionary);
  let nullCount = 0;
  for (let i = 0; i < indices.length; i++) if (indices[i] < 0) nullCount++;
  if (nullCount === 0) return makeVector(makeData({ type, length: indices.length, data: indices, dictionary: dict, nullCount }));
  const safe = new Int32Array(indices.length);
  const nullBitmap = new Uint8Array((indices.length + 7) >> 3);
  for (let i = 0; i < indices.length; i++) {
    if (indices[i] < 0) continue;
    safe[i] = indices[i];
    nullBitmap[i >> 3] |= 1 << (i & 7);
  }
  return makeVector(makeData({ type, length: indices.length, data: safe, dictionary: dict, nullBitmap, nullCount }));
}

export function float64Column(values: readonly (number | null)[]): Vector<Float64> {
  const data = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) data[i] = values[i] ?? 0;
  return makeVector(makeData({ type: new Float64(), length: values.length, data, ...validity(values.length, (i) => values[i] === null) }));
}

export function int32Column(values: readonly number[]): Vector<Int32> {
  return makeVector(Int32Array.from(values));
}

export function int16Column(values: readonly number[]): Vector<Int16> {
  return makeVector(Int16Array.from(values));
}

/** A Float64 column whose NaN values are null (the packed cells' and measures' "no value"). */
export function float64NaNAsNull(data: Float64Array): Vector<Float64> {
  return makeVector(makeData({ type: new Float64(), length: data.length, data, ...validity(data.length, (i) => Number.isNaN(data[i])) }));
}

/** A Float64 column from its values and validity bitmap. */
export function float64Vector(data: Float64Array, nullBitmap: Uint8Array, nullCount: number): Vector<Float64> {
  return makeVector(makeData({ type: new Float64(), length: data.length, data, nullBitmap, nullCount }));
}

/** An Int16 column from its values and validity bitmap. */
export function int16Vector(data: Int16Array, nullBitmap: Uint8Array, nullCount: number): Vector<Int16> {
  return makeVector(makeData({ type: new Int16(), length: data.length, data, nullBitmap, nullCount }));
}

/** A Utf8 column from UTF-8 bytes, offsets and validity bitmap. */
export function utf8Vector(valueOffsets: Int32Array, data: Uint8Array, nullBitmap: Uint8Array, nullCount: number): Vector<Utf8> {
  const length = valueOffsets.length - 1;
  return makeVector(makeData({ type: new Utf8(), length, valueOffsets, data, nullBitmap, nullCount }));
}

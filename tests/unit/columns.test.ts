import { describe, expect, it } from 'vitest';
import { dictionaryColumn, utf8Column } from '../../src/lib/dataset/columns';
import { encodeTexts, utf8Length } from '../../src/lib/dataset/utf8-length';

describe('Arrow columns built from typed arrays', () => {
  it('a string column gives back every value: Chinese, beyond the BMP, empty and null', () => {
    const values = ['行政许可', '', null, '3185', '𠀀万元', 'a\u00e9', null];
    const column = utf8Column(values);
    expect(column.toArray()).toEqual(values);
    expect(column.nullCount).toBe(2);
  });

  it('a lone surrogate is written as U+FFFD, as TextEncoder writes it, without shifting the next value', () => {
    const column = utf8Column(['x\ud800y', 'next']);
    expect(column.get(0)).toBe('x\ufffdy');
    expect(column.get(1)).toBe('next');
    expect(utf8Length('x\ud800y')).toBe(5);
    expect(utf8Length('𠀀')).toBe(4);
    expect(utf8Length('总计')).toBe(6);
  });

  it('a lone high surrogate ending one value and a lone low one starting the next stay two values', () => {
    const column = utf8Column(['a\ud83d', '\ude00b', 'next']);
    expect(column.toArray()).toEqual(['a\ufffd', '\ufffdb', 'next']);
    const bytes = new Uint8Array(12);
    encodeTexts(['a\ud83d', null, '\ude00b'], 8, bytes, 2);
    expect(new TextDecoder().decode(bytes.subarray(2, 10))).toBe('a\ufffd\ufffdb');
  });

  it('a dictionary column reads -1 as null and keeps the others', () => {
    const column = dictionaryColumn(Int32Array.from([1, -1, 0, 1]), ['t3', 't4']);
    expect(column.toArray()).toEqual(['t4', null, 't3', 't4']);
    expect(dictionaryColumn(Int32Array.from([0, 0]), ['t2']).nullCount).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { inlineParams } from '../../src/lib/db/inline-params';

describe('parameters written into SQL', () => {
  it('replaces each ? outside quotes with its value as a literal', () => {
    expect(inlineParams('SELECT * FROM t WHERE year >= ? AND body IN (?, ?)', [2020, '甲', '乙'])).toBe("SELECT * FROM t WHERE year >= 2020 AND body IN ('甲', '乙')");
    expect(inlineParams(`SELECT '?' AS q, "a?" FROM t WHERE x = ?`, [1])).toBe(`SELECT '?' AS q, "a?" FROM t WHERE x = 1`);
  });

  it('keeps any text a value: quotes doubled, a ? inside a value left alone', () => {
    expect(inlineParams('WHERE body = ? AND year = ?', ["x' OR '1'='1", 2020])).toBe("WHERE body = 'x'' OR ''1''=''1' AND year = 2020");
    expect(inlineParams('WHERE a = ? AND b = ?', ['什么?', 'z'])).toBe("WHERE a = '什么?' AND b = 'z'");
  });

  it('refuses a count mismatch, a non-finite number, NUL and other types', () => {
    expect(() => inlineParams('WHERE a = ? AND b = ?', [1])).toThrow('more placeholders');
    expect(() => inlineParams('WHERE a = ?', [1, 2])).toThrow('1 placeholders for 2 values');
    expect(() => inlineParams('WHERE a = ?', [Number.NaN])).toThrow('finite');
    expect(() => inlineParams('WHERE a = ?', ['a\0b'])).toThrow('NUL');
    expect(() => inlineParams('WHERE a = ?', [{}])).toThrow('cannot write');
  });
});

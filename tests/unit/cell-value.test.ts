import { describe, expect, it } from 'vitest';
import { headerMoneyUnit, readCell } from '../../src/lib/reader';

describe('a cell’s text → state and value', () => {
  it.each([
    ['3185', 'value', 3185],
    ['0', 'value', 0],
    ['-40', 'value', -40],
    ['+5174', 'value', 5174],
    ['－183', 'value', -183],
    ['１２', 'value', 12],
    ['1,234', 'value', 1234],
    [' 12 ', 'value', 12],
    ['\u00a07\u00a0', 'value', 7],
    ['5件', 'value', 5],
    ['/', 'slash', null],
    ['／', 'slash', null],
    ['—', 'dash', null],
    ['-', 'dash', null],
    ['－', 'dash', null],
    ['——', 'dash', null],
    ['', 'blank', null],
    ['\u3000', 'blank', null],
    ['无', 'ambiguous', null],
    ['约30', 'ambiguous', null],
    // Two figures in one cell are never joined into one: two paragraphs, a footnote mark after a figure.
    ['2 3', 'ambiguous', null],
    ['1044¹', 'ambiguous', null],
    ['2 1', 'ambiguous', null],
    ['12 -3', 'ambiguous', null],
    ['5 件', 'value', 5],
    ['7[1]', 'value', 7],
  ])('count cell %j is %s %s', (raw, state, value) => {
    expect(readCell(raw)).toMatchObject({ state, value });
  });

  it.each([
    ['5234.55万元', null, 5234.55],
    ['251000元', null, 25.1],
    ['1.2亿元', null, 12000],
    ['27225290916元', null, 2722529.0916],
    ['12.5', '万元', 12.5],
    ['125000', '元', 12.5],
    ['3', '亿元', 30000],
    ['88.6', null, 88.6],
  ] as const)('money cell %j with header unit %s is %s 万元', (raw, headerUnit, value) => {
    expect(readCell(raw, { headerUnit })).toMatchObject({ state: 'value', value });
  });

  it('a bare money amount of 8 or more digits is read as 元, and says so', () => {
    expect(readCell('27225290916', { headerUnit: null })).toEqual({ state: 'value', value: 2722529.0916, note: 'unitInferred' });
    expect(readCell('5234', { headerUnit: null })).toEqual({ state: 'value', value: 5234 });
  });

  it('a money unit in a count column is not a count', () => {
    expect(readCell('12万元')).toMatchObject({ state: 'ambiguous', note: 'unreadable' });
  });

  it('reads the unit a header states', () => {
    expect(headerMoneyUnit('本年收费金额（单位：万元）')).toBe('万元');
    expect(headerMoneyUnit('采购总金额(元)')).toBe('元');
    expect(headerMoneyUnit('采购总金额')).toBeNull();
  });
});

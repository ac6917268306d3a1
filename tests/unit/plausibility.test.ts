import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/lib/checks';
import { manifestEntry, parseText, SEED } from '../helpers';

const seed = readFileSync(SEED, 'utf8');
const entry = manifestEntry('seed.txt', '浙江省经济和信息化厅', 2019);
const implausible = (text: string) =>
  checkReport(parseText(text, 'seed.txt', entry))
    .filter((f) => f.rule === 'IMPLAUSIBLE_VALUE')
    .map((f) => [f.cells[0], f.actual, f.message]);

describe('IMPLAUSIBLE_VALUE: figures no report can mean are flagged, never passed on silently', () => {
  it('the seed as published has none (its 本年增/减 of -40 is a change, not a count)', () => {
    expect(implausible(seed)).toEqual([]);
  });

  it('12345678 万元 of procurement: 元 written as 万元', () => {
    expect(implausible(seed.replace('政府集中采购 | 158 | 5234.55万元 |', '政府集中采购 | 158 | 12345678万元 |'))).toEqual([
      ['t2.art20_9.procurement.amount', 12345678, 't2.art20_9.procurement.amount：金额 12,345,678 万元（1,234.568 亿元）超出一个机关一年的合理范围：可能把“元”写成了“万元”（原文“12345678万元”）'],
    ]);
  });

  it('a count with a fraction, a negative count, and a count beyond any body', () => {
    const text = seed
      .replace('一、本年新收政府信息公开申请数量 | 9 | 9 |', '一、本年新收政府信息公开申请数量 | 9.5 | 9.5 |')
      .replace('二、上年结转政府信息公开申请数量 | 1 | 1 |', '二、上年结转政府信息公开申请数量 | -3 | -3 |')
      .replace('政府集中采购 | 158 |', '政府集中采购 | 99999999 |');
    expect(implausible(text).map(([ref, value]) => [ref, value])).toEqual([
      ['t2.art20_9.procurement.projects', 99999999],
      ['t3.new.total', 9.5],
      ['t3.carried_over.total', -3],
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { carryFacts, checkAcrossYears, checkReport } from '../../src/lib/checks';
import { cellsByRef, fixture, manifestEntry, parseText, SEED } from '../helpers';

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

const full2021 = readFileSync(fixture('text/full-2021.txt'), 'utf8');
const suspect = (text: string, manifest = entry) => {
  const report = parseText(text, 'r.txt', manifest);
  return { report, findings: checkReport(report).filter((f) => f.rule === 'MONEY_UNIT_SUSPECT').map((f) => [f.cells[0], f.actual, f.expected, f.message]) };
};

describe('MONEY_UNIT_SUSPECT: money too large for its unit is stored as written and flagged, never a silent 10,000× error', () => {
  it('12345678 万元 of procurement (1,234 亿元, beyond any body): 元 written as 万元', () => {
    expect(suspect(seed.replace('政府集中采购 | 158 | 5234.55万元 |', '政府集中采购 | 158 | 12345678万元 |')).findings).toEqual([
      ['t2.art20_9.procurement.amount', 12345678, 1234.5678, '主动公开·第二十条第（九）项·政府集中采购·采购总金额：金额 12,345,678 万元（1,234.568 亿元）超出一个机关一年的合理范围：可能把“元”写成了“万元”，按元计为 1,234.568 万元（原文“12345678万元”）'],
    ]);
  });

  it('a 2021 fee written in 元 under the template’s （单位：万元） header: the header’s unit is used, and the value flagged', () => {
    const { report, findings } = suspect(full2021.replace('行政事业性收费 | 12.5', '行政事业性收费 | 27225290916'), manifestEntry('r.txt', '示例市文化和旅游局', 2022));
    expect(cellsByRef(report).get('t2.art20_8.fees.amount')?.value).toBe(27225290916);
    expect(findings.map(([ref, actual, expected]) => [ref, actual, expected])).toEqual([['t2.art20_8.fees.amount', 27225290916, 2722529.0916]]);
  });

  it('a 2019 procurement of 3500000 or 52345500.00 with no unit: read as 万元 (the 8-digit rule skips decimals), and flagged', () => {
    expect(suspect(seed.replace('5234.55万元', '3500000')).findings.map(([ref, actual]) => [ref, actual])).toEqual([['t2.art20_9.procurement.amount', 3500000]]);
    expect(suspect(seed.replace('5234.55万元', '52345500.00')).findings.map(([ref, actual]) => [ref, actual])).toEqual([['t2.art20_9.procurement.amount', 52345500]]);
  });

  it('within the national range but 20 亿元 per project: 3 projects, 600000 万元', () => {
    const { findings } = suspect(seed.replace('政府集中采购 | 158 | 5234.55万元 |', '政府集中采购 | 3 | 600000 |'));
    expect(findings).toEqual([
      ['t2.art20_9.procurement.amount', 600000, 60, '主动公开·第二十条第（九）项·政府集中采购·采购总金额：3 个采购项目共 600,000 万元（60 亿元），平均每个 200,000 万元（20 亿元）：可能把“元”写成了“万元”，按元计为 60 万元（原文“600000”）'],
    ]);
  });

  it('the seed as published (5234.55 万元 for 158 projects) and its amount in 元 under a 元 header are not suspect', () => {
    expect(suspect(seed).findings).toEqual([]);
    expect(suspect(seed.replace('信息内容 | 采购项目数量 | 采购总金额 | |', '采购项目数量 | 采购总金额（元） | |').replace('5234.55万元', '52345500')).findings).toEqual([]);
  });

  it('against the body’s other years: 2023’s fee 10,000 times 2021’s and 2022’s', () => {
    const year = (y: number, fee: string) => parseText(full2021.replace('2022年', `${y}年`).replace('行政事业性收费 | 12.5', `行政事业性收费 | ${fee}`), `${y}.txt`, manifestEntry(`${y}.txt`, '示例市文化和旅游局', y));
    const reports = [year(2021, '12.5'), year(2022, '13'), year(2023, '131000')];
    const found = checkAcrossYears(reports.map(carryFacts)).filter((f) => f.rule === 'MONEY_UNIT_SUSPECT');
    expect(found.map((f) => [f.reportId, f.cells, f.actual, f.expected, f.message])).toEqual([
      [reports[2].id, ['t2.art20_8.fees.amount'], 131000, 12.75, 't2.art20_8.fees.amount：2023 年 131,000 万元，是本机关其他年度中位数 12.75 万元的 10,275 倍：可能把“元”写成了“万元”'],
    ]);
  });
});

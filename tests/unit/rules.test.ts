import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { carryFacts, checkAcrossYears, checkReport } from '../../src/lib/checks';
import { RULES } from '../../src/lib/template';
import { fixture, parseText } from '../helpers';

// full-2021.txt is a hand-written 2021-version report (示例市文化和旅游局, 2022) in
// which every rule holds. Each case below changes a few cells by hand so that
// exactly one rule breaks, and says which findings that must give.
const BASE = readFileSync(fixture('text/full-2021.txt'), 'utf8');

function edit(text: string, replacements: [string, string][]): string {
  return replacements.reduce((t, [from, to]) => {
    if (!t.includes(from)) throw new Error(`fixture line not found: ${from}`);
    return t.replace(from, to);
  }, text);
}

const findingsOf = (text: string) => checkReport(parseText(text)).map((f) => [f.rule, f.cells[0], f.expected, f.actual]);

describe('consistency rules, one report', () => {
  it('the base fixture breaks none', () => {
    expect(findingsOf(BASE)).toEqual([]);
  });

  it('T3_BALANCE: 上年结转 one more for 自然人 (and 总计) breaks that column and 总计', () => {
    const text = edit(BASE, [['二、上年结转政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3', '二、上年结转政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 4']]);
    expect(findingsOf(text)).toEqual([
      ['T3_BALANCE', 't3.handled.natural_person', 23, 22],
      ['T3_BALANCE', 't3.handled.total', 33, 32],
    ]);
  });

  it('T3_HANDLED_SUM: 予以公开 one more (row still adds up) breaks 自然人 and 总计', () => {
    const text = edit(BASE, [['（一）予以公开 | 10 | 3 | 1 | 0 | 1 | 0 | 15', '（一）予以公开 | 11 | 3 | 1 | 0 | 1 | 0 | 16']]);
    expect(findingsOf(text)).toEqual([
      ['T3_HANDLED_SUM', 't3.handled.natural_person', 21, 20],
      ['T3_HANDLED_SUM', 't3.handled.total', 31, 30],
    ]);
  });

  it('T3_ROW_SUM: one 自然人 moved from 第三方 to 予以公开 breaks both rows, no column', () => {
    const text = edit(BASE, [
      ['（一）予以公开 | 10 | 3 | 1 | 0 | 1 | 0 | 15', '（一）予以公开 | 11 | 3 | 1 | 0 | 1 | 0 | 15'],
      ['4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 1 | 0 | 2', '4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 1 | 0 | 2'],
    ]);
    expect(findingsOf(text)).toEqual([
      ['T3_ROW_SUM', 't3.granted.total', 16, 15],
      ['T3_ROW_SUM', 't3.denied.third_party.total', 1, 2],
    ]);
  });

  it('T4_GROUP_SUM: 行政复议 结果维持 2 with 总计 still 3', () => {
    const text = edit(BASE, [['1 | 1 | 0 | 1 | 3 | 1 | 0 | 0 | 0 | 1 |', '2 | 1 | 0 | 1 | 3 | 1 | 0 | 0 | 0 | 1 |']]);
    expect(findingsOf(text)).toEqual([['T4_GROUP_SUM', 't4.review.total', 4, 3]]);
  });

  it('NARRATIVE: the prose says 35 requests, the table 29 — a warning', () => {
    const text = edit(BASE, [['共收到政府信息公开申请29件', '共收到政府信息公开申请35件']]);
    expect(findingsOf(text)).toEqual([['NARRATIVE', 't3.new.total', 29, 35]]);
    expect(checkReport(parseText(text))[0].severity).toBe('warning');
  });

  it('NARRATIVE: the prose says 行政诉讼5件, the tables 1 + 1', () => {
    const text = edit(BASE, [['行政诉讼2件', '行政诉讼5件']]);
    expect(findingsOf(text)).toEqual([['NARRATIVE', 't4.suit_direct.total', 2, 5]]);
  });
});

describe('consistency rules across years of one body', () => {
  const year2023 = (text: string) => edit(text, [['示例市文化和旅游局2022年', '示例市文化和旅游局2023年']]);
  const across = (...texts: string[]) =>
    checkAcrossYears(texts.map((t, i) => carryFacts(parseText(t, `r${i}.txt`)))).map((f) => [f.rule, f.cells[0] ?? null, f.expected, f.actual]);

  // 2022 ends with 结转下年度 2 and 现行有效 规章 15, 规范性文件 42.
  const inForceCarried = (text: string) =>
    edit(text, [
      ['规章 | 2 | 1 | 15', '规章 | 2 | 1 | 16'],
      ['行政规范性文件 | 10 | 3 | 42', '行政规范性文件 | 10 | 3 | 49'],
    ]);

  it('YEAR_CARRY: 2023 says 上年结转 3, 2022 carried forward 2', () => {
    expect(across(BASE, inForceCarried(year2023(BASE)))).toEqual([['YEAR_CARRY', 't3.carried_over.total', 2, 3]]);
  });

  it('IN_FORCE_CARRY: 2023 现行有效 unchanged although it issued and repealed', () => {
    const carriedOverTwo = edit(year2023(BASE), [
      ['二、上年结转政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3', '二、上年结转政府信息公开申请数量 | 1 | 1 | 0 | 0 | 0 | 0 | 2'],
      ['四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2', '四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1'],
    ]);
    expect(findingsOf(carriedOverTwo)).toEqual([]);
    expect(across(BASE, carriedOverTwo)).toEqual([
      ['IN_FORCE_CARRY', 't2.art20_1.regulations.in_force', 16, 15],
      ['IN_FORCE_CARRY', 't2.art20_1.normative_docs.in_force', 49, 42],
    ]);
  });

  it('both rules hold when 2023 carries on from 2022', () => {
    const carriesOn = edit(inForceCarried(year2023(BASE)), [
      ['二、上年结转政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3', '二、上年结转政府信息公开申请数量 | 1 | 1 | 0 | 0 | 0 | 0 | 2'],
      ['四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2', '四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1'],
    ]);
    expect(across(BASE, carriesOn)).toEqual([]);
  });

  it('a year apart is not consecutive; another body is not compared', () => {
    const year2024 = edit(BASE, [['示例市文化和旅游局2022年', '示例市文化和旅游局2024年']]);
    const otherBody = edit(year2023(BASE), [['示例市文化和旅游局2023年', '示例市卫生健康委员会2023年']]);
    expect(across(BASE, year2024, otherBody)).toEqual([]);
  });

  it('DUPLICATE_REPORT: two reports of one body and year are both kept and flagged', () => {
    expect(across(BASE, BASE)).toEqual([['DUPLICATE_REPORT', null, null, null]]);
  });
});

it('every rule of TEMPLATE.md is defined with a severity; NARRATIVE is a warning, never an error', () => {
  const ids = RULES.map((r) => r.id);
  for (const id of ['T3_BALANCE', 'T3_HANDLED_SUM', 'T3_ROW_SUM', 'T4_GROUP_SUM', 'YEAR_CARRY', 'IN_FORCE_CARRY', 'NARRATIVE']) expect(ids).toContain(id);
  expect(RULES.find((r) => r.id === 'NARRATIVE')!.severity).toBe('warning');
});

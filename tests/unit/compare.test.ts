import { describe, expect, it } from 'vitest';
import { compareBodies, compareTotals, compareYears, movers } from '../../src/lib/analysis/compare';
import { METRIC_BY_KEY, METRICS, type Metric } from '../../src/lib/analysis/metrics';
import { rankBodies } from '../../src/lib/analysis/ranking';
import { measuresByBodyYear, NO_FILTERS, yearlyTotals, type BodyYearMeasures, type YearlyRow } from '../../src/lib/queries';
import { fixtureQueries, YEAR_2021_REPORTS } from '../dataset-fixture';

// The fixture (tests/dataset-fixture.ts) with two 2021 reports added: 浙江省自然资源厅
// has 2020 (dept-2019.html, 2019 version) and 2021 (dept-2021.html, 2021 version);
// 示例市文化和旅游局 has 2021 and 2022 (full-2021.txt) but no 2020. Expected numbers
// are read off those reports by hand.

const run = fixtureQueries(YEAR_2021_REPORTS);
const rowsOf = (years?: number[], columns?: Metric['columns']) => run<BodyYearMeasures>(measuresByBodyYear(NO_FILTERS, years, columns));
const totalsOf = async (a: number, b: number) => compareTotals(await run<YearlyRow>(yearlyTotals({ ...NO_FILTERS, from: a, to: b })), await rowsOf([a, b]), METRICS, a, b);
const metric = (key: string) => METRIC_BY_KEY[key];

describe('measures by body and year', () => {
  it('gives each body’s year with its template versions, only for the years asked', async () => {
    const rows = await rowsOf([2020, 2021]);
    expect(rows.map((r) => [r.body, r.year, r.templates, r.new_requests, r.fees_items, r.fees_amount])).toEqual([
      ['浙江省自然资源厅', 2020, ['2019'], 57, null, null],
      ['浙江省自然资源厅', 2021, ['2021'], 131, null, 12.5],
      ['示例市文化和旅游局', 2021, ['2021'], 29, null, 12.5],
    ]);
  });
});

describe('comparing 2020 with 2021', () => {
  it('sums the whole selection per year and gives the absolute and % change', async () => {
    const totals = await totalsOf(2020, 2021);
    const of = (key: string) => totals.metrics.find((m) => m.metric.key === key)!;
    expect(of('new_requests')).toMatchObject({ a: 57, b: 160, change: 103, note: null });
    expect(of('new_requests').percent).toBeCloseTo((103 / 57) * 100, 6);
    expect(of('licensing')).toMatchObject({ a: 2846, b: 3356, change: 510 });
    expect(of('review_total')).toMatchObject({ a: 2, b: 7, change: 5 });
    expect(totals).toMatchObject({ bodiesA: 1, bodiesB: 2, onlyA: 0, onlyB: 1 });
  });

  it('rates change in percentage points, each side with its base n', async () => {
    const totals = await totalsOf(2020, 2021);
    const rate = totals.metrics.find((m) => m.metric.key === 'disclosure_rate')!;
    expect(rate.a).toBeCloseTo((33 / 58) * 100, 6);
    expect(rate.b).toBeCloseTo((90 / 162) * 100, 6);
    expect(rate.change).toBeCloseTo((90 / 162 - 33 / 58) * 100, 6);
    expect([rate.baseA, rate.baseB]).toEqual([58, 162]);
  });

  it('does not compare a metric whose meaning changed between template versions', async () => {
    const totals = await totalsOf(2020, 2021);
    const fees = totals.metrics.find((m) => m.metric.key === 'fees')!;
    expect(fees.change).toBeNull();
    expect(fees.note).toBe('含义不同，不作比较：2019 版：收费项目数（上一年项目数量）；2021 版：本年收费金额');
    expect([fees.a, fees.unitA, fees.b, fees.unitB]).toEqual([null, '项', 25, '万元']);
    const docs = totals.metrics.find((m) => m.metric.key === 'normative_docs')!;
    expect([docs.a, docs.b, docs.change]).toEqual([61, 88, null]);
    expect(docs.note).toContain('2019 版：对外公开总数量；2021 版：现行有效件数');
  });

  it('procurement is not in the 2021 template: no change, and it says so', async () => {
    const totals = await totalsOf(2020, 2021);
    expect(totals.metrics.find((m) => m.metric.key === 'procurement_amount')).toMatchObject({ a: 25.1, b: null, change: null, note: '2021 年的模板无此项' });
  });

  it('per body: a body missing one of the two years says so instead of a change', async () => {
    const bodies = compareBodies(await rowsOf([2020, 2021]), metric('new_requests'), 2020, 2021);
    expect(bodies).toEqual([
      expect.objectContaining({ body: '浙江省自然资源厅', a: 57, b: 131, change: 74, note: null }),
      expect.objectContaining({ body: '示例市文化和旅游局', a: null, b: 29, change: null, note: '无 2020 年报告' }),
    ]);
    expect(movers(bodies, metric('new_requests'))).toEqual({ up: [bodies[0]], down: [] });
  });

  it('each metric’s own columns give each body the same comparison and rank as every column', async () => {
    const every = await rowsOf([2021, 2022]);
    for (const m of METRICS) {
      const own = await rowsOf([2021, 2022], m.columns);
      expect(Object.keys(own[0]).length, m.key).toBeLessThan(Object.keys(every[0]).length);
      expect(compareBodies(own, m, 2021, 2022), m.key).toEqual(compareBodies(every, m, 2021, 2022));
      expect(rankBodies(own, m), m.key).toEqual(rankBodies(every, m));
    }
  });

  it('movers: the largest falls come first in the down list', async () => {
    const bodies = compareBodies(await rowsOf([2021, 2022]), metric('licensing'), 2021, 2022);
    // 示例市文化和旅游局 1520 → 1520; 浙江省自然资源厅 has no 2022 report; 浙江省生态环境厅 no 2021 report.
    expect(bodies.map((b) => [b.body, b.a, b.b, b.change])).toEqual([
      ['浙江省生态环境厅', null, 1836, null],
      ['浙江省自然资源厅', 1836, null, null],
      ['示例市文化和旅游局', 1520, 1520, 0],
    ]);
    expect(movers(bodies, metric('licensing'))).toEqual({ up: [], down: [] });
  });
});

describe('ranking bodies', () => {
  it('ranks a count largest first', async () => {
    const ranked = rankBodies(await rowsOf([2022]), metric('licensing'));
    expect(ranked.map((r) => [r.rank, r.body, r.value])).toEqual([
      [1, '浙江省生态环境厅', 1836],
      [2, '示例市文化和旅游局', 1520],
    ]);
  });

  it('ranks a rate with its base n beside it; equal values share a rank', async () => {
    const rates = rankBodies(await rowsOf([2022]), metric('disclosure_rate'));
    expect(rates.map((r) => [r.rank, r.body, r.base])).toEqual([
      [1, '示例市文化和旅游局', 30],
      [2, '浙江省生态环境厅', 132],
    ]);
    expect(rates[0].value).toBeCloseTo(60, 6);
    expect(rates[1].value).toBeCloseTo((72 / 132) * 100, 6);
    const fees = rankBodies(await rowsOf([2022]), metric('fees'));
    expect(fees.map((r) => [r.rank, r.value, r.unit])).toEqual([[1, 12.5, '万元'], [1, 12.5, '万元']]);
  });

  it('a rate over a small base is listed but not ranked; a metric not in the template is not ranked', async () => {
    const [seed] = rankBodies(await rowsOf([2019]), metric('disclosure_rate'));
    expect(seed).toMatchObject({ rank: null, body: '浙江省经济和信息化厅', value: 40, base: 10, note: '基数小（n<30），不参与排名' });
    const procurement = rankBodies(await rowsOf([2021]), metric('procurement_amount'));
    expect(procurement.map((r) => [r.rank, r.value, r.note])).toEqual([[null, null, '模板无此项'], [null, null, '模板无此项']]);
  });
});

describe('年度对比’s years from the link', () => {
  const YEARS = [2019, 2020, 2021, 2022];
  it('none given: the last two years of the data', () => {
    expect(compareYears(null, null, YEARS)).toEqual({ a: 2021, b: 2022, notes: [], same: false });
  });
  it('a year without reports, or not a year, is replaced and said so; A = B is said to compare nothing', () => {
    expect(compareYears('1999', '3000', YEARS)).toEqual({ a: 2021, b: 2022, same: false, notes: ['数据中没有 1999 年的报告（有 2019–2022 年），已改用 2021 年。', '数据中没有 3000 年的报告（有 2019–2022 年），已改用 2022 年。'] });
    expect(compareYears('abc', '2020', YEARS)).toEqual({ a: 2021, b: 2020, same: false, notes: ['链接中的年度 A“abc”不是年份，已改用 2021 年。'] });
    expect(compareYears('2020', '2020', YEARS)).toEqual({ a: 2020, b: 2020, same: true, notes: ['年度 A 和年度 B 都是 2020 年：请选择两个不同的年度。'] });
  });
});

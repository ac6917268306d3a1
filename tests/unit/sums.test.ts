import { describe, expect, it } from 'vitest';
import { compareTotals } from '../../src/lib/analysis/compare';
import { METRIC_BY_KEY, metricRate, METRICS } from '../../src/lib/analysis/metrics';
import { bodyKinds, filterOptions, leftOut, measuresByBodyYear, NO_FILTERS, yearlyOfBodies, yearlyTotals, type BodyYearMeasures, type Filters, type LeftOutRow, type YearlyRow } from '../../src/lib/queries';
import { RATE_LIST, rateColumns, type MeasureKey, type RateColumn } from '../../src/lib/template';
import { holdReports } from '../../src/lib/queries/held-reports';
import { bodyYearsOfReports, kindsOfBody, leftOutOfReports, optionsOfReports } from '../../src/lib/queries/reports-by-body';
import { COUNTING_REPORTS, fixtureQueries } from '../dataset-fixture';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bodyYearsOfFiles, isBodyYears, kindsOfBodyGroup, yearlyOfBodyGroups } from '../../src/lib/queries/body-year-files';
import { DATASET_FILES } from '../../src/lib/dataset/schema';
import { SUMMED_COLUMNS, type BodyGroup, type BodyYears } from '../../src/lib/template';
import { datasetPath } from '../helpers';

// 2022 in the fixture with COUNTING_REPORTS (tests/dataset-fixture.ts). By hand, from the reports:
// counted: 浙江省生态环境厅 (dept-2021.html: new 131, granted 59, partial 13, handled 132),
//          示例市文化和旅游局 (full-2021.txt: new 29, granted 15, partial 3, handled 30),
//          示例市交通运输局 (mixed-2022.txt, full-2021.txt's t3: the same 29, 15, 3, 30),
//          示例市卫生健康委员会 (partial-2022.txt: new 29, granted 15, partial 3, no （七）总计);
// not counted: the draft of 示例市文化和旅游局 (a second report for its body and year, fewer cells read)
//          and 示例市（全市汇总） (consolidated).
const run = fixtureQueries(COUNTING_REPORTS);
const year2022 = async () => (await run<YearlyRow>(yearlyTotals(NO_FILTERS))).find((r) => r.year === 2022)!;

describe('sums count each body’s year once and never a consolidated report', () => {
  it('2022: four reports, 新收申请 131 + 29 + 29 + 29 = 218 (not 247 with the draft), 办理总计 132 + 30 + 30 = 192', async () => {
    const row = await year2022();
    expect(row.reports).toBe(4);
    expect(row.new_requests).toBe(218);
    expect(row.handled).toBe(192);
  });

  it('says what it left out: one duplicate, one consolidated report', async () => {
    expect(await run<LeftOutRow>(leftOut(NO_FILTERS))).toEqual([{ duplicates: 1, consolidated: 1 }]);
    expect(await run<LeftOutRow>(leftOut({ ...NO_FILTERS, kinds: ['consolidated'] }))).toEqual([{ duplicates: 0, consolidated: 0 }]);
    // The same from the reports held in the page, before DuckDB has started there.
    const held = run.held();
    expect(leftOutOfReports(held, NO_FILTERS)).toEqual({ duplicates: 1, consolidated: 1 });
    expect(leftOutOfReports(held, { ...NO_FILTERS, kinds: ['consolidated'] })).toEqual({ duplicates: 0, consolidated: 0 });
    expect(leftOutOfReports(held, { ...NO_FILTERS, bodies: ['示例市文化和旅游局'] })).toEqual({ duplicates: 1, consolidated: 0 });
    expect(leftOutOfReports(held, { ...NO_FILTERS, to: 2021 })).toEqual({ duplicates: 0, consolidated: 0 });
    for (const f of [{ regions: ['示例市'] }, { levels: ['省级'] }, { from: 2022, bodies: ['示例市文化和旅游局', '示例市（全市汇总）'] }, { bodies: ['没有这个机关'] }] as Partial<Filters>[]) {
      expect([leftOutOfReports(held, { ...NO_FILTERS, ...f })], JSON.stringify(f)).toEqual(await run(leftOut({ ...NO_FILTERS, ...f })));
    }
  });

  it('the reports held in the page: the draft is held but not summed; the filter panel’s choices are the SQL’s', async () => {
    const held = run.held();
    const culture = held.ranges.get('示例市文化和旅游局')!;
    expect(culture.end - culture.start).toBe(2);
    expect(yearlyOfBodies(held, { ...NO_FILTERS, bodies: ['示例市文化和旅游局'] }).map((r) => [r.year, r.reports, r.new_requests])).toEqual([[2022, 1, 29]]);
    expect(optionsOfReports(held)).toEqual(await run(filterOptions()));
  });

  it('each body’s sums per year from the reports held in the page are measuresByBodyYear’s (部门排名, 年度对比)', async () => {
    const held = run.held();
    const cases: [Partial<Filters>, number[] | undefined, (MeasureKey | RateColumn)[] | undefined][] = [
      [{}, undefined, undefined],
      [{}, [2022], ['new_requests', 'granted']],
      [{}, [2020, 2022], Object.values(rateColumns(RATE_LIST[0]))],
      [{ kinds: ['consolidated'] }, [2022], undefined],
      [{ regions: ['示例市'], from: 2022 }, undefined, ['procurement_amount']],
      [{ bodies: ['示例市文化和旅游局', '浙江省生态环境厅'] }, [2022], ['handled']],
      [{ bodies: ['没有这个机关'] }, [2022], undefined],
    ];
    for (const [f, years, columns] of cases) {
      const filters = { ...NO_FILTERS, ...f };
      const label = JSON.stringify([f, years, columns]);
      expect(bodyYearsOfReports(held, filters, years, columns), label).toEqual(await run(measuresByBodyYear(filters, years, columns)));
    }
    // By hand: 2022's four counted bodies; 示例市文化和旅游局 once (its draft left out), new 29.
    const rows = bodyYearsOfReports(held, NO_FILTERS, [2022], ['new_requests']);
    expect(rows.map((r) => [r.body, r.reports, r.new_requests])).toEqual([
      ['浙江省生态环境厅', 1, 131],
      ['示例市交通运输局', 1, 29],
      ['示例市卫生健康委员会', 1, 29],
      ['示例市文化和旅游局', 1, 29],
    ]);
  });

  it('the body-year files the ingest wrote give measuresByBodyYear’s rows for every filter (部门排名, 年度对比 before the reports are held)', async () => {
    const files = (years: number[]) => years.map((year) => JSON.parse(readFileSync(datasetPath(run.dir(), DATASET_FILES.bodyYears(year)), 'utf8')) as BodyYears);
    const cases: [Partial<Filters>, number[], (MeasureKey | RateColumn)[]][] = [
      [{}, [2022], ['new_requests', 'granted']],
      [{}, [2019, 2020, 2022], SUMMED_COLUMNS as (MeasureKey | RateColumn)[]],
      [{}, [2022, 2020], Object.values(rateColumns(RATE_LIST[0]))],
      [{ kinds: ['consolidated'] }, [2022], ['new_requests']],
      [{ kinds: ['department', 'consolidated'] }, [2022], ['handled']],
      [{ regions: ['示例市'] }, [2022], ['procurement_amount']],
      [{ levels: ['省级'], from: 2021 }, [2020, 2022], ['new_requests']],
      [{ bodies: ['示例市文化和旅游局', '浙江省生态环境厅'] }, [2022], ['handled']],
      [{ bodies: ['没有这个机关'] }, [2022], ['handled']],
    ];
    for (const [f, years, columns] of cases) {
      const filters = { ...NO_FILTERS, ...f };
      expect(bodyYearsOfFiles(files(years), filters, columns), JSON.stringify([f, years])).toEqual(await run(measuresByBodyYear(filters, years, columns)));
    }
    // By hand: 2022's four counted bodies, 示例市文化和旅游局 once (its draft is not in the file), and not 示例市（全市汇总）.
    expect(bodyYearsOfFiles(files([2022]), NO_FILTERS, ['new_requests', 'granted']).map((r) => [r.body, r.reports, r.templates, r.new_requests, r.granted])).toEqual([
      ['浙江省生态环境厅', 1, ['2021'], 131, 59],
      ['示例市交通运输局', 1, ['2021'], 29, 15],
      ['示例市卫生健康委员会', 1, ['2021'], 29, 15],
      ['示例市文化和旅游局', 1, ['2021'], 29, 15],
    ]);
    // A damaged file, or one of another year, is not read as one: the reports held in the page answer.
    const [file] = files([2022]);
    expect(isBodyYears(file, 2022)).toBe(true);
    expect(file.sums.new_requests).toHaveLength(file.body.length);
    // 2020's one report (dept-2019.html) follows the 2019 template, which has no 本年收费金额: the column is null whole.
    const [of2020] = files([2020]);
    expect([of2020.body, of2020.sums.fees_amount, of2020.sums.licensing]).toEqual([['浙江省自然资源厅'], null, [2846]]);
    expect(isBodyYears(file, 2020)).toBe(false);
    expect(isBodyYears({ ...file, reports: file.reports.slice(1) }, 2022)).toBe(false);
    expect(isBodyYears({ ...file, sums: { ...file.sums, handled: undefined } }, 2022)).toBe(false);
    expect(isBodyYears(null, 2022)).toBe(false);
  });

  it('a body’s group file gives yearlyTotals’ and bodyKinds’ rows for a choice of bodies (a body’s page before the reports are held)', async () => {
    const listed = (JSON.parse(readFileSync(join(run.dir(), DATASET_FILES.description), 'utf8')) as { files: { name: string }[] }).files.filter((f) => DATASET_FILES.bodyGroupPattern.test(f.name));
    // The fixture's seven bodies: one group.
    expect(listed.map((f) => DATASET_FILES.logical(f.name))).toEqual([DATASET_FILES.bodyGroup(0)]);
    const group = JSON.parse(readFileSync(datasetPath(run.dir(), DATASET_FILES.bodyGroup(0)), 'utf8')) as BodyGroup;
    const cases: Partial<Filters>[] = [
      { bodies: ['示例市文化和旅游局'] },
      { bodies: ['示例市文化和旅游局', '浙江省生态环境厅'], from: 2021 },
      { bodies: ['示例市（全市汇总）'], kinds: ['consolidated'] },
      { bodies: ['示例市（全市汇总）'] },
      { bodies: ['浙江省生态环境厅', '浙江省自然资源厅'], levels: ['省级'], to: 2020 },
      { bodies: ['没有这个机关'] },
    ];
    for (const f of cases) {
      const filters = { ...NO_FILTERS, ...f };
      expect(yearlyOfBodyGroups([group], filters), JSON.stringify(f)).toEqual(await run(yearlyTotals(filters)));
    }
    // By hand: 示例市文化和旅游局's 2022 is city-culture.txt alone (new 29, handled 30), its draft not counted.
    expect(yearlyOfBodyGroups([group], { ...NO_FILTERS, bodies: ['示例市文化和旅游局'] }).map((r) => [r.year, r.reports, r.new_requests, r.handled])).toEqual([[2022, 1, 29, 30]]);
    const held = run.held();
    for (const body of ['示例市文化和旅游局', '示例市（全市汇总）', '没有这个机关']) {
      const kinds = await run(bodyKinds(body));
      expect(kindsOfBodyGroup(group, body), body).toEqual(kinds);
      expect(kindsOfBody(held, body), body).toEqual(kinds);
    }
    expect(kindsOfBodyGroup(group, '示例市（全市汇总）')).toEqual([{ kind: 'consolidated' }]);
    expect(kindsOfBodyGroup(group, '示例市文化和旅游局')).toEqual([{ kind: 'department' }]);
  });

  it('a year left out at load (its summary file unreadable) is not held at all', async () => {
    const reports = await run.table({ sql: 'SELECT * FROM reports', params: [] });
    const measures = await run.table({ sql: 'SELECT * FROM measures', params: [] });
    const held = holdReports(reports, measures, { leftOut: [2022] });
    // The seed (浙江省经济和信息化厅 2019) and dept-2019.html (浙江省自然资源厅 2020), by body.
    expect([...held.year]).toEqual([2019, 2020]);
    expect(optionsOfReports(held).map((o) => o.body)).toEqual(['浙江省经济和信息化厅', '浙江省自然资源厅']);
    expect(leftOutOfReports(held, NO_FILTERS)).toEqual({ duplicates: 0, consolidated: 0 });
  });

  it('the draft is the one left out, naming the report that counts', async () => {
    const rows = await run<{ source_file: string; counted: string | null }>({
      sql: `SELECT r.source_file, c.source_file AS counted FROM reports r LEFT JOIN reports c ON c.report_id = r.superseded_by WHERE r.body = '示例市文化和旅游局' AND r.year = 2022 ORDER BY r.source_file`,
      params: [],
    });
    expect(rows).toEqual([
      { source_file: 'city-culture-draft.txt', counted: 'city-culture.txt' },
      { source_file: 'city-culture.txt', counted: null },
    ]);
  });
});

describe('a rate’s part and base come from the same reports', () => {
  it('实质公开率 2022 = (59 + 13 + 15 + 3 + 15 + 3) / (132 + 30 + 30) = 108 / 192, the partial report left out', async () => {
    const row = await year2022();
    const disclosure = metricRate(METRIC_BY_KEY.disclosure_rate, row);
    expect(disclosure.base).toBe(192);
    expect(disclosure.value).toBeCloseTo(108 / 192, 12);
    expect(METRIC_BY_KEY.disclosure_rate.rateReports!(row)).toBe(3);
    // The partial report's granted and partial (15 + 3) are in the plain sums, not in the rate.
    expect((row.granted ?? 0) + (row.partial ?? 0)).toBe(126);
  });

  it('a rate with an unknown part is no rate, not 0 %', () => {
    expect(metricRate(METRIC_BY_KEY.disclosure_rate, { disclosure_rate_part: null, disclosure_rate_base: 30 }).value).toBeNull();
  });
});

describe('年度对比 says which reports a rate left out', () => {
  it('2022 against 2020: 实质公开率 over 192, and 2022’s partial report named as left out', async () => {
    const years = await run<YearlyRow>(yearlyTotals({ ...NO_FILTERS, from: 2020, to: 2022 }));
    const rows = await run<BodyYearMeasures>(measuresByBodyYear(NO_FILTERS, [2020, 2022]));
    const disclosure = compareTotals(years, rows, METRICS, 2020, 2022).metrics.find((m) => m.metric.key === 'disclosure_rate')!;
    // 2020: 浙江省自然资源厅 alone, 27 + 6 of 58.
    expect([disclosure.baseA, disclosure.baseB]).toEqual([58, 192]);
    expect(disclosure.b).toBeCloseTo((108 / 192) * 100, 10);
    expect(disclosure.note).toBe('2022 年 1 份报告缺少所需单元格，未计入');
  });
});

import { describe, expect, it } from 'vitest';
import { yearlyOfBodies, allYears, cellSumsByBody, cellSumsByYear, yearlyCube, yearlyFromCube, type YearlyCubeRow, MEASURES, measureTopBodies, measuresTopBodies, NO_FILTERS, withinYears, requestsByApplicant, yearlyTotals, type ApplicantRow, type BodyYearRow, type Filters, type Query, type YearlyRow } from '../../src/lib/queries';
import { cellSumsByBodyOfReports, measuresTopBodiesOfReports, measureTopBodiesOfReports } from '../../src/lib/queries/reports-by-body';
import { T3_ROWS } from '../../src/lib/template';
import { fixtureQueries, type FixtureQuery } from '../dataset-fixture';
import { fixture } from '../helpers';

const run = fixtureQueries();

// Expected figures are worked out by hand from the fixture reports' tables
// (see tests/fixtures/html/*.expected.ts, tests/fixtures/text/full-2021.txt, the seed).
describe('yearly totals (overview)', () => {
  it('sums each measure per year over the bodies’ own reports; the consolidated report is not added', async () => {
    const rows = await run<YearlyRow>(yearlyTotals(NO_FILTERS));
    expect(rows.map((r) => r.year)).toEqual([2019, 2020, 2022]);
    const [y2019, y2020, y2022] = rows;
    expect(y2019).toMatchObject({ reports: 1, new_requests: 9, handled: 10, granted: 4, partial: null, denied: 1, unavailable: 4, rejected: null, other: 1, licensing: 3185, penalty: 2, coercion: 0, procurement_projects: 158, procurement_amount: 5234.55, procurement_reports: 1, review_total: null });
    expect(y2020).toMatchObject({ reports: 1, new_requests: 57, carried_over: 4, handled: 58, carried_forward: 3, granted: 27, partial: 6, denied: 6, unavailable: 14, rejected: 4, other: 1, licensing: 2846, penalty: 37, coercion: 3, procurement_projects: 23, procurement_amount: 25.1, review_total: 2, review_corrected: 0, suit_total: 1 });
    expect(y2022).toMatchObject({ reports: 2, new_requests: 160, handled: 162, granted: 74, partial: 16, denied: 12, unavailable: 40, rejected: 7, other: 6, licensing: 3356, penalty: 499, coercion: 32, review_total: 7, review_corrected: 2, suit_total: 4, suit_corrected: 0 });
  });

  it('a 2021-version year has no procurement in its template: no reports, no amount (not zero)', async () => {
    const y2022 = (await run<YearlyRow>(yearlyTotals(NO_FILTERS))).find((r) => r.year === 2022)!;
    expect(y2022.procurement_reports).toBe(0);
    expect(y2022.procurement_amount).toBeNull();
  });

  it('follows the filters: years, bodies, regions, and the consolidated kind when asked for', async () => {
    const only = (f: Partial<Filters>) => run<YearlyRow>(yearlyTotals({ ...NO_FILTERS, ...f }));
    expect((await only({ from: 2020, to: 2022 })).map((r) => r.year)).toEqual([2020, 2022]);
    expect((await only({ bodies: ['浙江省生态环境厅'] })).map((r) => [r.year, r.new_requests])).toEqual([[2022, 131]]);
    expect((await only({ regions: ['示例市'] })).map((r) => [r.year, r.new_requests])).toEqual([[2022, 29]]);
    expect((await only({ kinds: ['consolidated'] })).map((r) => [r.year, r.new_requests, r.reports])).toEqual([[2022, 29, 1]]);
    expect(await only({ bodies: ['没有这个机关'] })).toEqual([]);
    // Values are written into the SQL as literals: a quote in a name stays part of the name.
    expect(await only({ bodies: ["x' OR '1'='1"] })).toEqual([]);
  });
});

describe('year ranges cut from all years (a change of years runs no query)', () => {
  const RANGES = [{ from: 2020, to: 2022 }, { from: 2020, to: null }, { from: null, to: 2019 }, { from: 2021, to: 2021 }];
  // Every query a page cuts by year (app/years.svelte.ts), grouped by year and perhaps body.
  const BY_YEAR: Record<string, (f: Filters) => Query> = {
    yearlyTotals,
    requestsByApplicant,
    measureTopBodies: (f) => measureTopBodies(f, MEASURES.new_requests),
    measuresTopBodies: (f) => measuresTopBodies(f, [MEASURES.granted, MEASURES.denied]),
    cellSumsByYear: (f) => cellSumsByYear(f, 't4', ['review'], ['total', 'corrected']),
  };

  it('the rows of every year, cut to a range, are the rows the range’s own query gives', async () => {
    for (const [name, build] of Object.entries(BY_YEAR)) {
      for (const range of RANGES) {
        const filters = { ...NO_FILTERS, ...range };
        const cut = withinYears(await run<{ year: number }>(build(allYears(filters))), filters);
        expect(cut, `${name} ${JSON.stringify(range)}`).toEqual(await run(build(filters)));
      }
    }
    const filters = { ...NO_FILTERS, from: 2020, to: 2022 };
    expect(withinYears(await run<YearlyRow>(yearlyTotals(allYears(filters))), filters).map((r) => [r.year, r.new_requests])).toEqual([[2020, 57], [2022, 160]]);
  });
});

describe('yearly rows summed from the cube (a change of region, level or kind runs no query)', () => {
  const FILTERS: Partial<Filters>[] = [
    {},
    { from: 2020, to: 2022 },
    { regions: ['示例市'] },
    { regions: ['示例市'], kinds: ['consolidated'] },
    { levels: ['省级'] },
    { kinds: ['department'] },
    { kinds: ['department', 'consolidated'] },
    { regions: ['没有这个地区'] },
  ];

  // One more report whose manifest gives no region, level or kind (NULL in the data): no list of regions or levels holds it, the default view does.
  const runWithNulls = fixtureQueries([{ from: fixture('html/dept-2019.html'), line: 'no-region.html,无地区机关,2021,,,' }]);

  it('gives for any filters but bodies the rows yearlyTotals gives', async () => {
    for (const query of [run, runWithNulls]) {
      const cube = await query<YearlyCubeRow>(yearlyCube());
      for (const f of FILTERS) {
        const filters = { ...NO_FILTERS, ...f };
        expect(yearlyFromCube(cube, filters), JSON.stringify(f)).toEqual(await query(yearlyTotals(filters)));
      }
    }
    const withNulls = await runWithNulls<YearlyCubeRow>(yearlyCube());
    expect(yearlyFromCube(withNulls, NO_FILTERS).map((r) => [r.year, r.reports])).toEqual([[2019, 1], [2020, 1], [2021, 1], [2022, 2]]);
    expect(yearlyFromCube(withNulls, { ...NO_FILTERS, levels: ['省级'] }).map((r) => r.year)).toEqual([2019, 2020, 2022]);
    const cube = await run<YearlyCubeRow>(yearlyCube());
    // By hand: the consolidated report of 示例市 alone, and both of its reports (a sum of two cube rows).
    expect(yearlyFromCube(cube, { ...NO_FILTERS, kinds: ['consolidated'] }).map((r) => [r.year, r.reports, r.new_requests])).toEqual([[2022, 1, 29]]);
    expect(yearlyFromCube(cube, { ...NO_FILTERS, regions: ['示例市'], kinds: ['department', 'consolidated'] }).map((r) => [r.year, r.reports, r.new_requests])).toEqual([[2022, 2, 58]]);
  });

  it('cannot answer a choice of bodies (the cube has none)', async () => {
    const cube = await run<YearlyCubeRow>(yearlyCube());
    expect(() => yearlyFromCube(cube, { ...NO_FILTERS, bodies: ['浙江省生态环境厅'] })).toThrow(/body/);
  });
});

describe('yearly rows of chosen bodies, summed from their reports in the page (a choice of bodies runs no query)', () => {
  const FILTERS: Partial<Filters>[] = [
    { bodies: ['浙江省生态环境厅'] },
    { bodies: ['浙江省生态环境厅', '浙江省自然资源厅', '浙江省生态环境厅'] },
    { bodies: ['浙江省自然资源厅', '浙江省经济和信息化厅'], from: 2020 },
    { bodies: ['示例市文化和旅游局', '示例市（全市汇总）'] },
    { bodies: ['示例市文化和旅游局', '示例市（全市汇总）'], kinds: ['consolidated'] },
    { bodies: ['浙江省生态环境厅', '无地区机关'], levels: ['省级'] },
    { bodies: ['无地区机关'] },
    { bodies: ['没有这个机关'] },
  ];
  const runWithNulls = fixtureQueries([{ from: fixture('html/dept-2019.html'), line: 'no-region.html,无地区机关,2021,,,' }]);

  it('gives the rows yearlyTotals gives', async () => {
    for (const query of [run, runWithNulls]) {
      const reports = query.held();
      for (const f of FILTERS) {
        const filters = { ...NO_FILTERS, ...f };
        expect(yearlyOfBodies(reports, filters), JSON.stringify(f)).toEqual(await query(yearlyTotals(filters)));
      }
    }
  });

  it('by hand: each body once, the consolidated report only when asked for', async () => {
    const reports = run.held();
    const of = (f: Partial<Filters>) => yearlyOfBodies(reports, { ...NO_FILTERS, ...f }).map((r) => [r.year, r.reports, r.new_requests]);
    expect(of({ bodies: ['浙江省生态环境厅', '浙江省自然资源厅', '浙江省生态环境厅'] })).toEqual([[2020, 1, 57], [2022, 1, 131]]);
    expect(of({ bodies: ['示例市（全市汇总）'] })).toEqual([]);
    expect(of({ bodies: ['示例市（全市汇总）'], kinds: ['consolidated'] })).toEqual([[2022, 1, 29]]);
    expect(of({ bodies: ['没有这个机关'] })).toEqual([]);
    // The fixture’s five reports, one a body and year.
    expect(reports.length).toBe(5);
  });
});

describe('sums of chosen cells (read from the summary cells)', () => {
  it('per year, and per body in one year; the consolidated report only when asked for', async () => {
    // t4 of the fixtures: the seed all '/', dept-2019 review 2 (corrected 0), dept-2021 review 4 (corrected 1), full-2021 review 3 (corrected 1).
    expect(await run(cellSumsByYear(NO_FILTERS, 't4', ['review'], ['total', 'corrected']))).toEqual([
      { year: 2019, row: 'review', col: 'corrected', value: null },
      { year: 2019, row: 'review', col: 'total', value: null },
      { year: 2020, row: 'review', col: 'corrected', value: 0 },
      { year: 2020, row: 'review', col: 'total', value: 2 },
      { year: 2022, row: 'review', col: 'corrected', value: 2 },
      { year: 2022, row: 'review', col: 'total', value: 7 },
    ]);
    expect(await run(cellSumsByBody(NO_FILTERS, 2022, 't4', ['review'], ['total']))).toEqual([
      { body: '浙江省生态环境厅', row: 'review', value: 4 },
      { body: '示例市文化和旅游局', row: 'review', value: 3 },
    ]);
    expect(await run(cellSumsByBody({ ...NO_FILTERS, kinds: ['consolidated'] }, 2022, 't4', ['review'], ['total']))).toEqual([{ body: '示例市（全市汇总）', row: 'review', value: 3 }]);
  });

  it('refuses a cell the summary does not hold, rather than answering nothing', () => {
    expect(() => cellSumsByYear(NO_FILTERS, 't3', ['granted'], ['natural'])).toThrow(/not a summary cell/);
    expect(() => cellSumsByYear(NO_FILTERS, 't2', ['regulations'], ['made'])).toThrow(/not a summary cell/);
  });
});

describe('requests by applicant type', () => {
  it('places known applicant columns; an ambiguous split goes to 未区分, not spread over types', async () => {
    const rows = await run<ApplicantRow>(requestsByApplicant(NO_FILTERS));
    const of = (year: number) => Object.fromEntries(rows.filter((r) => r.year === year).map((r) => [r.applicant, r.requests]));
    expect(of(2019)).toEqual({ natural_person: null, business: null, research: null, social_org: null, legal_service: null, other_org: null, undetermined: 9 });
    expect(of(2020)).toEqual({ natural_person: 40, business: 9, research: 1, social_org: 0, legal_service: 5, other_org: 2 });
    expect(of(2022)).toEqual({ natural_person: 116, business: 26, research: 3, social_org: 1, legal_service: 10, other_org: 4 });
  });
});

describe('the top bodies by a measure', () => {
  it('gives each year’s first bodies with their values', async () => {
    const rows = await run<BodyYearRow>(measureTopBodies(NO_FILTERS, MEASURES.licensing));
    expect(rows).toEqual([
      { body: '浙江省生态环境厅', year: 2022, value: 1836 },
      { body: '浙江省经济和信息化厅', year: 2019, value: 3185 },
      { body: '浙江省自然资源厅', year: 2020, value: 2846 },
      { body: '示例市文化和旅游局', year: 2022, value: 1520 },
    ]);
  });

  it('only the first of each year: by the measure, then by the sum of several', async () => {
    expect(await run<BodyYearRow>(measureTopBodies(NO_FILTERS, MEASURES.licensing, 1))).toEqual([
      { body: '浙江省生态环境厅', year: 2022, value: 1836 },
      { body: '浙江省经济和信息化厅', year: 2019, value: 3185 },
      { body: '浙江省自然资源厅', year: 2020, value: 2846 },
    ]);
    // Tied at the last place, both are sent (the page's order chooses): 2022 review corrected 1 in dept-2021 and in full-2021.
    expect((await run<BodyYearRow>(measureTopBodies(NO_FILTERS, MEASURES.review_corrected, 1))).filter((r) => r.year === 2022)).toEqual([
      { body: '浙江省生态环境厅', year: 2022, value: 1 },
      { body: '示例市文化和旅游局', year: 2022, value: 1 },
    ]);
    // 2022: 浙江省生态环境厅 granted 59 + denied 9 (dept-2021: 4 + 1 + 2 + 2) against 示例市文化和旅游局's 15 + 3 (full-2021).
    const top = await run<{ body: string; year: number }>(measuresTopBodies(NO_FILTERS, [MEASURES.granted, MEASURES.denied], 1));
    expect(top.filter((r) => r.year === 2022)).toEqual([{ body: '浙江省生态环境厅', year: 2022, granted: 59, denied: 9 }]);
  });

  const runWithNulls = fixtureQueries([{ from: fixture('html/dept-2019.html'), line: 'no-region.html,无地区机关,2021,,,' }]);

  it('the same from every report’s measures held in the page (a change of filters asks no query), ties and all', async () => {
    for (const query of [run, runWithNulls]) {
      const reports = query.held();
      for (const f of [{}, { regions: ['示例市'] }, { levels: ['省级'] }, { kinds: ['consolidated'] }, { kinds: ['department', 'consolidated'] }, { bodies: ['浙江省生态环境厅', '无地区机关'] }, { from: 2020, to: 2021 }, { bodies: ['没有这个机关'] }] as Partial<Filters>[]) {
        const filters = { ...NO_FILTERS, ...f };
        for (const limit of [1, 15]) {
          for (const measure of [MEASURES.licensing, MEASURES.review_corrected, MEASURES.procurement_amount]) {
            expect(measureTopBodiesOfReports(reports, filters, measure, limit), `${JSON.stringify(f)} ${measure.key} ${limit}`).toEqual(await query(measureTopBodies(filters, measure, limit)));
          }
          // The seed's 部分公开 is blank (null): a body shown with a measure of no value keeps it null.
          const outcomes = [MEASURES.granted, MEASURES.partial, MEASURES.denied];
          expect(measuresTopBodiesOfReports(reports, filters, outcomes, limit), `${JSON.stringify(f)} ${limit}`).toEqual(await query(measuresTopBodies(filters, outcomes, limit)));
          // 办理结果's reasons per body, from the cells of the cube held in the page.
          const others = T3_ROWS.filter((r) => r.group === 'other').map((r) => r.key);
          expect(cellSumsByBodyOfReports(reports, filters, 2022, 't3', others, ['total'], limit), `${JSON.stringify(f)} ${limit}`).toEqual(await query(cellSumsByBody(filters, 2022, 't3', others, ['total'], limit)));
        }
      }
    }
    // By hand, as above: the tie at the first place of 2022 is kept.
    const reports = run.held();
    expect(measureTopBodiesOfReports(reports, NO_FILTERS, MEASURES.review_corrected, 1).filter((r) => r.year === 2022)).toEqual([
      { body: '浙江省生态环境厅', year: 2022, value: 1 },
      { body: '示例市文化和旅游局', year: 2022, value: 1 },
    ]);
  });
});

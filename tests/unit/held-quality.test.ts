import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyYears, cellStates, findingList, findingsByReport, findingsByRule, incompleteReports, NO_FILTERS, uncheckedRules, type Filters } from '../../src/lib/queries';
import { bodyYearsOfHeld, cellStatesOfHeld, findingListOfHeld, findingsByReportOfHeld, findingsByRuleOfHeld, incompleteReportsOfHeld, uncheckedRulesOfHeld } from '../../src/lib/queries/held-quality';
import { COUNTING_REPORTS, fixtureQueries } from '../dataset-fixture';
import { RULES } from '../../src/lib/template';
import { PREPARED_OVERVIEW } from '../../src/lib/dataset/overview';
import { cellStatesFromCube, findingsByRuleFromCube, isQualityCube, uncheckedRulesFromCube, type QualityCube } from '../../src/lib/queries/quality-cube';

// The fixture with COUNTING_REPORTS (tests/dataset-fixture.ts): a draft that does not count, a consolidated report, findings on several reports.
const run = fixtureQueries(COUNTING_REPORTS);

describe('数据质量 from what the page holds (no query)', () => {
  const FILTERS: Partial<Filters>[] = [
    {},
    { bodies: ['示例市文化和旅游局'] },
    { bodies: ['浙江省生态环境厅', '浙江省经济和信息化厅'] },
    { levels: ['省级'] },
    { regions: ['示例市'] },
    { kinds: ['consolidated'] },
    { kinds: ['department', 'consolidated'] },
    { from: 2020, to: 2021 },
    { from: 2022 },
    { bodies: ['没有这个机关'] },
  ];

  it('every table and chart of the page gives the rows of its query, for any filters, limits and rule', async () => {
    const held = run.held();
    for (const f of FILTERS) {
      const filters = { ...NO_FILTERS, ...f };
      const label = JSON.stringify(f);
      expect(findingsByRuleOfHeld(held, filters), label).toEqual(await run(findingsByRule(filters)));
      expect(bodyYearsOfHeld(held, filters), label).toEqual(await run(bodyYears(filters)));
      expect(cellStatesOfHeld(held, filters), label).toEqual(await run(cellStates(filters)));
      expect(uncheckedRulesOfHeld(held, filters), label).toEqual(await run(uncheckedRules(filters)));
      for (const limit of [1, 3, 1000]) {
        expect(findingsByReportOfHeld(held, filters, limit), `${label} ${limit}`).toEqual(await run(findingsByReport(filters, limit)));
        expect(incompleteReportsOfHeld(held, filters, limit), `${label} ${limit}`).toEqual(await run(incompleteReports(filters, limit)));
        for (const rule of [null, 'T3_ROW_SUM', 'NOT_EVALUATED', RULES.at(-1)!.id]) {
          expect(findingListOfHeld(held, filters, rule, limit), `${label} ${limit} ${rule}`).toEqual(await run(findingList(filters, rule, limit)));
        }
      }
    }
  });

  it('by hand: 浙江省生态环境厅’s 2022 report has 6 errors, its four T3_ROW_SUM findings listed first', () => {
    const held = run.held();
    const byReport = findingsByReportOfHeld(held, NO_FILTERS, 1000);
    expect(byReport[0]).toMatchObject({ body: '浙江省生态环境厅', year: 2022, errors: 6 });
    const rowSums = findingListOfHeld(held, { ...NO_FILTERS, bodies: ['浙江省生态环境厅'] }, 'T3_ROW_SUM', 1000);
    expect(rowSums.map((r) => [r.year, r.rule, r.total])).toEqual([
      [2022, 'T3_ROW_SUM', 4],
      [2022, 'T3_ROW_SUM', 4],
      [2022, 'T3_ROW_SUM', 4],
      [2022, 'T3_ROW_SUM', 4],
    ]);
    // The seed (2019) has no report of 2020 or 2021 beside it: its body has one year.
    expect(bodyYearsOfHeld(held, { ...NO_FILTERS, bodies: ['浙江省经济和信息化厅'] })).toEqual([{ body: '浙江省经济和信息化厅', years: [2019] }]);
  });

  it('the quality cube the ingest prepared gives the page’s charts and rule tables the SQL’s rows for every filter but bodies, the superseded draft’s findings counted', async () => {
    const cube = JSON.parse(readFileSync(join(run.dir(), PREPARED_OVERVIEW), 'utf8')).quality as QualityCube;
    for (const f of FILTERS.filter((f) => !f.bodies)) {
      const filters = { ...NO_FILTERS, ...f };
      const label = JSON.stringify(f);
      expect(findingsByRuleFromCube(cube, filters), label).toEqual(await run(findingsByRule(filters)));
      expect(cellStatesFromCube(cube, filters), label).toEqual(await run(cellStates(filters)));
      expect(uncheckedRulesFromCube(cube, filters), label).toEqual(await run(uncheckedRules(filters)));
    }
    // By hand: 示例市's 2022 reports. partial-2022.txt (cut before （七）总计) twice: 示例市卫生健康委员会's, and 示例市文化和旅游局's draft, superseded by its whole
    // report but listed: each a missing table, missing cells and five rules not checked; the draft also the duplicate; mixed-2022.txt a mix of versions.
    const city2022 = { ...NO_FILTERS, regions: ['示例市'], from: 2022, to: 2022 };
    expect(findingsByRuleFromCube(cube, city2022).map((r) => [r.rule, r.findings, r.reports])).toEqual([
      ['CELLS_MISSING', 2, 2],
      ['DUPLICATE_REPORT', 1, 1],
      ['NOT_EVALUATED', 10, 2],
      ['TABLE_MISSING', 2, 2],
      ['VERSION_MIX', 1, 1],
    ]);
    expect(uncheckedRulesFromCube(cube, city2022)).toEqual(['NARRATIVE', 'T3_BALANCE', 'T3_HANDLED_SUM', 'T3_ROW_SUM', 'T4_GROUP_SUM'].map((rule) => ({ rule, reports: 2 })));
  });

  it('a prepared file without the quality cube, counting other states (an older ingest) or damaged, is not read as one: the held reports answer', async () => {
    const cube = JSON.parse(readFileSync(join(run.dir(), PREPARED_OVERVIEW), 'utf8')).quality;
    expect(isQualityCube(cube)).toBe(true);
    expect(isQualityCube(undefined)).toBe(false);
    expect(isQualityCube({ ...cube, states: ['value', 'slash', 'dash', 'blank', 'ambiguous'] })).toBe(false);
    expect(isQualityCube({ states: cube.states })).toBe(false);
    // A damaged file: a row without its rules.
    expect(isQualityCube({ ...cube, rows: [...cube.rows, { ...cube.rows[0], rules: undefined }] })).toBe(false);
  });
});

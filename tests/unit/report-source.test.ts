import { beforeAll, describe, expect, it } from 'vitest';
import { filtersFromSearch, filtersToSearch } from '../../src/lib/app/url-filters';
import { NO_FILTERS, reportById, yearlyCube, yearlyFromCube, yearlyOfBodies, yearlyTotals, type Filters, type YearlyCubeRow, type YearlyRow } from '../../src/lib/queries';
import { measuresByBodyYear } from '../../src/lib/queries/body-years';
import { reportOfHeld } from '../../src/lib/queries/held-report';
import { buildFixtureDataset, loadDatasetFolder, type FixtureDatabase } from '../dataset-fixture';

// The fixture's 2022: 浙江省生态环境厅 (新收 131) and 示例市文化和旅游局 (29); 浙江省生态环境厅's report is marked as imported here.
let db: FixtureDatabase;
beforeAll(async () => {
  const dir = await buildFixtureDataset();
  const probe = await loadDatasetFolder(dir);
  const [{ report_id }] = await probe.query<{ report_id: string }>("SELECT report_id FROM reports WHERE body = '浙江省生态环境厅'");
  db = await loadDatasetFolder(dir, [report_id]);
});

const run = <T>(q: { sql: string; params: unknown[] }) => db.query<T>(q.sql, q.params);
const new2022 = (rows: YearlyRow[]) => rows.filter((r) => r.year === 2022).map((r) => [r.reports, r.new_requests]);

describe('the report-source filter: the site’s reports, the imported ones, or both', () => {
  it('SQL, the yearly cube and the bodies’ own rows give the same sums for each source', async () => {
    const cube = await run<YearlyCubeRow>(yearlyCube());
    const byBody = db.held;
    const expected = { all: [[2, 160]], imported: [[1, 131]], site: [[1, 29]] } as const;
    for (const source of ['all', 'imported', 'site'] as const) {
      const filters: Filters = { ...NO_FILTERS, source };
      expect(new2022(await run<YearlyRow>(yearlyTotals(filters))), source).toEqual(expected[source]);
      expect(new2022(yearlyFromCube(cube, filters)), source).toEqual(expected[source]);
      expect(new2022(yearlyOfBodies(byBody, { ...filters, bodies: ['浙江省生态环境厅', '示例市文化和旅游局'] })), source).toEqual(expected[source]);
    }
    // A report's own row says it was imported, from what the page holds as from the reports table.
    const [{ report_id }] = await run<{ report_id: string }>({ sql: "SELECT report_id FROM reports WHERE body = '浙江省生态环境厅'", params: [] });
    expect(reportOfHeld(byBody, report_id)).toEqual(await run(reportById(report_id)));
    expect(reportOfHeld(byBody, report_id)[0].imported).toBe(true);
    // Only imported: the site's years have no report.
    expect((await run<YearlyRow>(yearlyTotals({ ...NO_FILTERS, source: 'imported' }))).map((r) => r.year)).toEqual([2022]);
    expect((await run<{ body: string }>(measuresByBodyYear({ ...NO_FILTERS, source: 'imported' }, [2022]))).map((r) => r.body)).toEqual(['浙江省生态环境厅']);
  });

  it('lives in the link: ?source=imported, nothing for both, anything else ignored', () => {
    expect(filtersToSearch({ ...NO_FILTERS, source: 'imported' })).toBe('?source=imported');
    expect(filtersToSearch(NO_FILTERS)).toBe('');
    expect(filtersFromSearch(new URLSearchParams('source=site')).source).toBe('site');
    expect(filtersFromSearch(new URLSearchParams('source=x')).source).toBe('all');
  });
});

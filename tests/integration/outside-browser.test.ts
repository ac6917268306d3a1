import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureDataset, COUNTING_REPORTS, loadDatasetFolder } from '../dataset-fixture';
import { NO_FILTERS, yearlyTotals, type YearlyRow } from '../../src/lib/queries';

// README's DuckDB query, run as a user would run it (native DuckDB, the dataset's own
// Parquet files), over the fixture with a duplicate, a partial and a mixed-version 2022
// report beside a region-wide one (tests/dataset-fixture.ts, COUNTING_REPORTS).

const COLUMNS = ['year', 'reports', 'new_requests', 'handled', 'licensing', 'procurement_amount'] as const;
type Row = Record<(typeof COLUMNS)[number], number | null>;

/** The SQL block of README's section on reading the dataset beyond the browser. */
function readmeQuery(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### Beyond the browser'));
  const match = /```sql\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README has no SQL block in "Beyond the browser"');
  return match[1];
}

let dir: string;
let native: Row[];
let connection: Awaited<ReturnType<DuckDBInstance['connect']>>;

beforeAll(async () => {
  dir = await buildFixtureDataset(COUNTING_REPORTS);
  connection = await (await DuckDBInstance.create(':memory:')).connect();
  const result = await connection.runAndReadAll(readmeQuery().replaceAll("'static/data/", `'${dir}/`));
  native = result.getRowObjectsJson().map((r) => Object.fromEntries(COLUMNS.map((c) => [c, r[c] === null ? null : Number(r[c])])) as Row);
}, 120_000);

describe('the dataset read beyond the browser (README: Beyond the browser)', () => {
  it('README’s DuckDB query counts as the site counts: one report per body and year, no region-wide report', () => {
    // 2022: 浙江省生态环境厅 131 and 示例市文化和旅游局 29 new requests, 示例市交通运输局 29 and 示例市卫生健康委员会 29
    // (its table cut before （七）总计: no handled); the culture bureau's draft and the city-wide report do not count.
    expect(native.map((r) => [r.year, r.reports, r.new_requests, r.handled])).toEqual([
      [2019, 1, 9, 10],
      [2020, 1, 57, 58],
      [2022, 4, 218, 192],
    ]);
    // The seed's 政府集中采购 5234.55万元, 浙江省自然资源厅's 25.10.
    expect(native.slice(0, 2).map((r) => r.procurement_amount)).toEqual([5234.55, 25.1]);
  });

  it('gives what the site’s own overview query gives over the same files', async () => {
    const db = await loadDatasetFolder(dir);
    const query = yearlyTotals(NO_FILTERS);
    const site = await db.query<YearlyRow>(query.sql, query.params);
    expect(native).toEqual(site.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, r[c as keyof YearlyRow] ?? null]))));
  });

  it('the cells files are hive-style partitions: each cell’s year, taken from its folder, is its report’s', async () => {
    const result = await connection.runAndReadAll(
      `SELECT c.year AS folder, r.year AS report, COUNT(*) AS cells FROM read_parquet('${dir}/cells/*/*.parquet', hive_partitioning = true) c JOIN read_parquet('${dir}/reports.*.parquet') r USING (report_id) GROUP BY ALL ORDER BY folder`,
    );
    // Every report has the template's 226 cells: 2019 the seed, 2020 one report, 2022 six (two bodies, the city-wide copy and the three added here).
    expect(result.getRowObjectsJson().map((r) => [Number(r.folder), Number(r.report), Number(r.cells)])).toEqual([
      [2019, 2019, 226],
      [2020, 2020, 226],
      [2022, 2022, 6 * 226],
    ]);
  });
});

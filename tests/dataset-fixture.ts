import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromParquet } from '../src/lib/dataset';
import { createNodeDatabase } from '../src/lib/db/node';
import { filePreparer } from '../src/lib/db/prepare';
import { loadDataset } from '../src/lib/db/load';
import type { Database } from '../src/lib/db/database';
import { ingest } from '../src/lib/ingest';
import { tableToIPC, type Table } from 'apache-arrow';
import { beforeAll } from 'vitest';
import type { Query } from '../src/lib/queries';
import { ReportsHolder, withCubeCells, type ReportsByBody } from '../src/lib/queries/held-reports';
import { DATASET_FILES } from '../src/lib/dataset/schema';
import { datasetPath, fixture, SEED } from './helpers';

/**
 * A small dataset through the real ingest: the seed (2019), dept-2019.html
 * (浙江省自然资源厅 2020), dept-2021.html (浙江省生态环境厅 2022), full-2021.txt
 * (示例市文化和旅游局 2022) and the same file again as a consolidated report
 * (示例市（全市汇总）2022), which views must not add to the others.
 */
/** An extra report: a copy of `from` with its manifest line (file,body,year,region,level,kind). */
export interface ExtraReport {
  from: string;
  line: string;
}

/** When the fixture dataset says it was built (the site's 数据截至). */
export const FIXTURE_BUILT_AT = new Date('2026-03-01T08:00:00Z');

export async function buildFixtureDataset(extra: readonly ExtraReport[] = []): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'query-fixture-'));
  const reports = join(dir, 'reports');
  mkdirSync(reports);
  copyFileSync(SEED, join(reports, 'seed.txt'));
  copyFileSync(fixture('html/dept-2019.html'), join(reports, 'dept-2019.html'));
  copyFileSync(fixture('html/dept-2021.html'), join(reports, 'dept-2021.html'));
  copyFileSync(fixture('text/full-2021.txt'), join(reports, 'city-culture.txt'));
  copyFileSync(fixture('text/full-2021.txt'), join(reports, 'city-total.txt'));
  for (const e of extra) copyFileSync(e.from, join(reports, e.line.split(',')[0]));
  writeFileSync(
    join(reports, 'manifest.csv'),
    [
      'file,body,year,region,level,kind',
      'seed.txt,浙江省经济和信息化厅,2019,浙江省,省级,department',
      'dept-2019.html,浙江省自然资源厅,2020,浙江省,省级,department',
      'dept-2021.html,浙江省生态环境厅,2022,浙江省,省级,department',
      'city-culture.txt,示例市文化和旅游局,2022,示例市,市级,department',
      'city-total.txt,示例市（全市汇总）,2022,示例市,市级,consolidated',
      ...extra.map((e) => e.line),
    ].join('\n'),
  );
  const out = join(dir, 'dataset');
  await ingest({ inputs: [], manifest: join(reports, 'manifest.csv'), out, builtAt: FIXTURE_BUILT_AT });
  return out;
}

/**
 * The fixture plus 2021 reports, for comparing 2020 with 2021: 浙江省自然资源厅
 * (2020 in the 2019 version, 2021 = dept-2021.html in the 2021 version) and
 * 示例市文化和旅游局 (2021 = full-2021.txt again; it has no 2020 report).
 */
export const YEAR_2021_REPORTS: readonly ExtraReport[] = [
  { from: fixture('html/dept-2021.html'), line: 'nr-2021.html,浙江省自然资源厅,2021,浙江省,省级,department' },
  { from: fixture('text/full-2021.txt'), line: 'city-culture-2021.txt,示例市文化和旅游局,2021,示例市,市级,department' },
];

/**
 * The fixture plus 2022 reports that sums must treat with care: a mixed-version
 * report (示例市交通运输局: the seed's 2019-style t2, full-2021.txt's t3 and t4),
 * a partial one (示例市卫生健康委员会: full-2021.txt cut before （七）总计), and a
 * draft of 示例市文化和旅游局's 2022 report (the same cut text) beside the whole
 * one: a duplicate, which must not count.
 */
export const COUNTING_REPORTS: readonly ExtraReport[] = [
  { from: fixture('text/mixed-2022.txt'), line: 'mixed-2022.txt,示例市交通运输局,2022,示例市,市级,department' },
  { from: fixture('text/partial-2022.txt'), line: 'partial-2022.txt,示例市卫生健康委员会,2022,示例市,市级,department' },
  { from: fixture('text/partial-2022.txt'), line: 'city-culture-draft.txt,示例市文化和旅游局,2022,示例市,市级,department' },
];

/** The fixture dataset loaded into DuckDB-wasm (Node), as the browser loads it. */
export async function fixtureDataset(extra: readonly ExtraReport[] = []): Promise<{ dir: string; db: FixtureDatabase }> {
  const out = await buildFixtureDataset(extra);
  return { dir: out, db: await loadDatasetFolder(out) };
}

/** A query's rows, or with .table its Arrow columns. */
export type FixtureQuery = (<T>(query: Query) => Promise<T[]>) & { table(query: Query): Promise<Table>; held(): ReportsByBody; dir(): string };

/** For a test file: the fixture dataset loaded before its tests (beforeAll), and a function running a query over it. */
export function fixtureQueries(extra: readonly ExtraReport[] = []): FixtureQuery {
  let db: FixtureDatabase;
  let dir: string;
  beforeAll(async () => {
    ({ db, dir } = await fixtureDataset(extra));
  });
  const run = <T>(query: Query) => db.query<T>(query.sql, query.params);
  return Object.assign(run, { table: (query: Query) => db.queryTable(query.sql, query.params), held: () => db.held, dir: () => dir });
}

/** A dataset loaded as the browser loads it, with every report held as the page holds it (from the files as decoded). */
export type FixtureDatabase = Database & { held: ReportsByBody };

/**
 * A dataset folder loaded into DuckDB-wasm (Node), as the browser loads it,
 * then the summary cells and every year's cells, which the browser loads when a page needs them;
 * `imported`: reports marked as imported in the browser.
 */
export async function loadDatasetFolder(dir: string, imported: readonly string[] = []): Promise<FixtureDatabase> {
  const db = await createNodeDatabase();
  const decoded = new ReportsHolder(imported);
  const { years, loadCells, loadSummary } = await loadDataset(
    db,
    {
      fetch: async (name) => new Uint8Array(readFileSync(join(dir, name))),
      prepare: filePreparer((bytes) => tableToIPC(fromParquet(bytes), 'stream')),
      decoded,
    },
    undefined,
    imported,
  );
  await loadSummary();
  await loadCells(years);
  // The reports' cells of the cell cube, as the page reads them when a view first needs them.
  const cube = fromParquet(readFileSync(datasetPath(dir, DATASET_FILES.cubeCells)));
  return Object.assign(db, { held: withCubeCells(await decoded.complete, cube) });
}

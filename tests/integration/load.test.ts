import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableToIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromParquet, toParquet } from '../../src/lib/dataset';
import { loadDataset, type DatasetSource, type LoadProgress } from '../../src/lib/db/load';
import { createNodeDatabase } from '../../src/lib/db/node';
import { filePreparer } from '../../src/lib/db/prepare';
import { buildFixtureDataset } from '../dataset-fixture';
import { datasetPath } from '../helpers';
import { DATASET_FILES } from '../../src/lib/dataset/schema';

let dir: string;
beforeAll(async () => {
  dir = await buildFixtureDataset();
});

/** The dataset folder as the page reads it, with `replaced` files' bytes swapped. */
const source = (replaced: Record<string, Uint8Array> = {}): DatasetSource => ({
  fetch: async (name) => replaced[DATASET_FILES.logical(name)] ?? new Uint8Array(readFileSync(join(dir, name))),
  prepare: filePreparer((bytes) => tableToIPC(fromParquet(bytes), 'stream')),
});

describe('loading a dataset into DuckDB (as the browser does)', () => {
  it('loads the reports and their measures, the summary cells when asked, not the cells; reports progress up to the whole', async () => {
    const db = await createNodeDatabase();
    const progress: LoadProgress[] = [];
    const { loadSummary } = await loadDataset(db, source(), (p) => progress.push(p));
    // The summary cells are decoded but not inserted until asked for: most pages never read them.
    expect(await db.query("SELECT COUNT(*) AS tables FROM information_schema.tables WHERE table_name = 'summary_cells'")).toEqual([{ tables: 0 }]);
    await Promise.all([loadSummary(), loadSummary()]);
    const total = progress.at(-1)!.total;
    expect(progress.at(-1)).toEqual({ loaded: total, total, step: 'done' });
    // One report per file as it is inserted, growing to the whole: every file but the three years' cells, their body years, the one body group and the cube cells.
    const files = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')).files as { name: string; bytes: number }[];
    expect(progress.length).toBe(2 + files.length - 8);
    const loaded = files.filter((f) => !DATASET_FILES.cellsPattern.test(f.name) && !DATASET_FILES.pageOnly(f.name) && !f.name.startsWith('cube-cells.'));
    expect(total).toBe(loaded.reduce((n, f) => n + f.bytes, 0));
    expect(progress.some((p) => p.step.startsWith('cube-cells.') || p.step.startsWith('body-years/') || p.step.startsWith('body-groups/'))).toBe(false);
    expect(await db.query('SELECT COUNT(*) AS n FROM cells')).toEqual([{ n: 0 }]);
    expect(progress.map((p) => p.loaded)).toEqual(progress.map((p) => p.loaded).sort((a, b) => a - b));
    // t3.new.total of the five fixture reports: 9 (seed), 57, 131, 29 and 29 again (the consolidated copy).
    const newTotal = `SELECT SUM(c.value) AS total FROM summary_cells c JOIN summary_keys k ON k.id = c.cell WHERE k."table" = 't3' AND k."row" = 'new' AND k.col = 'total'`;
    expect(await db.query(newTotal)).toEqual([{ total: 255 }]);
    expect(await db.query('SELECT COUNT(*) AS reports, COUNT(DISTINCT report_no) AS numbers FROM report_measures')).toEqual([{ reports: 5, numbers: 5 }]);
    // Not the reports' cells of the cell cube: the page reads those itself, when a view needs them.
    expect((await db.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main'")).map((t) => t.name)).not.toContain('cube-cells');
  });

  it('loads a year’s cells when asked, once, and no other year’s', async () => {
    const db = await createNodeDatabase();
    const { loadCells } = await loadDataset(db, source());
    const years = 'SELECT r.year, COUNT(*) AS cells FROM cells c JOIN reports r USING (report_id) GROUP BY r.year ORDER BY r.year';
    // No year asked for (a selection of years without reports): the view is there, empty.
    await loadCells([2031]);
    expect(await db.query(years)).toEqual([]);
    await loadCells([2020]);
    // The fixture's 2020: one report of 226 cells.
    expect(await db.query(years)).toEqual([{ year: 2020, cells: 226 }]);
    await Promise.all([loadCells([2020, 2022]), loadCells([2022])]);
    expect(await db.query(years)).toEqual([
      { year: 2020, cells: 226 },
      { year: 2022, cells: 3 * 226 },
    ]);
  });

  it('holds the cells as numbers, and the view cells gives back every cell of the Parquet files as written', async () => {
    const db = await createNodeDatabase();
    const { years, loadCells } = await loadDataset(db, source());
    await loadCells(years);
    const files = (JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')).files as { name: string }[]).filter((f) => DATASET_FILES.cellsPattern.test(f.name));
    const written = files.flatMap((f) => fromParquet(readFileSync(join(dir, f.name))).toArray().map((row) => ({ ...row.toJSON() })));
    expect(written.length).toBe(5 * 226);
    const key = (c: Record<string, unknown>) => [c.report_id, c.table, c.item, c.row, c.col].join('|');
    const byKey = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    expect(byKey(await db.query('SELECT * FROM cells'))).toEqual(byKey(written));
    // By hand, from the seed: 行政许可 3185 decisions, 其他对外管理服务事项 −40, t3 carried forward '/'.
    const seedCell = (item: string | null, row: string, col: string) =>
      db.query(`SELECT c.value, c.state, c.raw FROM cells c JOIN reports r USING (report_id) WHERE r.body = '浙江省经济和信息化厅' AND c.item IS NOT DISTINCT FROM ${item === null ? 'NULL' : `'${item}'`} AND c."row" = '${row}' AND c.col = '${col}'`);
    expect(await seedCell('art20_5', 'licensing', 'decisions')).toEqual([{ value: 3185, state: 'value', raw: '3185' }]);
    expect(await seedCell('art20_5', 'other_services', 'change')).toEqual([{ value: -40, state: 'value', raw: '-40' }]);
    expect(await seedCell(null, 'carried_forward', 'total')).toEqual([{ value: null, state: 'slash', raw: '/' }]);
    const stored = await db.query<{ column_name: string; column_type: string }>("SELECT column_name, column_type FROM (DESCRIBE cell_values)");
    expect(stored.map((c) => `${c.column_name} ${c.column_type}`)).toEqual(['report_no INTEGER', 'cell SMALLINT', 'value DOUBLE', 'state TINYINT', 'raw VARCHAR', 'page SMALLINT']);
  });

  it('cells of a report the reports file lacks: loading them fails, naming both files (they are not of one ingest)', async () => {
    const db = await createNodeDatabase();
    const reports = fromParquet(readFileSync(datasetPath(dir, 'reports.parquet')));
    // Its measures left out too: a measures file of other reports is refused at load (below).
    const measures = fromParquet(readFileSync(datasetPath(dir, 'measures.parquet')));
    const { loadCells } = await loadDataset(db, source({ 'reports.parquet': toParquet(reports.slice(1)), 'measures.parquet': toParquet(measures.slice(1)) }));
    const year = reports.get(0)!.year as number;
    await expect(loadCells([year])).rejects.toThrow(new RegExp(`^cells/year=${year}/cells\\.[0-9a-f]{12}\\.parquet 与 reports\\.parquet 不是同一次导入的结果，请重新运行导入（cells: row \\d+ names a report, cell or state the dataset does not have）$`));
  });

  it('a measures file in another order than the reports file is refused, naming it (report_measures joins the two by position)', async () => {
    const measures = fromParquet(readFileSync(datasetPath(dir, 'measures.parquet')));
    const swapped = measures.slice(1).concat(measures.slice(0, 1));
    await expect(loadDataset(await createNodeDatabase(), source({ 'measures.parquet': toParquet(swapped) }))).rejects.toThrow(
      new RegExp(`^measures\\.[0-9a-f]{12}\\.parquet 与 reports\\.parquet 不是同一次导入的结果，请重新运行导入（${measures.numRows} 份报告的指标不在其位置）$`),
    );
  });

  it('a dataset of another schema version is refused before anything is loaded, saying what to do', async () => {
    const db = await createNodeDatabase();
    const description = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8'));
    const older = new TextEncoder().encode(JSON.stringify({ ...description, schema_version: 3 }));
    await expect(loadDataset(db, source({ 'dataset.json': older }))).rejects.toThrow('数据集（dataset.json）的格式版本是 3，本站读取第 5 版：请用本站同一版本的 npm run ingest 重新生成数据集。');
    expect(await db.query("SELECT COUNT(*) AS tables FROM information_schema.tables WHERE table_name = 'reports'")).toEqual([{ tables: 0 }]);
  });

  it('a dataset whose measures were summed by other definitions is refused, saying what to do', async () => {
    const description = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8'));
    const other = new TextEncoder().encode(JSON.stringify({ ...description, measures: '00000000' }));
    await expect(loadDataset(await createNodeDatabase(), source({ 'dataset.json': other }))).rejects.toThrow('数据集（dataset.json）的指标是按另一版定义汇总的：请用本站同一版本的 npm run ingest 重新生成数据集。');
  });

  it('one year’s summary file corrupt: that year is left out and named, the others load and answer as before', async () => {
    const db = await createNodeDatabase();
    const { failed, loadCells } = await loadDataset(db, source({ 'summary/year=2020/summary.parquet': new TextEncoder().encode('<html>not found</html>') }));
    expect(failed.map((f) => f.year)).toEqual([2020]);
    expect(failed[0].name).toMatch(/^summary\/year=2020\/summary\.[0-9a-f]{12}\.parquet$/);
    expect(failed[0].reason).toMatch(/^summary\/year=2020\/summary\.[0-9a-f]{12}\.parquet 无法读取/);
    // Its cells are not loaded either: the year has no reports.
    await loadCells([2019, 2020, 2022]);
    expect(await db.query('SELECT DISTINCT r.year FROM cells c JOIN reports r USING (report_id) ORDER BY 1')).toEqual([{ year: 2019 }, { year: 2022 }]);
    // The fixture's other years, by hand: 2019 the seed (new 9), 2022 two bodies' reports and the consolidated copy (131 + 29 + 29).
    expect(await db.query('SELECT year, COUNT(*) AS reports, SUM(new_requests) AS new_requests FROM report_measures GROUP BY year ORDER BY year')).toEqual([
      { year: 2019, reports: 1, new_requests: 9 },
      { year: 2022, reports: 3, new_requests: 189 },
    ]);
  });

  it('a year’s cells file corrupt: loading it fails, naming the file; the others still load', async () => {
    const db = await createNodeDatabase();
    const { loadCells } = await loadDataset(db, source({ 'cells/year=2020/cells.parquet': new TextEncoder().encode('<html>not found</html>') }));
    await expect(loadCells([2020])).rejects.toThrow(/^cells\/year=2020\/cells\.[0-9a-f]{12}\.parquet 无法读取，请重新运行导入/);
    await loadCells([2019]);
    expect(await db.query('SELECT COUNT(*) AS cells FROM cells')).toEqual([{ cells: 226 }]);
    // The 2020 figures are the summary's, loaded: by hand, its one report's new requests, 57.
    expect(await db.query('SELECT SUM(new_requests) AS n FROM report_measures WHERE year = 2020')).toEqual([{ n: 57 }]);
  });

  it('every summary file corrupt, or the reports, measures or findings file: the load fails, naming them', async () => {
    const bad = new TextEncoder().encode('<html>not found</html>');
    await expect(loadDataset(await createNodeDatabase(), source({ 'summary/year=2019/summary.parquet': bad, 'summary/year=2020/summary.parquet': bad, 'summary/year=2022/summary.parquet': bad }))).rejects.toThrow(/^数据集的汇总文件都无法读取（summary\/year=2019\/summary\./);
    await expect(loadDataset(await createNodeDatabase(), source({ 'measures.parquet': bad }))).rejects.toThrow(/^measures\.[0-9a-f]{12}\.parquet 无法读取/);
    await expect(loadDataset(await createNodeDatabase(), source({ 'reports.parquet': bad }))).rejects.toThrow(/^reports\.[0-9a-f]{12}\.parquet 无法读取/);
    await expect(loadDataset(await createNodeDatabase(), source({ 'findings.parquet': bad }))).rejects.toThrow(/^findings\.[0-9a-f]{12}\.parquet 无法读取/);
  });
});

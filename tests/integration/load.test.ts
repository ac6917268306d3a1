import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableToIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromParquet } from '../../src/lib/dataset';
import { loadDataset, type DatasetSource, type LoadProgress } from '../../src/lib/db/load';
import { createNodeDatabase } from '../../src/lib/db/node';
import { buildFixtureDataset } from '../dataset-fixture';

let dir: string;
beforeAll(async () => {
  dir = await buildFixtureDataset();
});

/** The dataset folder as the page reads it, with `replaced` files' bytes swapped. */
const source = (replaced: Record<string, Uint8Array> = {}): DatasetSource => ({
  fetch: async (name) => replaced[name] ?? new Uint8Array(readFileSync(join(dir, name))),
  parquetToIPC: (bytes) => tableToIPC(fromParquet(bytes), 'stream'),
});

describe('loading a dataset into DuckDB (as the browser does)', () => {
  it('reports progress up to the whole, and derives the summary tables from the cells', async () => {
    const db = await createNodeDatabase();
    const progress: LoadProgress[] = [];
    await loadDataset(db, source(), (p) => progress.push(p));
    const total = progress.at(-1)!.total;
    expect(progress.at(-1)).toEqual({ loaded: total, total, step: 'done' });
    // One report per file as it is inserted, growing to the whole.
    expect(progress.length).toBe(2 + JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')).files.length);
    expect(progress.map((p) => p.loaded)).toEqual(progress.map((p) => p.loaded).sort((a, b) => a - b));
    // t3.new.total of the five fixture reports: 9 (seed), 57, 131, 29 and 29 again (the consolidated copy).
    const newTotal = `SELECT SUM(c.value) AS total FROM summary_cells c JOIN summary_keys k ON k.id = c.cell WHERE k."table" = 't3' AND k."row" = 'new' AND k.col = 'total'`;
    expect(await db.query(newTotal)).toEqual([{ total: 255 }]);
    expect(await db.query('SELECT COUNT(*) AS reports, COUNT(DISTINCT report_no) AS numbers FROM report_measures')).toEqual([{ reports: 5, numbers: 5 }]);
  });

  it('a file that is not Parquet fails the load with its name and what to do', async () => {
    const db = await createNodeDatabase();
    await expect(loadDataset(db, source({ 'cells-2020.parquet': new TextEncoder().encode('<html>not found</html>') }))).rejects.toThrow(/^cells-2020\.parquet 无法读取/);
  });
});

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../src/lib/dataset/builder';
import { CellPacker, type PackedReport } from '../../src/lib/dataset/packed';
import { fromParquet } from '../../src/lib/dataset/parquet';
import { datasetJobs } from '../../src/lib/dataset/files';
import { parquetJobBuffers, writeParquetJob } from '../../src/lib/dataset/parquet-job';
import { CELL_COLUMNS, DATASET_FILES, parquetLayout, SUMMARY_CELL_COLUMNS } from '../../src/lib/dataset/schema';
import { CellsInMemory, emptyCells, type CellStore } from '../../src/lib/dataset/year-cells';
import { CellSpill, spilledRuns } from '../../src/lib/ingest/cell-spill';
import { isSummaryCell, SUMMED_COLUMNS, TEMPLATE_CELLS } from '../../src/lib/template';
import { fixture, manifestEntry, parseFile, SEED } from '../helpers';

// Thirty bodies' seed (2019) and dept-2021.html (2022) reports, read in an order
// that is not the dataset's (bodies backwards, years alternating).
const BODIES = Array.from({ length: 30 }, (_, i) => `测试厅${String(i).padStart(2, '0')}`);
const FILES = [
  { path: SEED, year: 2019 },
  { path: fixture('html/dept-2021.html'), year: 2022 },
];
const parsed = BODIES.toReversed().flatMap((body, i) => (i % 2 ? FILES : FILES.toReversed()).map(({ path, year }) => parseFile(path, manifestEntry(`${body}-${year}`, body, year))));

function built(store: CellStore) {
  const packer = new CellPacker(parsed.length);
  const builder = new DatasetBuilder(store);
  const packed: PackedReport[] = parsed.map((report) => packer.pack(report, []));
  for (const p of packed) builder.add(p);
  return builder.build([]);
}

const ONLY_SUMMARY = Uint8Array.from(TEMPLATE_CELLS, (cell) => (isSummaryCell(cell) ? 1 : 0));
const dir = mkdtempSync(join(tmpdir(), 'cell-spill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cells spilled to disk as they are read, and written a run of reports at a time', () => {
  // Written out every 1,000 bytes (a report's cells take about 4,000); tables of at most 500 cells: a year in many runs.
  const spill = new CellSpill(dir, 1000);
  const spilled = built(spill);
  const inMemory = built(new CellsInMemory());
  spill.close();

  it('write each year in files read back the same as one table of cells held in memory', async () => {
    expect(readdirSync(dir).sort()).toEqual(['cells-2019.spill', 'cells-2022.spill']);
    for (const year of [2019, 2022]) {
      const cells = fromParquet(await writeParquetJob({ cells: spilled.years.get(year)!, layout: parquetLayout(CELL_COLUMNS) }, spilledRuns, 500));
      const whole = fromParquet(await writeParquetJob({ cells: inMemory.years.get(year)!, layout: parquetLayout(CELL_COLUMNS) }));
      expect(cells.numRows).toBe(whole.numRows);
      expect(cells.toArray().map((row) => row.toJSON())).toEqual(whole.toArray().map((row) => row.toJSON()));
      const summary = fromParquet(await writeParquetJob({ summary: spilled.years.get(year)!, only: ONLY_SUMMARY, layout: parquetLayout(SUMMARY_CELL_COLUMNS) }, spilledRuns, 300));
      const wholeSummary = fromParquet(await writeParquetJob({ summary: inMemory.years.get(year)!, only: ONLY_SUMMARY, layout: parquetLayout(SUMMARY_CELL_COLUMNS) }));
      expect(summary.toArray().map((row) => row.toJSON())).toEqual(wholeSummary.toArray().map((row) => row.toJSON()));
    }
  });

  it('each report keeps its own cells: the seed’s figures under every body, in dataset order', async () => {
    const cells = fromParquet(await writeParquetJob({ cells: spilled.years.get(2019)!, layout: parquetLayout(CELL_COLUMNS) }, spilledRuns, 500));
    const reportIds = spilled.years.get(2019)!.reportIds;
    expect(reportIds).toHaveLength(30);
    // Written by hand from the seed: 政府集中采购 5234.55 万元, 158 projects; 行政许可 3185 decisions.
    for (const [row, col, value] of [
      ['procurement', 'amount', 5234.55],
      ['procurement', 'projects', 158],
      ['licensing', 'decisions', 3185],
    ] as const) {
      const found = cells.toArray().filter((c) => c.row === row && c.col === col);
      expect(found.map((c) => c.report_id)).toEqual(reportIds);
      expect(found.map((c) => c.value)).toEqual(reportIds.map(() => value));
    }
  });

  it('sum the same measures, in dataset order, as reports held in memory', () => {
    expect(spilled.measures.reportIds).toEqual(inMemory.measures.reportIds);
    expect(spilled.measures.sums).toEqual(inMemory.measures.sums);
    expect(spilled.measures.states).toEqual(inMemory.measures.states);
    expect(spilled.measures.cube.values).toEqual(inMemory.measures.cube.values);
    // Dataset order is body, then year: each body's seed (2019) comes before its 2022 report.
    const licensing = spilled.measures.sums[SUMMED_COLUMNS.indexOf('licensing')];
    const amount = spilled.measures.sums[SUMMED_COLUMNS.indexOf('procurement_amount')];
    BODIES.forEach((_, b) => {
      expect(licensing[2 * b]).toBe(3185);
      expect(amount[2 * b]).toBe(5234.55);
    });
  });

  it('a report whose texts are long (an ambiguous row’s unplaced figures) is read back whole', () => {
    const texts = ['', '9 9 4 1 / / 1 4 / / / / / / / / 1 10 / 一 二 三 四 五 六 七 八 九 十', '/'];
    const bytes = texts.map((t) => new TextEncoder().encode(t));
    const packed = emptyCells(3, bytes.reduce((n, b) => n + b.length, 0));
    packed.templateIndex.set([7, 8, 9]);
    packed.state.set([0, 5, 1]);
    packed.value.set([12.5, Number.NaN, Number.NaN]);
    packed.page.set([0, 3, 0]);
    bytes.forEach((b, i) => {
      packed.rawBytes.set(b, packed.rawOffsets[i]);
      packed.rawOffsets[i + 1] = packed.rawOffsets[i] + b.length;
    });
    const longDir = mkdtempSync(join(dir, 'long-'));
    const store = new CellSpill(longDir);
    const first = store.keep(2020, { packed, start: 0, count: 3 });
    const second = store.keep(2020, { packed, start: 1, count: 2 });
    const read = spilledRuns({ cells: store.year(2020), start: Float64Array.of(second, first), count: Int32Array.of(2, 3), reportIds: ['b', 'a'], reportNos: Int32Array.of(1, 2) }, store.year(2020));
    store.close();
    const cells = read(0, 2);
    const decoder = new TextDecoder();
    const rawOf = (i: number) => decoder.decode(cells.rawBytes.subarray(cells.rawOffsets[i], cells.rawOffsets[i + 1]));
    expect([0, 1, 2, 3, 4].map(rawOf)).toEqual([texts[1], '/', '', texts[1], '/']);
    expect([...cells.report]).toEqual([0, 0, 1, 1, 1]);
    expect([...cells.templateIndex]).toEqual([8, 9, 7, 8, 9]);
    expect([...cells.state]).toEqual([5, 1, 0, 5, 1]);
    expect([...cells.page]).toEqual([3, 0, 0, 3, 0]);
    expect([...cells.value]).toEqual([Number.NaN, Number.NaN, 12.5, Number.NaN, Number.NaN]);
    expect(cells.reportIds).toEqual(['b', 'a']);
  });

  it('the measures and the cube cells go to their writing threads in either order, each transferring only its own columns', () => {
    const packer = new CellPacker(parsed.length);
    const builder = new DatasetBuilder();
    for (const report of parsed) builder.add(packer.pack(report, []));
    const { jobs } = datasetJobs(builder, [], (file) => file);
    const job = (name: string) => jobs.find((j) => j.name === name)!.job();
    const measures = job(DATASET_FILES.measures);
    const cubeCells = job(DATASET_FILES.cubeCells);
    const { port1 } = new MessageChannel();
    // The cube cells sent first (a thread free before the other): the measures' message must not carry them.
    port1.postMessage(cubeCells, parquetJobBuffers(cubeCells));
    expect(() => port1.postMessage(measures, parquetJobBuffers(measures))).not.toThrow();
    port1.close();
  });
});

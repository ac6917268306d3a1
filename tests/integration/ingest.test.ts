import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YearlyCubeRow } from '../../src/lib/queries';
import type { CellCubeRow } from '../../src/lib/template';
import { fromParquet } from '../../src/lib/dataset';
import { collectFiles, ingest, type IngestSummary } from '../../src/lib/ingest';
import { datasetListing, datasetPath, fixture, SEED } from '../helpers';
import { DATASET_FILES } from '../../src/lib/dataset/schema';
import { buildPdf } from '../pdf-builder';
import { zipSync } from 'fflate';
import { FIXTURE_BUILT_AT as BUILT_AT, loadDatasetFolder } from '../dataset-fixture';
import { reportCells } from '../../src/lib/queries/report';

const ROOT = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'ingest-test-'));
const rows = (file: string) => fromParquet(readFileSync(file)).toArray().map((r) => r.toJSON() as Record<string, unknown>);
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
/** The dataset's files (sources/ included, staging folders not) and their SHA-256. */
const filesOf = (dir: string) =>
  Object.fromEntries(readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => !f.startsWith('.') && statSync(join(dir, f)).isFile()).map((f) => [f, sha256(join(dir, f))]));
const sourcesOf = (dir: string) => readdirSync(join(dir, 'sources')).sort();

/** SHA-256 of the fixtures' bytes (sha256sum), i.e. the names of their sources/ files. */
const SHA = {
  seed: '4f479ee674fcd0a952d4780b61589297cd3fb33fd0afff44a35c25d289a1ebde',
  seedGbk: '6b6394c8945e0147a592ba9347b83d735f7df7909675e4883ffc230c4cad26be',
  dept2019: 'da73eb59e167e75ce63fffa0abe54f89c991c91e2a1e0f20b4dc06eeeacc2a79',
  dept2021: '828f5aeb57dfcd9504704895b0a71da24167337b1c9719e395df4a837e71a36c',
  full2021: 'bbdf9acc9ed1be1d49eb45098bee0f2562041d11ed45d54256b46bca926b0e14',
};
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A folder of reports as users have them: good ones, damaged ones, and files that are not reports. */
function reportFolder(): string {
  const dir = join(work, 'reports');
  mkdirSync(join(dir, 'html'), { recursive: true });
  copyFileSync(SEED, join(dir, 'seed.txt'));
  copyFileSync(fixture('html/dept-2019.html'), join(dir, 'html/dept-2019.html'));
  copyFileSync(fixture('html/dept-2021.html'), join(dir, 'html/dept-2021.html'));
  copyFileSync(fixture('text/full-2021.txt'), join(dir, 'full-2021.txt'));
  copyFileSync(fixture('html/not-a-report.html'), join(dir, 'html/not-a-report.html'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'scan.html'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  writeFileSync(join(dir, 'huge.html'), '');
  truncateSync(join(dir, 'huge.html'), 50 * 1024 * 1024);
  writeFileSync(
    join(dir, 'manifest.csv'),
    'file,body,year,region,level,kind\nhtml/dept-2019.html,浙江省自然资源厅,2020,浙江省,省级,department\nfull-2021.txt,示例市文化和旅游局,2022,示例市,市级,department\nmissing.txt,浙江省财政厅,2021,,,\n',
  );
  return dir;
}

describe('ingest of a folder with good and bad files', () => {
  let dir: string;
  let out: string;
  let summary: IngestSummary;

  beforeAll(async () => {
    dir = reportFolder();
    out = join(work, 'dataset');
    summary = await ingest({ inputs: [dir], manifest: join(dir, 'manifest.csv'), out, builtAt: BUILT_AT });
  });

  it('reads the good files and names each bad one with its reason', () => {
    expect(summary.files).toBe(9);
    expect(summary.reports).toBe(4);
    expect(summary.failures).toEqual([
      { file: 'empty.txt', reason: '文件为空（empty file）' },
      { file: 'html/not-a-report.html', reason: expect.stringContaining('找不到年度报告的任何表格') },
      { file: 'huge.html', reason: '文件过大：50.0 MB，超过 20 MB 上限（file too large for an annual report）' },
      { file: 'missing.txt', reason: '文件不存在（file not found）' },
      { file: 'scan.html', reason: expect.stringContaining('PNG 图片') },
    ]);
  });

  it('writes one Parquet file per year of cells and one of their summary, reports, measures, findings, a description, the prepared overview and the sources', () => {
    expect(datasetListing(out)).toEqual([
      'body-groups/group=0/body-group.json',
      'body-years/year=2019/body-years.json',
      'body-years/year=2020/body-years.json',
      'body-years/year=2022/body-years.json',
      'cells/year=2019/cells.parquet',
      'cells/year=2020/cells.parquet',
      'cells/year=2022/cells.parquet',
      'cube-cells.parquet',
      'dataset.json',
      'findings.parquet',
      'measures.parquet',
      'prepared-overview.json',
      'reports.parquet',
      'sources',
      'summary/year=2019/summary.parquet',
      'summary/year=2020/summary.parquet',
      'summary/year=2022/summary.parquet',
    ]);
    const description = JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8'));
    expect(description.reports).toBe(4);
    expect(description.sources).toBe(true);
    expect(description.years).toEqual([2019, 2020, 2022]);
    for (const f of description.files) expect(sha256(join(out, f.name))).toBe(f.sha256);
    const prepared = JSON.parse(readFileSync(join(out, 'prepared-overview.json'), 'utf8'));
    expect(prepared.dataset).toEqual(description.files);
    // The yearly cube: the seed (2019, 9 new requests) and dept-2021.html (2022, 131) with no manifest line (no region, level or kind), the two the manifest names.
    expect(prepared.cube.map((r: YearlyCubeRow) => [r.year, r.region, r.level, r.kind, r.reports, r.new_requests])).toEqual([
      [2019, null, null, null, 1, 9],
      [2020, '浙江省', '省级', 'department', 1, 57],
      [2022, '示例市', '市级', 'department', 1, 29],
      [2022, null, null, null, 1, 131],
    ]);
    // The cell cube, in the same groups: the seed's flattened row (一、本年新收… | 9 | 9) gives 总计 9 with no applicant placed, so all 9 are undetermined; the others' 自然人 as their tables say (40, 20, 96).
    const column = (ref: string) => prepared.cells.refs.indexOf(ref);
    expect(prepared.cells.rows.map((r: CellCubeRow) => [r.year, r.region, r.cells[column('t3.new.total')], r.cells[column('t3.new.natural_person')], r.undetermined])).toEqual([
      [2019, null, 9, null, 9],
      [2020, '浙江省', 57, 40, null],
      [2022, '示例市', 29, 20, null],
      [2022, null, 131, 96, null],
    ]);
  });

  it('cube-cells.parquet: each report’s cells of the cell cube, as its tables say', () => {
    const cube = rows(datasetPath(out, 'cube-cells.parquet'));
    const reports = rows(datasetPath(out, 'reports.parquet'));
    expect(cube.map((c) => c.report_id)).toEqual(reports.map((r) => r.report_id));
    // In the reports file's order (生态环境厅 2022, 经济和信息化厅 2019 = the seed, 自然资源厅 2020, 示例市文化和旅游局 2022).
    const measures = rows(datasetPath(out, 'measures.parquet'));
    expect(cube.map((c, i) => [measures[i].new_requests, c.cell_t3_new_total, c.cell_t3_new_natural_person, c.cell_t3_new_business, c.new_requests_undetermined])).toEqual([
      [131, 131, 96, 21, null],
      [9, 9, null, null, 9],
      [57, 57, 40, 9, null],
      [29, 29, 20, 5, null],
    ]);
  });

  it('reports.parquet: one row per report with metadata, template, source and status', () => {
    const reports = rows(datasetPath(out, 'reports.parquet'));
    expect(reports.map((r) => [r.body, r.year, r.template, r.meta_source, r.source_file, r.status])).toEqual([
      ['浙江省生态环境厅', 2022, '2021', 'detected', 'html/dept-2021.html', 'error'],
      ['浙江省经济和信息化厅', 2019, '2019', 'detected', 'seed.txt', 'ok'],
      ['浙江省自然资源厅', 2020, '2019', 'manifest', 'html/dept-2019.html', 'ok'],
      ['示例市文化和旅游局', 2022, '2021', 'manifest', 'full-2021.txt', 'ok'],
    ]);
    const seed = reports[1];
    expect(seed.source_sha256).toBe(sha256(SEED));
    expect(seed).toMatchObject({ source_format: 'text', source_encoding: 'utf-8', origin: 'real', region: null });
    expect(reports[2]).toMatchObject({ region: '浙江省', level: '省级', kind: 'department' });
    expect(reports[0]).toMatchObject({ n_errors: 6, n_warnings: 0 });
  });

  it('sources/: the text of each report read, under its source_sha256, as UTF-8 with a BOM', () => {
    expect(sourcesOf(out)).toEqual([`${SHA.seed}.txt`, `${SHA.dept2021}.txt`, `${SHA.full2021}.txt`, `${SHA.dept2019}.txt`]);
    expect(readFileSync(join(out, `sources/${SHA.seed}.txt`))).toEqual(Buffer.concat([BOM, readFileSync(SEED)]));
    expect(readFileSync(join(out, `sources/${SHA.dept2019}.txt`))).toEqual(Buffer.concat([BOM, readFileSync(fixture('html/dept-2019.html'))]));
  });

  it('cells: the seed’s cells in long form with value, state and raw', () => {
    const reportId = rows(datasetPath(out, 'reports.parquet')).find((r) => r.source_file === 'seed.txt')!.report_id;
    const cells = rows(datasetPath(out, 'cells/year=2019/cells.parquet')).filter((c) => c.report_id === reportId);
    const find = (table: string, row: string, col: string) => cells.find((c) => c.table === table && c.row === row && c.col === col);
    expect(find('t2', 'licensing', 'decisions')).toMatchObject({ item: 'art20_5', value: 3185, state: 'value', raw: '3185' });
    expect(find('t2', 'other_services', 'change')).toMatchObject({ value: -40, state: 'value' });
    expect(find('t2', 'procurement', 'amount')).toMatchObject({ value: 5234.55, raw: '5234.55万元' });
    expect(find('t3', 'new', 'total')).toMatchObject({ item: null, value: 9, state: 'value' });
    expect(find('t3', 'new', 'business')).toMatchObject({ value: null, state: 'ambiguous', raw: '9' });
    expect(find('t3', 'carried_forward', 'total')).toMatchObject({ value: null, state: 'slash', raw: '/', page: null });
    expect(find('t2', 'fees', 'amount')).toMatchObject({ value: null, state: 'not_in_template', raw: null });
    expect(find('t4', 'review', 'total')).toMatchObject({ state: 'slash' });
    expect(cells).toHaveLength(226);
  });

  it('findings.parquet: rule, report, cells, expected, actual, severity, message', () => {
    const findings = rows(datasetPath(out, 'findings.parquet'));
    const t3Balance = findings.find((f) => f.rule === 'T3_BALANCE')!;
    expect(t3Balance).toMatchObject({ severity: 'error', expected: 131, actual: 139, cells: 't3.handled.total t3.carried_forward.total t3.new.total t3.carried_over.total' });
    expect(findings.map((f) => f.rule).sort()).toEqual(['AMBIGUOUS_SPLIT', 'NOT_EVALUATED', 'NOT_EVALUATED', 'NOT_EVALUATED', 'T3_BALANCE', 'T3_HANDLED_SUM', 'T3_ROW_SUM', 'T3_ROW_SUM', 'T3_ROW_SUM', 'T3_ROW_SUM']);
    // The seed's flattened rows leave three rules unchecked: each finding names its rule in unchecked_rule.
    expect(findings.filter((f) => f.rule === 'NOT_EVALUATED').map((f) => f.unchecked_rule).sort()).toEqual(['T3_BALANCE', 'T3_HANDLED_SUM', 'T3_ROW_SUM']);
    expect(findings.filter((f) => f.rule !== 'NOT_EVALUATED').every((f) => f.unchecked_rule === null)).toBe(true);
  });

  it('the same inputs give byte-identical files (built at the same moment: dataset.json says when)', async () => {
    const again = join(work, 'dataset-again');
    await ingest({ inputs: [dir], manifest: join(dir, 'manifest.csv'), out: again, builtAt: BUILT_AT });
    expect(JSON.parse(readFileSync(join(again, 'dataset.json'), 'utf8')).built_at).toBe('2026-03-01T08:00:00.000Z');
    expect(filesOf(again)).toEqual(filesOf(out));
  });

  it('a run in which every file fails leaves the previous dataset untouched', async () => {
    const before = filesOf(out);
    const result = await ingest({ inputs: [join(dir, 'empty.txt'), join(dir, 'scan.html')], out });
    expect(result.written).toEqual([]);
    expect(filesOf(out)).toEqual(before);
  });

  it('a new dataset replaces the old one, years it no longer has included', async () => {
    const replaced = join(work, 'replaced');
    await ingest({ inputs: [dir], manifest: join(dir, 'manifest.csv'), out: replaced });
    await ingest({ inputs: [SEED], out: replaced });
    // The partition folders of 2020 and 2022 go with their files.
    expect(datasetListing(replaced)).toEqual(['body-groups/group=0/body-group.json', 'body-years/year=2019/body-years.json', 'cells/year=2019/cells.parquet', 'cube-cells.parquet', 'dataset.json', 'findings.parquet', 'measures.parquet', 'prepared-overview.json', 'reports.parquet', 'sources', 'summary/year=2019/summary.parquet']);
    expect([readdirSync(join(replaced, 'cells')), readdirSync(join(replaced, 'summary')), readdirSync(join(replaced, 'body-years'))]).toEqual([['year=2019'], ['year=2019'], ['year=2019']]);
    expect(rows(datasetPath(replaced, 'reports.parquet')).map((r) => r.body)).toEqual(['浙江省经济和信息化厅']);
    expect(sourcesOf(replaced)).toEqual([`${SHA.seed}.txt`]);
  });
});

describe('ingest of PDF and Word reports beside damaged ones', () => {
  const published = (file: string) => fixture(`published/${file}`);
  let dir: string;
  let out: string;
  let summary: IngestSummary;

  beforeAll(async () => {
    dir = join(work, 'published');
    mkdirSync(dir, { recursive: true });
    copyFileSync(published('dept-2021.writer.pdf'), join(dir, 'dept-2021.pdf'));
    copyFileSync(published('dept-2019.docx'), join(dir, 'dept-2019.docx'));
    copyFileSync(published('shanghai-2019.doc'), join(dir, 'shanghai-2019.doc'));
    copyFileSync(published('dept-2021.user-password.pdf'), join(dir, 'locked.pdf'));
    writeFileSync(join(dir, 'cut.pdf'), readFileSync(published('dept-2021.writer.pdf')).subarray(0, 5000));
    writeFileSync(join(dir, 'scan.pdf'), buildPdf([{ image: true }]));
    writeFileSync(join(dir, 'cut.docx'), readFileSync(published('dept-2021.docx')).subarray(0, 4000));
    out = join(work, 'published-dataset');
    summary = await ingest({ inputs: [dir], out });
  });

  it('reads each format, body and year from its own text, and names each bad file with its reason', () => {
    expect(summary.reports).toBe(3);
    expect(summary.failures).toEqual([
      { file: 'cut.docx', reason: expect.stringContaining('Word 文件已损坏或不完整') },
      { file: 'cut.pdf', reason: expect.stringContaining('PDF 文件已损坏或不完整') },
      { file: 'locked.pdf', reason: expect.stringContaining('PDF 设有打开密码') },
      { file: 'scan.pdf', reason: expect.stringContaining('PDF 是扫描图片，没有文字层') },
    ]);
    const reports = rows(datasetPath(out, 'reports.parquet')).map((r) => [r.source_file, r.body, r.year, r.source_format, r.source_encoding, r.meta_source]);
    expect(reports.sort()).toEqual([
      ['dept-2019.docx', '浙江省自然资源厅', 2020, 'docx', 'binary', 'detected'],
      ['dept-2021.pdf', '浙江省生态环境厅', 2022, 'pdf', 'binary', 'detected'],
      ['shanghai-2019.doc', '上海市人民政府办公厅', 2019, 'doc', 'binary', 'detected'],
    ]);
  });

  it('keeps each original file in sources/ beside the text read from it', () => {
    for (const [file, format] of [['dept-2021.pdf', 'pdf'], ['dept-2019.docx', 'docx'], ['shanghai-2019.doc', 'doc']]) {
      const sha = sha256(join(dir, file));
      expect(readFileSync(join(out, `sources/${sha}.${format}`)).equals(readFileSync(join(dir, file)))).toBe(true);
      const text = readFileSync(join(out, `sources/${sha}.txt`), 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
    }
    // The PDF's text as read: its title line, and t3's first row with its cells between '|'.
    const pdfText = readFileSync(join(out, `sources/${sha256(join(dir, 'dept-2021.pdf'))}.txt`), 'utf8');
    expect(pdfText).toContain('浙江省生态环境厅2022年政府信息公开工作年度报告');
    expect(pdfText).toContain('一、本年新收政府信息公开申请数量 | 96 | 21 | 2 | 1 | 8 | 3 | 131');
  });

  it('cells of the PDF are in the dataset as read', () => {
    const reportId = rows(datasetPath(out, 'reports.parquet')).find((r) => r.source_file === 'dept-2021.pdf')!.report_id;
    const cells = rows(datasetPath(out, 'cells/year=2022/cells.parquet')).filter((c) => c.report_id === reportId);
    const find = (table: string, row: string, col: string) => cells.find((c) => c.table === table && c.row === row && c.col === col);
    expect(find('t3', 'new', 'total')).toMatchObject({ value: 131, state: 'value', raw: '131', page: 3 });
    expect(find('t2', 'fees', 'amount')).toMatchObject({ value: 12.5, state: 'value', page: 2 });
    expect(find('t3', 'carried_over', 'total')).toMatchObject({ value: null, state: 'blank', raw: '', page: 3 });
    expect(find('t4', 'review', 'total')).toMatchObject({ value: 4, page: 4 });
  });

  it('the report page’s query gives each PDF cell its page, in DuckDB-wasm as the browser loads the dataset', async () => {
    const db = await loadDatasetFolder(out);
    const reportId = rows(datasetPath(out, 'reports.parquet')).find((r) => r.source_file === 'dept-2021.pdf')!.report_id as string;
    const { sql, params } = reportCells(reportId);
    const cells = await db.query<{ row: string; col: string; page: number | null }>(sql, params);
    expect(cells.find((c) => c.row === 'new' && c.col === 'total')?.page).toBe(3);
    expect(cells.find((c) => c.row === 'rejected.petition' && c.col === 'total')?.page).toBe(4);
    const docxId = rows(datasetPath(out, 'reports.parquet')).find((r) => r.source_file === 'dept-2019.docx')!.report_id as string;
    const docxCells = await db.query<{ page: number | null }>(reportCells(docxId).sql, reportCells(docxId).params);
    expect(docxCells.every((c) => c.page === null)).toBe(true);
  });
});

describe('sources', () => {
  it('a GBK file’s text is written as UTF-8; identical files share one source file', async () => {
    const dir = join(work, 'sources-in');
    mkdirSync(dir, { recursive: true });
    copyFileSync(SEED, join(dir, 'a.txt'));
    copyFileSync(SEED, join(dir, 'b.txt'));
    copyFileSync(fixture('text/seed-gbk.txt'), join(dir, 'gbk.txt'));
    const out = join(work, 'sources-out');
    const summary = await ingest({ inputs: [dir], out });
    expect(summary.reports).toBe(3);
    expect(sourcesOf(out)).toEqual([`${SHA.seed}.txt`, `${SHA.seedGbk}.txt`]);
    // seed-gbk.txt is the seed saved as GBK: its text is the seed's.
    expect(readFileSync(join(out, `sources/${SHA.seedGbk}.txt`))).toEqual(Buffer.concat([BOM, readFileSync(SEED)]));
  });

  it('a dataset written inside the folder ingested is not read again: its sources are not new reports', async () => {
    const dir = join(work, 'out-inside');
    mkdirSync(dir, { recursive: true });
    copyFileSync(SEED, join(dir, 'seed.txt'));
    const out = join(dir, 'dataset');
    await ingest({ inputs: [dir], out });
    const again = await ingest({ inputs: [dir], out });
    expect(again.files).toBe(1);
    expect(again.reports).toBe(1);
    expect(again.findingsByRule.DUPLICATE_REPORT).toBeUndefined();
    expect(rows(datasetPath(out, 'reports.parquet')).map((r) => r.source_file)).toEqual(['seed.txt']);
    // Written into the folder itself, again and again: only its sources/ are left out.
    expect((await ingest({ inputs: [dir], out: dir })).reports).toBe(1);
    expect((await ingest({ inputs: [dir], out: dir })).reports).toBe(1);
  });

  it('links in a folder are followed (to a file, to a folder), a link back up does not loop, a broken link is passed over', async () => {
    const dir = join(work, 'links');
    mkdirSync(join(dir, 'real'), { recursive: true });
    copyFileSync(fixture('html/dept-2019.html'), join(dir, 'real', 'dept-2019.html'));
    const elsewhere = join(work, 'links-elsewhere');
    mkdirSync(elsewhere, { recursive: true });
    copyFileSync(SEED, join(elsewhere, 'seed.txt'));
    symlinkSync(join(elsewhere, 'seed.txt'), join(dir, 'seed-link.txt'));
    symlinkSync(join(work, 'links-elsewhere'), join(dir, 'folder-link'));
    symlinkSync(dir, join(dir, 'real', 'back-up'));
    symlinkSync(join(work, 'no-such-file.txt'), join(dir, 'broken.txt'));
    const files = await collectFiles([dir], null);
    expect(files.map((f) => f.name)).toEqual(['folder-link/seed.txt', 'real/dept-2019.html', 'seed-link.txt']);
  });

  it('a folder with a dataset.json of its own (not a dataset) is read like any other', async () => {
    const dir = join(work, 'own-json');
    mkdirSync(join(dir, '2020'), { recursive: true });
    copyFileSync(SEED, join(dir, '2020/seed.txt'));
    writeFileSync(join(dir, '2020/dataset.json'), '{"scraped_at":"2021-03-01"}');
    const summary = await ingest({ inputs: [dir], out: join(work, 'own-json-out') });
    expect(summary.files).toBe(1);
    expect(summary.reports).toBe(1);
  });

  it('sources: false writes no sources folder, and removes one an earlier ingest left', async () => {
    const out = join(work, 'no-sources');
    await ingest({ inputs: [SEED], out, sources: false });
    expect(existsSync(join(out, 'sources'))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8')).sources).toBe(false);
    await ingest({ inputs: [SEED], out });
    expect(sourcesOf(out)).toEqual([`${SHA.seed}.txt`]);
    await ingest({ inputs: [SEED], out, sources: false });
    expect(existsSync(join(out, 'sources'))).toBe(false);
  });

  it('a source already in the dataset with the wrong size is written again', async () => {
    const out = join(work, 'short-source');
    await ingest({ inputs: [SEED], out });
    writeFileSync(join(out, `sources/${SHA.seed}.txt`), 'short');
    await ingest({ inputs: [SEED], out });
    expect(readFileSync(join(out, `sources/${SHA.seed}.txt`))).toEqual(Buffer.concat([BOM, readFileSync(SEED)]));
  });
});

describe('many files: worker threads', () => {
  const copies = join(work, 'copies');
  beforeAll(() => {
    mkdirSync(copies, { recursive: true });
    const lines = ['file,body,year'];
    for (let i = 0; i < 240; i++) {
      const file = `r${String(i).padStart(3, '0')}.${i % 2 ? 'html' : 'txt'}`;
      copyFileSync(i % 2 ? fixture('html/dept-2021.html') : SEED, join(copies, file));
      lines.push(`${file},机关${i % 40},${2019 + Math.floor(i / 40)}`);
    }
    writeFileSync(join(copies, 'manifest.csv'), lines.join('\n'));
  });

  it('give the same dataset, byte for byte, as one thread', async () => {
    const [one, two] = [join(work, 'one-thread'), join(work, 'two-threads')];
    const a = await ingest({ inputs: [], manifest: join(copies, 'manifest.csv'), out: one, threads: 1, builtAt: BUILT_AT });
    const b = await ingest({ inputs: [], manifest: join(copies, 'manifest.csv'), out: two, threads: 2, builtAt: BUILT_AT });
    expect(a.reports).toBe(240);
    expect(b.reports).toBe(240);
    expect(filesOf(two)).toEqual(filesOf(one));
    expect(sourcesOf(two)).toEqual([`${SHA.seed}.txt`, `${SHA.dept2021}.txt`]);
    expect(b.findingsByRule.YEAR_CARRY).toBeGreaterThan(0);
  });

  it('the command line shows on stderr the files read, then the Parquet files written', () => {
    const run = spawnSync('npx', ['tsx', 'src/cli/ingest.ts', '--manifest', join(copies, 'manifest.csv'), '--out', join(work, 'progress')], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const progress = run.stderr.split('\n').filter((line) => line.includes('%)'));
    // Not a terminal: a line each tenth. 2019–2024: six cells files, six summary files, reports, measures, cube cells and findings.
    expect(progress[0]).toBe('读取报告 reading 1/240 (0%)');
    expect(progress).toContain('读取报告 reading 120/240 (50%)');
    expect(progress.indexOf('读取报告 reading 240/240 (100%)')).toBeLessThan(progress.indexOf('写入 Parquet writing 0/16 (0%)'));
    expect(progress.at(-1)).toBe('写入 Parquet writing 16/16 (100%)');
  });

  /** An ingest killed at the first progress line matching `line`: the dataset as it was before, and staging holding body files only when killed while writing. */
  const killedAt = async (stage: 'reading' | 'writing', line: RegExp) => {
    const out = join(work, `killed-${stage}`);
    await ingest({ inputs: [SEED], out });
    const before = filesOf(out);
    expect(Object.keys(before)).toContain(`sources/${SHA.seed}.txt`);
    const child = spawn('npx', ['tsx', 'src/cli/ingest.ts', '--manifest', join(copies, 'manifest.csv'), '--out', out], { cwd: ROOT, detached: true });
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        if (line.test(d.toString())) {
          process.kill(-child.pid!, 'SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.on('exit', r));
    expect(filesOf(out)).toEqual(before);
    // The files made so far are in staging (left for the next ingest to clear), none in the dataset.
    const staged = readdirSync(out)
      .filter((f) => f.startsWith('.staging-'))
      .flatMap((folder) => readdirSync(join(out, folder), { recursive: true, encoding: 'utf8' }));
    expect(staged.some((f) => DATASET_FILES.bodyGroupPattern.test(f))).toBe(stage === 'writing');
  };

  it('an ingest killed part way leaves the previous dataset as it was', () => killedAt('reading', /读取报告 reading \d+\/\d+ \(\d+%\)/));

  it('an ingest killed while writing, its first files already written into staging, leaves the previous dataset as it was', () => killedAt('writing', /写入 Parquet writing [1-9]\d*\/\d+ \(\d+%\)/));
});

describe('the switch from one dataset to the next', () => {
  /** What dataset.json names, checked: every file there with its bytes, and the reports it holds. */
  const datasetNamed = (out: string) => {
    const description = JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8')) as { files: { name: string; sha256: string }[] };
    for (const f of description.files) expect([f.name, sha256(join(out, f.name))]).toEqual([f.name, f.sha256]);
    return rows(datasetPath(out, 'reports.parquet')).length;
  };

  it('an ingest killed between any two of its renames and removals leaves the old dataset or the new one, whole, never a mix', async () => {
    const copies = join(work, 'switch-copies');
    mkdirSync(copies, { recursive: true });
    const lines = ['file,body,year'];
    for (let i = 0; i < 24; i++) {
      copyFileSync(i % 2 ? fixture('html/dept-2021.html') : SEED, join(copies, `r${i}.${i % 2 ? 'html' : 'txt'}`));
      lines.push(`r${i}.${i % 2 ? 'html' : 'txt'},机关${i % 4},${2019 + Math.floor(i / 4)}`);
    }
    writeFileSync(join(copies, 'manifest.csv'), lines.join('\n'));
    const preload = fileURLToPath(new URL('./support/slow-file-ops.cjs', import.meta.url));
    const run = (out: string, killAfter: number) =>
      new Promise<number>((resolve) => {
        const child = spawn('npx', ['tsx', 'src/cli/ingest.ts', '--manifest', join(copies, 'manifest.csv'), '--out', out], {
          cwd: ROOT,
          detached: true,
          env: { ...process.env, NODE_OPTIONS: `--require ${preload}` },
        });
        let steps = 0;
        child.stderr.on('data', (d: Buffer) => {
          steps += (d.toString().match(/^FS /gm) ?? []).length;
          if (steps >= killAfter) process.kill(-child.pid!, 'SIGKILL');
        });
        child.on('exit', () => resolve(steps));
      });

    // How many renames and removals a whole ingest makes (the switch, dataset.json's rename, among them): then kill after each in turn.
    const whole = join(work, 'switch-whole');
    const total = await run(whole, Infinity);
    expect(datasetNamed(whole)).toBe(24);
    expect(total).toBeGreaterThanOrEqual(8);
    const seen = new Set<number>();
    for (let k = 1; k < total; k++) {
      const out = join(work, `switch-${k}`);
      await ingest({ inputs: [SEED], out });
      await run(out, k);
      const reports = datasetNamed(out);
      expect([1, 24]).toContain(reports);
      seen.add(reports);
    }
    // Killed early the old dataset stands; killed after the switch, the new one.
    expect([...seen].sort()).toEqual([1, 24]);
  }, 180_000);
});

describe('files built to take the run down', () => {
  it('beside good reports: the good ones are written, each bomb gets its own reason, and the run ends within seconds', async () => {
    const dir = join(work, 'bombs');
    mkdirSync(dir, { recursive: true });
    copyFileSync(SEED, join(dir, 'seed.txt'));
    copyFileSync(fixture('published/dept-2021.writer.pdf'), join(dir, 'dept-2021.pdf'));
    writeFileSync(join(dir, 'grid.html'), `<html><body><table>${'<tr><td rowspan=1000 colspan=1000>1</td></tr>'.repeat(1100)}</table></body></html>`);
    writeFileSync(join(dir, 'deep.html'), `<html><body>${'<div>'.repeat(10_000)}x${'</div>'.repeat(10_000)}</body></html>`);
    writeFileSync(join(dir, 'long.txt'), `标题\n一、本年新收政府信息公开申请数量 | 1 | 2\n${'x | 1 | 2\n'.repeat(130_000)}`);
    writeFileSync(join(dir, 'zip-bomb.docx'), zipSync({ 'word/document.xml': new Uint8Array(80 * 1024 * 1024) }, { level: 9 }));
    const started = performance.now();
    const summary = await ingest({ inputs: [dir], out: join(work, 'bombs-dataset') });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(summary.reports).toBe(2);
    expect(summary.failures.map((f) => [f.file, f.reason.split('（')[0]])).toEqual([
      ['deep.html', 'HTML 嵌套层级过深，不像年度报告的网页'],
      ['grid.html', '文件中的表格过大'],
      ['long.txt', '无法从正文识别发布机关和年度：请在清单'],
      ['zip-bomb.docx', 'Word 文件正文解压后达 80 MB，不像年度报告：请检查文件或改交 PDF'],
    ]);
  }, 60_000);
});

describe('one writer at a time, and output paths refused with a reason', () => {
  it('two ingests into one output at once: the second says another is writing (naming its process); the first ends with a whole dataset', async () => {
    const out = join(work, 'two-at-once');
    const many = join(work, 'two-at-once-reports');
    mkdirSync(many, { recursive: true });
    for (let i = 0; i < 200; i++) copyFileSync(fixture('html/dept-2021.html'), join(many, `r${i}.html`));
    writeFileSync(join(many, 'manifest.csv'), ['file,body,year', ...Array.from({ length: 200 }, (_, i) => `r${i}.html,机关${i},2022`)].join('\n'));
    // The second starts once the first is reading its 200 files, with the lock held.
    let second: Promise<unknown> | null = null;
    const first = ingest({
      inputs: [],
      manifest: join(many, 'manifest.csv'),
      out,
      onProgress: () => (second ??= ingest({ inputs: [SEED], out }).then(() => 'written', (e: Error) => e.message)),
    });
    expect((await first).reports).toBe(200);
    expect(await second).toMatch(new RegExp(`^另一个导入（进程 ${process.pid}，.* 开始）正在写入 .*two-at-once：请等它结束后再运行`));
    expect(rows(datasetPath(out, 'reports.parquet')).length).toBe(200);
    // Finished, it lets the next one in.
    expect((await ingest({ inputs: [SEED], out })).reports).toBe(1);
  });

  it('a lock left by a killed ingest is taken over', async () => {
    const out = join(work, 'stale-lock');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, '.ingest.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, started: '2026-01-01T00:00:00.000Z' }));
    expect((await ingest({ inputs: [SEED], out })).reports).toBe(1);
    expect(existsSync(join(out, '.ingest.lock'))).toBe(false);
  });

  it('an empty --out (an unset shell variable) is refused, and nothing is written in the current folder', () => {
    const before = readdirSync(ROOT).sort();
    const run = spawnSync('npx', ['tsx', 'src/cli/ingest.ts', SEED, '--out', ''], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('✗ 输出文件夹为空：请用 --out 指定写入数据集的文件夹（empty output path）');
    expect(readdirSync(ROOT).sort()).toEqual(before);
  });

  it('a dataset.json that cannot be replaced (locked, as another program locks a file on Windows): one line naming it, the old dataset as it was', () => {
    const out = join(work, 'locked');
    expect(spawnSync('npx', ['tsx', 'src/cli/ingest.ts', SEED, '--out', out], { cwd: ROOT }).status).toBe(0);
    const before = filesOf(out);
    // chattr +i: not even root may rename over the file (e2fsprogs, on this machine's ext4).
    const lock = spawnSync('chattr', ['+i', join(out, 'dataset.json')], { encoding: 'utf8' });
    expect(lock.status, `chattr +i failed: ${lock.stderr}${lock.error ?? ''}`).toBe(0);
    try {
      const run = spawnSync('npx', ['tsx', 'src/cli/ingest.ts', fixture('html/dept-2019.html'), fixture('html/dept-2021.html'), '--out', out], { cwd: ROOT, encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toBe(`✗ 没有写入权限：${join(out, 'dataset.json')}（或文件被其他程序锁定）：请换一个输出文件夹，或关闭占用它的程序（permission denied）`);
      expect(filesOf(out)).toEqual(before);
    } finally {
      spawnSync('chattr', ['-i', join(out, 'dataset.json')]);
    }
  });

  it('an output path that is a file ends in one line naming it', () => {
    const file = join(work, 'out-is-a-file');
    writeFileSync(file, 'not a folder');
    const asFile = spawnSync('npx', ['tsx', 'src/cli/ingest.ts', SEED, '--out', file], { cwd: ROOT, encoding: 'utf8' });
    expect(asFile.status).toBe(2);
    expect(asFile.stderr.trim()).toBe(`✗ 输出路径 ${file} 是一个文件，不是文件夹：请用 --out 指定一个文件夹（output path is a file）`);
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('a manifest that is not there is named', () => {
    const run = spawnSync('npx', ['tsx', 'src/cli/ingest.ts', '--manifest', join(work, 'no-such-manifest.csv')], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(`✗ 清单文件不存在：${join(work, 'no-such-manifest.csv')}（manifest not found）`);
  });
});

describe('command line', () => {
  const cli = (args: string[]) => spawnSync('npx', ['tsx', ...args], { cwd: ROOT, encoding: 'utf8' });

  it('parse --json gives the cells and findings under TEMPLATE.md keys', () => {
    const run = cli(['src/cli/parse.ts', SEED, '--json']);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(['body', 'year', 'template', 'cells', 'findings']);
    expect(json).toMatchObject({ body: '浙江省经济和信息化厅', year: 2019, template: '2019' });
    expect(json.cells.find((c: { row: string; col: string }) => c.row === 'art20_5.licensing' && c.col === 'decisions')).toEqual({
      table: 't2', row: 'art20_5.licensing', col: 'decisions', value: 3185, state: 'value', raw: '3185',
    });
    expect(json.cells.find((c: { row: string; col: string }) => c.row === 'art20_9.procurement' && c.col === 'amount').value).toBe(5234.55);
    expect(json.findings.map((f: { rule: string }) => f.rule)).toEqual(['AMBIGUOUS_SPLIT', 'NOT_EVALUATED', 'NOT_EVALUATED', 'NOT_EVALUATED']);
  });

  it('parse prints the tables readably by default, and names a bad file', () => {
    const ok = cli(['src/cli/parse.ts', SEED]);
    expect(ok.stdout).toContain('行政许可');
    expect(ok.stdout).toMatch(/行政许可\s+│\s+10 │\s+1 │\s+3185/);
    const bad = cli(['src/cli/parse.ts', fixture('html/not-a-report.html')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('not-a-report.html');
  });

  it('parse shows the tables of a report whose body the text does not tell, and says how to give it', () => {
    const anonymous = join(work, 'anonymous.txt');
    writeFileSync(anonymous, readFileSync(SEED, 'utf8').replaceAll('浙江省经济和信息化厅', '本厅'));
    const unknown = cli(['src/cli/parse.ts', anonymous]);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toMatch(/行政许可\s+│\s+10 │\s+1 │\s+3185/);
    expect(unknown.stderr).toContain('无法从正文识别发布机关');
    expect(unknown.stderr).toContain('--body 发布机关 --year 2019');
    const given = cli(['src/cli/parse.ts', anonymous, '--body', '浙江省经济和信息化厅', '--year', '2019']);
    expect(given.status).toBe(0);
    expect(given.stdout.split('\n')[0]).toMatch(/^浙江省经济和信息化厅 2019 年度报告/);
    const half = cli(['src/cli/parse.ts', anonymous, '--body', '浙江省经济和信息化厅']);
    expect(half.status).toBe(2);
    expect(half.stderr).toContain('--year 须为四位年份');
  });

  it('bad arguments and manifests end in one line, never a stack trace', () => {
    const badManifest = join(work, 'bad-kind.csv');
    writeFileSync(badManifest, 'file,body,year,kind\nseed.txt,某局,2019,summary\n');
    const runs = [
      cli(['src/cli/parse.ts', SEED, '--manifest', badManifest]),
      cli(['src/cli/parse.ts', SEED, '--manifest', join(work, 'no-such.csv')]),
      cli(['src/cli/parse.ts', SEED, '--colour']),
      cli(['src/cli/ingest.ts', SEED, '--out']),
      cli(['src/cli/ingest.ts', SEED, '--manifest', badManifest, '--out', join(work, 'never-written')]),
    ];
    for (const run of runs) {
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^✗ /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(runs[0].stderr).toContain('kind “summary” 无法识别');
    expect(runs[1].stderr).toContain('no-such.csv');
    expect(runs[2].stderr).toContain("Unknown option '--colour'");
    expect(runs[3].stderr).toContain("Option '--out <value>' argument missing");
    expect(existsSync(join(work, 'never-written'))).toBe(false);
  });

  it('parse reads a PDF, and names an encrypted one with its reason', () => {
    const pdf = cli(['src/cli/parse.ts', fixture('published/dept-2021.writer.pdf')]);
    expect(pdf.status).toBe(0);
    expect(pdf.stdout.split('\n')[0]).toMatch(/^浙江省生态环境厅 2022 年度报告 · 模板 2021 版 · .*\(pdf, binary\)/);
    const locked = cli(['src/cli/parse.ts', fixture('published/dept-2021.user-password.pdf')]);
    expect(locked.status).toBe(1);
    expect(locked.stderr).toContain('PDF 设有打开密码');
    expect(locked.stderr).not.toMatch(/\n\s+at /);
  });

  it('ingest exits non-zero when a file failed, after a summary; zero when all went through', () => {
    const out = join(work, 'cli-out');
    const empty = join(work, 'empty.txt');
    writeFileSync(empty, '');
    const failed = cli(['src/cli/ingest.ts', SEED, empty, '--out', out]);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('报告 reports: 1    失败 failed: 1');
    expect(failed.stdout).toContain('AMBIGUOUS_SPLIT');
    expect(failed.stderr).toContain('✗ empty.txt: 文件为空');
    expect(cli(['src/cli/ingest.ts', SEED, '--out', out]).status).toBe(0);
  });

  it('ingest of a folder without reports says so and exits non-zero, the dataset there untouched', () => {
    const out = join(work, 'cli-out');
    const before = filesOf(out);
    const folder = join(work, 'no-reports');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'notes.xlsx'), 'not a report');
    const run = cli(['src/cli/ingest.ts', folder, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('文件 files: 0');
    expect(run.stdout).toContain('未找到报告文件（.txt .tsv .htm .html .shtml .pdf .docx .doc .wps）');
    expect(filesOf(out)).toEqual(before);
  });

  it('ingest --no-sources writes no sources folder', () => {
    const out = join(work, 'cli-no-sources');
    expect(cli(['src/cli/ingest.ts', SEED, '--no-sources', '--out', out]).status).toBe(0);
    expect(readdirSync(out)).not.toContain('sources');
    expect(JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8')).sources).toBe(false);
  });

  it('a manifest without the required columns is refused with the reason', () => {
    const manifest = join(work, 'bad-manifest.csv');
    writeFileSync(manifest, 'path,name\nseed.txt,x\n');
    const run = cli(['src/cli/ingest.ts', '--manifest', manifest, '--out', join(work, 'unused')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('缺少列 file, body, year');
  });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

import { DATASET_FILES, DATASET_SCHEMA_VERSION } from '../dataset/schema';
import { derivedTables } from '../queries/summary-cells';
import { MEASURE_DEFINITIONS } from '../template';
import type { Database } from './database';

/** What dataset.json says (written by the ingest). */
export interface DatasetDescription {
  schema_version: number;
  /** The measures' definitions (template/measures.ts MEASURE_DEFINITIONS) the ingest summed them by. */
  measures: string;
  /** When the dataset was built (ISO 8601); absent in datasets written before. */
  built_at?: string;
  reports: number;
  years: number[];
  origins: Record<string, number>;
  /** Whether each report's text is in sources/ (DATASET_FILES.source(source_sha256)); absent in datasets written before. */
  sources?: boolean;
  files: { name: string; bytes: number; sha256: string }[];
}

export interface DatasetSource {
  /** The bytes of a file of the dataset folder. */
  fetch(name: string): Promise<Uint8Array>;
  /** A file's Parquet bytes → the Arrow IPC DuckDB inserts (a filePreparer, perhaps in a worker; called in the files' order). */
  prepare(name: string, parquet: Uint8Array): Uint8Array | Promise<Uint8Array>;
  /** Told of the files as they are decoded, before DuckDB has them (see DecodedSink). */
  decoded?: DecodedSink;
}

/**
 * Told of each file but the cells as it is decoded, as Arrow IPC, perhaps
 * before DuckDB has started; then, once every one is, of the years left out
 * (their summary file could not be read). The bytes of the files the page
 * holds (DATASET_FILES.held) are the sink's to keep: DuckDB, which takes the
 * bytes it inserts, is given a copy of them once it has started, off the
 * page's way (the copy at decoding delayed every page's reports).
 */
export interface DecodedSink {
  file(logicalName: string, ipc: Uint8Array): void;
  done(leftOut: number[]): void;
}

/** A year's summary file that could not be read: the year is left out, the rest is loaded. */
export interface FailedFile {
  name: string;
  year: number;
  reason: string;
}

export interface LoadProgress {
  /** Bytes loaded so far, of total (both from dataset.json). */
  loaded: number;
  total: number;
  step: string;
}

/** The dataset loaded: what dataset.json says, the years left out, and how to load the cells of some years, and the summary cells, when a page first needs them. */
export interface LoadedDataset extends DatasetDescription {
  failed: FailedFile[];
  loadCells: CellsLoader;
  /** Inserts the summary cells (summary_cells), once; every query of them waits for it. */
  loadSummary: () => Promise<void>;
}

/** Loads the cells (with their text: the view `cells`) of these years, once each; a file that cannot be read fails it, naming the file. */
export type CellsLoader = (years: readonly number[]) => Promise<void>;

const DATASET_OUTDATED = '请用本站同一版本的 npm run ingest 重新生成数据集。';

/**
 * Load the dataset into DuckDB: tables reports (numbered), measures and
 * findings, then the derived tables (queries/summary-cells.ts). The summary
 * files are decoded too, but their cells (summary_cells, every year's file
 * appended; numbers as db/cell-values.ts makes them) are inserted by the
 * returned loadSummary. The cells themselves are not loaded: the
 * returned loadCells loads a year's when a query first needs it. The cube
 * cells file is the page's alone (queries/held-reports.ts withCubeCells).
 * Reports go first: the others refer to them by number. The files are fetched and
 * prepared while `engine` starts. Progress is reported per file, in bytes. A year's summary file that cannot be read (corrupt, cut short,
 * missing) leaves that year out, reports and all, and is named in `failed`;
 * another file failing fails the load.
 */
export async function loadDataset(
  engine: Database | Promise<Database>,
  source: DatasetSource,
  onProgress?: (p: LoadProgress) => void,
  imported: readonly string[] = [],
): Promise<LoadedDataset> {
  const description = JSON.parse(new TextDecoder().decode(await source.fetch('dataset.json'))) as DatasetDescription;
  if (description.schema_version !== DATASET_SCHEMA_VERSION)
    throw new Error(`数据集（dataset.json）的格式版本是 ${description.schema_version ?? '未知'}，本站读取第 ${DATASET_SCHEMA_VERSION} 版：${DATASET_OUTDATED}`);
  if (description.measures !== MEASURE_DEFINITIONS) throw new Error(`数据集（dataset.json）的指标是按另一版定义汇总的：${DATASET_OUTDATED}`);
  // Reports first (the others refer to them by number), then the measures and findings: the page holds them (DecodedSink) before the summaries are decoded.
  const first = (name: string) => DATASET_FILES.held.indexOf(DATASET_FILES.logical(name)) >>> 0;
  // Not the cells (loaded when a page needs them), nor the page's own files (the cube cells, the body-year and body-group files: read when a view needs them).
  const files = description.files.filter((f) => !DATASET_FILES.cellsPattern.test(f.name) && !DATASET_FILES.pageOnly(f.name) && DATASET_FILES.logical(f.name) !== DATASET_FILES.cubeCells).sort((a, b) => first(a.name) - first(b.name));
  const total = files.reduce((n, f) => n + f.bytes, 0);
  // The files the page holds fetched at once, the others once those have come (a browser fetches six files of a site at a time: the
  // summaries had kept a page's own first file waiting), and prepared in the files' order (reports and measures first, for the page to
  // hold them), while the engine starts and each while DuckDB inserts the one before (none needs the reports' numbers: only a cells file does, prepared later).
  const held = new Map(files.filter((f) => DATASET_FILES.held.includes(DATASET_FILES.logical(f.name))).map((f) => [f.name, source.fetch(f.name)]));
  const heldFetched = Promise.allSettled(held.values());
  let turn: Promise<unknown> = Promise.resolve();
  const prepared = files.map((file) => {
    const fetched = held.get(file.name) ?? heldFetched.then(() => source.fetch(file.name));
    fetched.catch(() => {}); // its failure is its turn's
    const ready = turn.then(() => fetched).then((bytes) => source.prepare(file.name, bytes));
    turn = ready.catch(() => {});
    // After the files the page holds, a task's wait: what the page asks of the decoder as it draws from them (a report's cells…) goes before the summaries.
    if (DATASET_FILES.logical(file.name) === DATASET_FILES.held.at(-1)) turn = turn.then(() => new Promise((resolve) => setTimeout(resolve, 0)));
    return ready;
  });
  for (const p of prepared) p.catch(() => {}); // each failure is handled below, in the files' order
  if (source.decoded) whenDecoded(files, prepared, source.decoded);
  const db = await engine;
  let loaded = 0;
  onProgress?.({ loaded, total, step: files[0]?.name ?? 'done' });
  const failed: FailedFile[] = [];
  // The summary files decoded (a failure known now), inserted when first needed: see loadSummary.
  const summaries: Uint8Array[] = [];
  for (const [i, file] of files.entries()) {
    const summary = DATASET_FILES.summaryPattern.exec(file.name);
    let ipc: Uint8Array;
    try {
      ipc = await prepared[i];
    } catch (e) {
      if (!summary) throw e;
      failed.push({ name: file.name, year: Number(summary[1]), reason: (e as Error).message });
      loaded += file.bytes;
      continue;
    }
    if (summary) summaries.push(ipc);
    else {
      const kept = source.decoded && DATASET_FILES.held.includes(DATASET_FILES.logical(file.name));
      await db.insertArrowIPC(DATASET_FILES.logical(file.name).replace(/\.parquet$/, ''), kept ? ipc.slice() : ipc, false);
    }
    loaded += file.bytes;
    onProgress?.({ loaded, total, step: file.name });
  }
  if (failed.length === files.filter((f) => DATASET_FILES.summaryPattern.test(f.name)).length && failed.length > 0)
    throw new Error(`数据集的汇总文件都无法读取（${failed.map((f) => f.name).join('、')}：${failed[0].reason}）`);
  await sameOrder(db, files);
  await markImported(db, imported);
  await deriveTables(db);
  // A year without its summary is left out whole: no page shows its reports with no figures. (After the tables joined by position are made.)
  if (failed.length > 0)
    for (const table of ['reports', 'report_measures']) await db.query(`DELETE FROM ${table} WHERE year IN (${failed.map((f) => Math.trunc(f.year)).join(', ')})`);
  onProgress?.({ loaded: total, total, step: 'done' });
  return { ...description, failed, loadCells: cellsLoader(db, source, description.files, failed), loadSummary: summaryLoader(db, summaries) };
}

/** Tells `sink` of each file as it is decoded, before DuckDB is given it, then of the years left out. */
function whenDecoded(files: DatasetDescription['files'], prepared: Promise<Uint8Array>[], sink: DecodedSink): void {
  files.forEach((file, i) => void prepared[i].then((ipc) => sink.file(DATASET_FILES.logical(file.name), ipc), () => {}));
  void Promise.allSettled(prepared).then((results) =>
    sink.done(files.flatMap((file, i) => (results[i].status === 'rejected' ? [Number(DATASET_FILES.summaryPattern.exec(file.name)?.[1])] : [])).filter((year) => !Number.isNaN(year))),
  );
}

/**
 * Inserts the decoded summary files into summary_cells, once: when a query
 * first reads them. Most pages never do (the trend pages sum the cell cube
 * the ingest prepared), and 7.5 million cells at 100 k reports take half a
 * second to insert, and memory.
 */
function summaryLoader(db: Database, summaries: Uint8Array[]): () => Promise<void> {
  let inserted: Promise<void> | null = null;
  return () =>
    (inserted ??= (async () => {
      for (const [i, ipc] of summaries.entries()) await db.insertArrowIPC('summary_cells', ipc, i > 0);
      summaries.length = 0;
    })());
}

/**
 * Loads years' cells files into cell_values (made empty at load, with the
 * view `cells`), one load at a time, each year once. A year left out at load
 * (its summary failed) or without a file has no cells to load.
 */
function cellsLoader(db: Database, source: DatasetSource, files: DatasetDescription['files'], leftOut: readonly FailedFile[]): CellsLoader {
  const fileOf = new Map(
    files.flatMap((f) => {
      const cells = DATASET_FILES.cellsPattern.exec(f.name);
      return cells && !leftOut.some((l) => l.year === Number(cells[1])) ? [[Number(cells[1]), f.name] as const] : [];
    }),
  );
  const loaded = new Set<number>();
  let queue: Promise<void> = Promise.resolve();
  return (years) => {
    const load = queue.then(async () => {
      for (const year of years) {
        const name = fileOf.get(year);
        if (!name || loaded.has(year)) continue;
        await db.insertArrowIPC('cell_values', await source.prepare(name, await source.fetch(name)), true);
        loaded.add(year);
      }
    });
    queue = load.catch(() => {});
    return load;
  };
}

/** The measures file is joined to the reports file by position (report_measures): a file in another order is not of the same ingest. */
async function sameOrder(db: Database, files: DatasetDescription['files']): Promise<void> {
  const [{ misplaced }] = await db.query<{ misplaced: number }>('SELECT COUNT(*) AS misplaced FROM reports r POSITIONAL JOIN measures m WHERE r.report_id IS DISTINCT FROM m.report_id');
  const name = (logical: string) => files.find((f) => DATASET_FILES.logical(f.name) === logical)?.name ?? logical;
  if (misplaced > 0) throw new Error(`${name(DATASET_FILES.measures)} 与 ${DATASET_FILES.reports} 不是同一次导入的结果，请重新运行导入（${misplaced} 份报告的指标不在其位置）`);
}

/**
 * Column reports.imported: the reports imported in this browser (导入; none
 * in Node), which the report-source filter selects by (see inScope).
 */
async function markImported(db: Database, imported: readonly string[]): Promise<void> {
  await db.query('ALTER TABLE reports ADD COLUMN imported BOOLEAN DEFAULT false');
  const ids = imported.filter((id) => /^[0-9a-f]{16}$/.test(id));
  if (ids.length > 0) await db.query(`UPDATE reports SET imported = true WHERE report_id IN (${ids.map((id) => `'${id}'`).join(', ')})`);
}

/** Tables derived from the loaded data once, for fast views (see derivedTables). */
export async function deriveTables(db: Database): Promise<void> {
  for (const sql of derivedTables()) await db.query(sql);
}

/** Every table and view dropped: the same engine loads another dataset (after an import). */
export async function emptyDatabase(db: Database): Promise<void> {
  const objects = await db.query<{ table_name: string; table_type: string }>("SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main'");
  // Views first: they depend on tables.
  for (const { table_name: name, table_type: type } of objects.sort((a, b) => Number(b.table_type === 'VIEW') - Number(a.table_type === 'VIEW')))
    await db.query(`DROP ${type === 'VIEW' ? 'VIEW' : 'TABLE'} IF EXISTS "${name.replaceAll('"', '""')}"`);
}

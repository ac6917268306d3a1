import { base } from '$app/paths';
import { buildAndStore, joinedTo } from '../imports/client';
import { importStore, datasetKey, type ImportState, type ImportStore } from '../imports/store';
import type { Database } from '../db/database';
import { ENGINE_FAILED } from '../db/engine-error';
import { emptyDatabase, loadDataset, type CellsLoader, type DatasetDescription, type FailedFile, type LoadProgress } from '../db/load';
import { PREPARED_OVERVIEW } from '../dataset/overview';
import type { CellsNeed, Query } from '../queries/query';
import { CUBE_CELL_REFS, MEASURE_DEFINITIONS, type BodyGroup, type BodyYears } from '../template';
import type { CellCube } from '../queries/cell-cube';
import { isQualityCube, type QualityCube } from '../queries/quality-cube';
import { isBodyGroup, isBodyYears } from '../queries/body-year-files';
import { yearlyCube, type YearlyCubeRow } from '../queries/yearly';
import { ReportsHolder, withCubeCells, type ReportsByBody } from '../queries/held-reports';
import { cellRowsOfHeld, reportOfHeld } from '../queries/held-report';
import { tableFromIPC, type Table } from 'apache-arrow';
import type { Preparer } from '../db/decoder';
import { plainRows } from '../db/database';
import { bodyGroupOf, DATASET_FILES } from '../dataset/schema';
import type { ReportCellRow } from '../queries/report';
import { deferred } from '../deferred';

/** The page-wide state of the data: loading (with progress), ready, or failed with a reason. */
export const data = $state<{
  status: 'idle' | 'loading' | 'ready' | 'error';
  progress: LoadProgress | null;
  description: DatasetDescription | null;
  error: string | null;
  /** The engine itself failed (a blocked .wasm …): the error says what IT should check, not how to make a dataset. */
  engineFailed: boolean;
  /** Years' cells files that could not be read: those years are left out, the rest works. */
  failed: FailedFile[];
  /** Reports imported in this browser (导入), joined to the site's; null when there are none. */
  imports: ImportState | null;
  /** Whether imported reports are kept between visits (false: the browser refuses storage; kept until the page is closed). */
  importsKept: boolean;
  /** Why the kept imports are not shown this time (they could not be joined to the site's new data). */
  importsError: string | null;
  /** Counts up each time the data is loaded again (after an import): queries follow it. */
  generation: number;
  /** Every report is held in the page (heldReports): the views that need no query are answered, DuckDB or not. */
  held: boolean;
}>({ status: 'idle', progress: null, description: null, error: null, engineFailed: false, failed: [], imports: null, importsKept: true, importsError: null, generation: 0, held: false });

let database: Promise<Database> | null = null;
/** The decoding worker of the data being loaded (db/decoder.ts workerPreparer). */
let decoder: Promise<Preparer> | null = null;
/** Loads the cells of some years into the database (db/load.ts), and ends the decoding worker it keeps for that. */
let cells: { load: CellsLoader; close: () => void } | null = null;
/** Inserts the summary cells into the database, once (db/load.ts). */
let summary: (() => Promise<void>) | null = null;
/** DuckDB itself, started once: loading the data again empties it rather than starting another. */
let engine: Promise<Database> | null = null;

// dataset.json is read by the banner, the prepared first view and the loader: fetch each small JSON file once.
const jsonFiles = new Map<string, Promise<Uint8Array>>();

/** A file of the dataset the site serves (not the one imports are joined into). */
export async function fetchSiteFile(name: string): Promise<Uint8Array> {
  const response = await fetch(`${base}/data/${name}`);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** What the kept imports were joined to: the site's dataset.json's files. */
async function siteBase(): Promise<string> {
  try {
    return joinedTo(JSON.parse(new TextDecoder().decode(await fetchSiteFile('dataset.json'))));
  } catch {
    return '';
  }
}

/** The imports kept in this browser, read once per load: their dataset's files are read in place of the site's. */
let imported: Promise<{ store: ImportStore; state: ImportState | null }> | null = null;

function importsKept() {
  imported ??= importStore().then(async (store) => ({ store, state: await store.state().catch(() => null) }));
  return imported;
}

/** A file of the dataset shown: the imports' own when there are some (a report's source: the site's when it is not theirs). */
export function fetchDataFile(name: string): Promise<Uint8Array> {
  const load = async () => {
    const { store, state } = await importsKept();
    if (state && state.files.length > 0) {
      const kept = await store.read(datasetKey(name));
      if (kept) return kept;
      if (state.files.includes(name)) throw new Error(`${name}：导入的数据在浏览器存储中不完整，请在“导入报告”页全部移除后重新导入`);
    }
    return fetchSiteFile(name);
  };
  // The small JSON files, read by several, fetched once; the body-year and body-group files are kept as read (PageFiles).
  if (!name.endsWith('.json') || DATASET_FILES.pageOnly(name)) return load();
  if (!jsonFiles.has(name)) jsonFiles.set(name, load());
  return jsonFiles.get(name)!;
}

/**
 * Load the data again (after an import or a removal): every query of the
 * page asks again, of the new database.
 */
export function reloadData(): void {
  database = null;
  decoder = null;
  cells?.close();
  cells = null;
  summary = null;
  forgetPrepared();
  held = null;
  fetchedAhead.clear();
  imported = null;
  jsonFiles.clear();
  for (const reset of resets) reset();
  Object.assign(data, { status: 'idle', progress: null, error: null, engineFailed: false, failed: [], importsError: null, held: false });
  data.generation++;
  getDatabase().catch(() => {});
}

/**
 * The kept imports, joined anew when the site has published another dataset
 * since they were joined. If that fails (a kept file lost), the site's data is
 * shown alone and the banner says why: the imports never take the site down.
 */
async function joinedToSite(store: ImportStore, state: ImportState): Promise<ImportState | null> {
  if (state.base === (await siteBase())) return state;
  data.progress = { loaded: 0, total: 1, step: 'imports' };
  let joined: ImportState | null = null;
  try {
    joined = await buildAndStore(store, state, { reports: [], removed: [] }, fetchSiteFile, () => {}).done;
  } catch (e) {
    data.importsError = `导入的报告未能与本站更新后的数据合并（${(e as Error).message}），本次只显示本站数据：可在“导入报告”页全部移除后重新导入。`;
  }
  // What was read of the old join (the prepared first view a page may already show) is read again.
  imported = Promise.resolve({ store, state: joined });
  jsonFiles.clear();
  forgetPrepared();
  data.generation++;
  return joined;
}

function showProgress(p: LoadProgress): void {
  data.progress = p;
}

/** The database, loaded once for the whole site. */
export function getDatabase(): Promise<Database> {
  database ??= (async () => {
    const holding = heldFor();
    // The engine's 30 MB of wasm compile once the reports are held (or the load has failed): on two cores, compiled beside the decoding, it made every page wait longer for them.
    const engineDue = deferred<void>();
    data.status = 'loading';
    data.progress = { loaded: 0, total: 1, step: 'engine' };
    try {
      const { store, state } = await importsKept();
      data.imports = state && state.reports.length > 0 ? await joinedToSite(store, state) : null;
      data.importsKept = store.persistent;
      // The decoder's worker starts at once, its wasm compiling while the first view draws. Kept after the load: it decodes the cells of a year when a page first needs them.
      const preparer = (decoder = import('../db/decoder').then((d) => d.takeDecoder()));
      preparer.catch(() => {}); // its failure shows where it is awaited
      const browser = import('../db/browser');
      browser.catch(() => {}); // its failure shows where it is awaited
      // dataset.json first: the page can say what it shows (示例数据（合成）…) while the engine starts.
      data.description = await fetchJson('dataset.json');
      fetchAhead();
      performance.mark('data:decoding');
      const { prepare, close } = await preparer;
      const imported = data.imports?.reports.map((r) => r.reportId) ?? [];
      const decoded = holding.holder(new ReportsHolder(imported));
      void decoded.held.finally(engineDue.resolve).catch(() => {});
      const reused = engine !== null;
      // Held here: a failed engine is forgotten (engine = null) so that a reload starts another, maybe before this load has used it.
      const started = (engine ??= engineDue.promise.then(() => browser).then((b) => b.createBrowserDatabase()));
      started.catch(() => (engine = null));
      void started.then(() => performance.mark('data:engine'), () => {});
      try {
        const emptied = started.then(async (db) => (reused ? emptyDatabase(db).then(() => db) : db));
        const { failed, loadCells, loadSummary, ...description } = await loadDataset(emptied, { fetch: takeDataFile, prepare, decoded }, showProgress, imported);
        data.description = description;
        data.failed = failed;
        cells = { load: loadCells, close };
        summary = loadSummary;
      } catch (e) {
        close();
        throw e;
      }
      const db = await started;
      data.status = 'ready';
      performance.mark('data:ready');
      return db;
    } catch (e) {
      engineDue.resolve();
      void decoder?.then((p) => p.close(), () => {});
      holding.fail(e as Error);
      data.status = 'error';
      data.error = (e as Error).message;
      data.engineFailed = (e as Error).message.startsWith(ENGINE_FAILED);
      throw e;
    }
  })();
  return database;
}

/** prepared-overview.json's cubes (dataset/overview.ts), when they belong to the dataset being served. */
interface PreparedOverview {
  cube: YearlyCubeRow[];
  /** Null in a file without it, or with other cells than the template's (an older ingest): the database answers. */
  cells: CellCube | null;
  /** Null in a file without it (an older ingest): the reports held in the page answer. */
  quality: QualityCube | null;
}

let prepared: Promise<PreparedOverview | null> | null = null;
/** The file once read: its cubes answer in the same update as a change of filters, with no promise in between. */
let preparedRead: { file: PreparedOverview | null } | null = null;

function preparedOverview(): Promise<PreparedOverview | null> {
  if (prepared) return prepared;
  const reading = (async () => {
    try {
      const [file, description] = await Promise.all([fetchJson(PREPARED_OVERVIEW), fetchJson('dataset.json')]);
      // Rows of another dataset, or summed by other definitions of the measures (an older ingest), are not this site's answer.
      if (JSON.stringify(file.dataset) !== JSON.stringify(description.files) || description.measures !== MEASURE_DEFINITIONS || !Array.isArray(file.cube)) return null;
      const cells = file.cells?.refs && Array.isArray(file.cells.rows) && CUBE_CELL_REFS.every((ref) => file.cells.refs.includes(ref)) ? (file.cells as CellCube) : null;
      return { cube: file.cube as YearlyCubeRow[], cells, quality: isQualityCube(file.quality) ? file.quality : null };
    } catch {
      return null;
    }
  })();
  // Kept unless the data was loaded again meanwhile (a reload reads the file again).
  void reading.then((file) => prepared === reading && (preparedRead = { file }));
  return (prepared = reading);
}

/** Forget the files read (the data is loaded again). */
function forgetPrepared(): void {
  prepared = null;
  preparedRead = null;
  bodyYearFiles.clear();
  bodyGroupFiles.clear();
}

/**
 * The yearly cube the ingest computed: it answers the trends for any filters
 * but bodies before the database is up.
 */
export function preparedCube(): Promise<YearlyCubeRow[] | null> {
  return preparedOverview().then((file) => file?.cube ?? null);
}

/**
 * The cell cube the ingest computed: it answers the sums of t3's and t4's
 * cells per year for any filters but bodies and the report source, with no
 * query. The value itself once read, a promise before.
 */
export function preparedCellCube(): CellCube | null | Promise<CellCube | null> {
  return preparedPart('cells');
}

/** A cube of the prepared file: the value once the file is read, a promise before. */
function preparedPart<Part extends 'cells' | 'quality'>(part: Part): PreparedOverview[Part] | Promise<PreparedOverview[Part]> {
  return preparedRead ? (preparedRead.file?.[part] ?? null) : preparedOverview().then((file) => file?.[part] ?? null);
}

/** The quality cube the ingest computed (数据质量's counts for any filters but bodies and the report source): the value once read, a promise before. */
export function preparedQualityCube(): QualityCube | null | Promise<QualityCube | null> {
  return preparedPart('quality');
}

/**
 * Files the page reads itself, by a number (a year, a group): each fetched at
 * the first ask and kept; the files once all are read, a promise before; null
 * when one is not to be had (an older ingest, a damaged file), and the
 * reports held in the page answer instead.
 */
class PageFiles<File> {
  private entries = new Map<number, { file: Promise<File | null>; read?: File | null }>();
  constructor(private readonly fetchFile: (key: number, listed: DatasetDescription['files']) => Promise<File | null>) {}

  get(keys: readonly number[]): File[] | null | Promise<File[] | null> {
    const asked = [...new Set(keys)].map((key) => {
      let entry = this.entries.get(key);
      if (!entry) {
        const current: { file: Promise<File | null>; read?: File | null } = {
          file: fetchJson('dataset.json')
            .then((description: DatasetDescription) => this.fetchFile(key, description.files))
            .catch(() => null),
        };
        void current.file.then((file) => (current.read = file));
        this.entries.set(key, (entry = current));
      }
      return entry;
    });
    const all = (files: (File | null)[]) => (files.every((f) => f !== null) ? (files as File[]) : null);
    return asked.every((entry) => entry.read !== undefined) ? all(asked.map((entry) => entry.read!)) : Promise.all(asked.map((entry) => entry.file)).then(all);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** A listed file of the dataset, parsed and checked by `is`; null when it is not listed or not one. */
async function pageFile<File>(logical: string, listed: DatasetDescription['files'], is: (file: unknown) => file is File): Promise<File | null> {
  const name = datasetFile(logical, listed);
  const file: unknown = name ? await fetchJson(name) : null;
  return is(file) ? file : null;
}

const bodyYearFiles = new PageFiles<BodyYears>((year, listed) => pageFile(DATASET_FILES.bodyYears(year), listed, (file) => isBodyYears(file, year)));

/** The body-year files of some years (template/body-years.ts), as PageFiles gives them. */
export function preparedBodyYears(years: readonly number[]): BodyYears[] | null | Promise<BodyYears[] | null> {
  return bodyYearFiles.get(years);
}

/** How many body-group files the dataset lists (a body's group depends on it). */
const bodyGroupsListed = (listed: DatasetDescription['files']) => listed.filter((f) => DATASET_FILES.bodyGroupPattern.test(f.name)).length;

const bodyGroupFiles = new PageFiles<BodyGroup>((group, listed) => pageFile(DATASET_FILES.bodyGroup(group), listed, (file) => isBodyGroup(file, group, bodyGroupsListed(listed))));

/** A body's page reads its group's file, not every year's; a choice of more bodies than this is answered from the held reports. */
const MOST_BODY_GROUPS = 8;

/** The body-group files of some bodies (template/body-years.ts BodyGroup), as PageFiles gives them; null for many bodies or a dataset without them. */
export function preparedBodyGroups(bodies: readonly string[]): BodyGroup[] | null | Promise<BodyGroup[] | null> {
  const listed = data.description?.files;
  const known = (files: DatasetDescription['files']) => {
    const groups = bodyGroupsListed(files);
    const wanted = new Set(bodies.map((body) => bodyGroupOf(body, groups)));
    return groups === 0 || wanted.size > MOST_BODY_GROUPS ? null : bodyGroupFiles.get([...wanted]);
  };
  return listed ? known(listed) : fetchJson('dataset.json').then((description: DatasetDescription) => known(description.files), () => null);
}

/** A query's rows, once the cells it reads (query.cells, query.summary) are loaded. */
export async function runQuery<Row>(query: Query): Promise<Row[]> {
  const db = await getDatabase();
  if (query.cells) await cells?.load(await cellYears(db, query.cells));
  if (query.summary) await summary?.();
  return db.query<Row>(query.sql, query.params);
}

/** The years whose cells a query needs: a report's year, or the dataset's years in a range. */
async function cellYears(db: Database, need: CellsNeed): Promise<number[]> {
  if ('report' in need) return (await db.query<{ year: number }>('SELECT year FROM reports WHERE report_id = ?', [need.report])).map((r) => r.year);
  return (data.description?.years ?? []).filter((y) => (need.from === null || y >= need.from) && (need.to === null || y <= need.to));
}

const resets: (() => void)[] = [];

/**
 * Something derived from the database once, for the page to answer filters
 * with: the value itself once it is here, a promise before.
 */
function onceLoaded<T>(load: (db: Database) => Promise<T>): () => T | Promise<T> {
  let value: { loaded: T } | null = null;
  let loading: Promise<T> | null = null;
  resets.push(() => {
    value = null;
    loading = null;
  });
  return () => {
    void data.generation; // a reload makes whatever reads this ask again
    if (value) return value.loaded;
    if (!loading) {
      loading = getDatabase().then(load);
      // A failure shows where the value is awaited (and the database's own in the banner); asked for and dropped, it is not unhandled.
      loading.then((loaded) => (value = { loaded }), () => {});
    }
    return loading;
  };
}

/** The yearly cube (queries/yearly.ts). */
export const yearlyCubeRows = onceLoaded(async (db) => {
  const { sql, params } = yearlyCube();
  return db.query<YearlyCubeRow>(sql, params);
});

/**
 * The reports held in the page for the data being loaded, from the files as
 * they are decoded, before DuckDB; `cube`: their cells of the cell cube, once
 * a view has asked for them.
 */
let held: { reports: Promise<ReportsByBody>; value: ReportsByBody | null; cube: Promise<Table> | null } | null = null;

function heldFor() {
  const reports = deferred<ReportsByBody>();
  const current: NonNullable<typeof held> = { reports: reports.promise, value: null, cube: null };
  held = current;
  return {
    /** The holder the load tells of its files: what it holds is this load's. */
    holder(holder: ReportsHolder): ReportsHolder {
      holder.held.then((value) => {
        current.value ??= value;
        reports.resolve(value);
        if (held === current) data.held = true;
        performance.mark('data:held');
      }, reports.reject);
      holder.complete.then((value) => {
        // Held again without a year left out: whatever was answered from the first asks again.
        const again = current.value !== value;
        current.value = value;
        if (again && held === current) data.generation++;
      }, () => {});
      return holder;
    },
    fail: (e: Error) => reports.reject(e),
  };
}

/**
 * Every report held in the page (queries/reports-by-body.ts): the value once
 * here, a promise before. `cube`: with their cells of the cell cube, read
 * from their file at the first such ask. It fails when the data does.
 */
export function heldReports(cube = false): ReportsByBody | Promise<ReportsByBody> {
  void data.generation; // a reload makes whatever reads this ask again
  if (!held) void getDatabase().catch(() => {});
  const current = held!;
  if (current.value && (!cube || current.value.cubeCells)) return current.value;
  if (!cube) return current.reports;
  current.cube ??= cubeCellsFile(current.reports);
  // The value now (held again without a year left out, maybe, since the cells were asked for).
  return current.cube.then((table) => (current.value!.cubeCells ? current.value! : withCubeCells(current.value!, table)));
}

/** The name a file of the dataset was written under (with its hash), by its logical name. */
function datasetFile(logical: string, files = data.description?.files): string | undefined {
  return files?.find((f) => DATASET_FILES.logical(f.name) === logical)?.name;
}

/**
 * The files the page holds, fetched as soon as dataset.json names them,
 * before the load asks for them. Each taken once (the decoder takes the bytes).
 */
const fetchedAhead = new Map<string, Promise<Uint8Array>>();

function fetchAhead(): void {
  for (const logical of DATASET_FILES.held) {
    const name = datasetFile(logical);
    const bytes = name && fetchDataFile(name);
    if (!bytes) continue;
    bytes.catch(() => {}); // its failure shows where it is taken
    fetchedAhead.set(name, bytes);
  }
}

/** A file of the dataset shown, fetched ahead or now. */
function takeDataFile(name: string): Promise<Uint8Array> {
  const ahead = fetchedAhead.get(name);
  fetchedAhead.delete(name);
  return ahead ?? fetchDataFile(name);
}

/**
 * Each report's cells of the cell cube (DATASET_FILES.cubeCells): fetched
 * from the first ask (a view that needs them asks as it is first drawn),
 * decoded in the worker once the reports are `held`.
 */
async function cubeCellsFile(held: Promise<unknown>): Promise<Table> {
  performance.mark('data:cube asked');
  const name = datasetFile(DATASET_FILES.cubeCells, ((await fetchJson('dataset.json')) as DatasetDescription).files);
  if (!name) throw new Error('the cube cells file is not known');
  const bytes = fetchDataFile(name);
  bytes.catch(() => {}); // its failure shows below, once the reports are held
  await held;
  if (!decoder) throw new Error('the decoder has not started');
  const { decode } = await decoder;
  const cube = tableFromIPC(await decode(name, await bytes));
  performance.mark('data:cube');
  return cube;
}

/**
 * A report's cells read straight from its year's cells file, decoded in the
 * worker (only that report's rows come back): its page shows them without
 * waiting for DuckDB, nor loading a whole year into it. Null when the report
 * is not held (a year left out): the database answers.
 */
export async function reportCellsOfFile(id: string): Promise<ReportCellRow[] | null> {
  const held = await heldReports();
  const [report] = reportOfHeld(held, id);
  const name = report && datasetFile(DATASET_FILES.cells(report.year));
  if (!name || !decoder) return null;
  const { reportCells } = await decoder;
  return plainRows<ReportCellRow>(tableFromIPC(await reportCells(name, await fetchDataFile(name), id, cellRowsOfHeld(held, id) ?? undefined)));
}

/** A text file of the dataset folder (a report's source), BOM dropped. */
export async function fetchText(name: string): Promise<string> {
  return new TextDecoder().decode(await fetchDataFile(name));
}

async function fetchJson(name: string) {
  return JSON.parse(new TextDecoder().decode(await fetchDataFile(name)));
}

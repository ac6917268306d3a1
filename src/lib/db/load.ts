import { DATASET_FILES, DATASET_SCHEMA_VERSION } from '../dataset/schema';
import { derivedTables } from '../queries/summary-cells';
import type { Database } from './database';

/** What dataset.json says (written by the ingest). */
export interface DatasetDescription {
  schema_version: number;
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
}

/** A year's cells file that could not be read: the year is left out, the rest is loaded. */
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

/**
 * Load the dataset into DuckDB: tables reports (numbered), findings and
 * cell_values (all years' files appended; see db/cell-values.ts), then the
 * derived tables and the view cells. Reports go first: the cells refer to them
 * by number. Progress is reported per file, in bytes. A year's cells file that
 * cannot be read (corrupt, cut short, missing) leaves that year out, reports
 * and all, and is named in `failed`; the reports or findings file failing
 * fails the load.
 */
export async function loadDataset(
  db: Database,
  source: DatasetSource,
  onProgress?: (p: LoadProgress) => void,
  imported: readonly string[] = [],
): Promise<DatasetDescription & { failed: FailedFile[] }> {
  const description = JSON.parse(new TextDecoder().decode(await source.fetch('dataset.json'))) as DatasetDescription;
  if (description.schema_version !== DATASET_SCHEMA_VERSION)
    throw new Error(`数据集（dataset.json）的格式版本是 ${description.schema_version ?? '未知'}，本站读取第 ${DATASET_SCHEMA_VERSION} 版：请用本站同一版本的 npm run ingest 重新生成数据集。`);
  const isReports = (name: string) => DATASET_FILES.logical(name) === DATASET_FILES.reports;
  const files = [...description.files].sort((a, b) => Number(isReports(b.name)) - Number(isReports(a.name)));
  const total = files.reduce((n, f) => n + f.bytes, 0);
  let loaded = 0;
  let cellsLoaded = false;
  // Each file is prepared while DuckDB's worker inserts the one before.
  let inserting: Promise<void> = Promise.resolve();
  onProgress?.({ loaded, total, step: files[0]?.name ?? 'done' });
  const failed: FailedFile[] = [];
  for (const file of files) {
    const cells = DATASET_FILES.cellsPattern.exec(file.name);
    let ipc: Uint8Array;
    try {
      ipc = await source.prepare(file.name, await source.fetch(file.name));
    } catch (e) {
      if (cells) {
        failed.push({ name: file.name, year: Number(cells[1]), reason: (e as Error).message });
        loaded += file.bytes;
        continue;
      }
      await inserting.catch(() => {}); // this file's error is the one reported; the insert in flight ends first
      throw e;
    }
    const name = cells ? 'cell_values' : DATASET_FILES.logical(file.name).replace(/\.parquet$/, '');
    await inserting;
    const append = !!cells && cellsLoaded;
    if (cells) cellsLoaded = true;
    inserting = db.insertArrowIPC(name, ipc, append).then(() => {
      loaded += file.bytes;
      onProgress?.({ loaded, total, step: file.name });
    });
    // Its failure is reported where it is awaited (next turn or after the loop), not as unhandled meanwhile.
    inserting.catch(() => {});
  }
  await inserting;
  if (failed.length === files.filter((f) => DATASET_FILES.cellsPattern.test(f.name)).length && failed.length > 0)
    throw new Error(`数据集的单元格文件都无法读取（${failed.map((f) => f.name).join('、')}：${failed[0].reason}）`);
  // A year without its cells is left out whole: no page shows its reports with no figures.
  if (failed.length > 0) await db.query(`DELETE FROM reports WHERE year IN (${failed.map((f) => Math.trunc(f.year)).join(', ')})`);
  await markImported(db, imported);
  await deriveTables(db);
  onProgress?.({ loaded: total, total, step: 'done' });
  return { ...description, failed };
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

import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { CarryFacts } from '../checks';
import { DATASET_FILES, DatasetBuilder } from '../dataset';
import { datasetJobs, describedDataset, hashedFile, type HashedFile, type ListedFile } from '../dataset/files';
import { BINARY_FORMATS, parseManifest } from '../reader';
import { CELL_STATES, type CellState, type RuleId } from '../template';
import { stageFile, withStaging, writeDatasetAtomically } from './atomic';
import { CellSpill } from './cell-spill';
import { SharedStrings } from './shared-strings';
import { fileSystemError, IngestError, withLock } from './lock';
import { collectFiles } from './collect';
import { handledLater, IngestPool, workOf } from './pool';
import type { FileTask } from './process-file';
import type { SourceFolders } from './sources';

export interface IngestOptions {
  inputs: string[];
  manifest?: string;
  out: string;
  /** Worker threads for parsing; default: one per core. */
  threads?: number;
  /** Write each report's text to sources/ (DATASET_FILES.source); default true. */
  sources?: boolean;
  /** Files read of all files, then Parquet files written of all to write. */
  onProgress?: (done: number, total: number, stage: IngestStage) => void;
  onFailure?: (failure: FileFailure) => void;
  /** When the dataset counts as built (dataset.json's built_at, the site's 数据截至); default: now. */
  builtAt?: Date;
}

export type IngestStage = 'reading' | 'writing';

export interface FileFailure {
  file: string;
  reason: string;
}

export interface IngestSummary {
  files: number;
  reports: number;
  failures: FileFailure[];
  cellsByState: Record<CellState, number>;
  findingsByRule: Partial<Record<RuleId, number>>;
  out: string;
  /** The dataset's files, as written; empty when nothing was written. */
  written: string[];
}

/** Ingest report files into the Parquet dataset. A failing file is recorded and the others go on. */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  // An unset shell variable (--out "$OUT") must not turn the current folder into a dataset.
  if (!options.out.trim()) throw new IngestError('输出文件夹为空：请用 --out 指定写入数据集的文件夹（empty output path）');
  if (resolve(options.out) === resolve('/')) throw new IngestError('不能把数据集写入根目录 /：请用 --out 指定一个文件夹（refusing to write into /）');
  IngestPool.prepare();
  const manifestPath = options.manifest ? resolve(options.manifest) : null;
  const manifest = manifestPath ? { dir: dirname(manifestPath), entries: parseManifest(await readManifest(manifestPath), options.manifest) } : null;
  // A manifest tells how many files there are: the threads start while they are listed.
  const work = (names: Iterable<string>) => [...names].reduce((n, name) => n + workOf(name), 0);
  const early = manifest ? handledLater(IngestPool.start(work(manifest.entries.keys()), options.threads)) : null;
  const files = await collectFiles(options.inputs, manifest).catch(async (e) => {
    await early?.then((pool) => pool.close(), () => {});
    throw e;
  });
  const tasks = files.map((file) => ({ file, manifest: manifest?.entries.get(file.name) }));
  const out = resolve(options.out);
  const filesWork = work(files.map((f) => f.name));
  const fileCount = files.length;
  // Only the tasks are needed from here, and readAll lets them go once read: at a million files, half a gigabyte.
  files.length = 0;
  manifest?.entries.clear();
  let pool = await (early ?? IngestPool.start(filesWork, options.threads));
  if (!pool.parallel) pool = await IngestPool.start(filesWork, options.threads);
  try {
    await mkdir(out, { recursive: true }).catch((e) => {
      throw fileSystemError(e, out);
    });
    return await withLock(out, () => withStaging(out, async (staging) => {
      const spill = new CellSpill(staging);
      try {
        const sourceFolders = options.sources === false ? undefined : { dataset: out, staging };
        if (sourceFolders) await mkdir(join(staging, DATASET_FILES.sources));
        const read = await readAll(pool, tasks, options, spill, sourceFolders);
        const summary: IngestSummary = { files: fileCount, reports: read.builder.size, failures: read.failures, cellsByState: read.cellsByState, findingsByRule: {}, out, written: [] };
        if (read.builder.size > 0) summary.written = await writeDataset(pool, read, staging, summary, options);
        return summary;
      } finally {
        spill.close();
        // Before the staging folder is removed: after a failure, the other threads may still be staging sources.
        await pool.close();
      }
    }));
  } catch (e) {
    throw fileSystemError(e, out);
  } finally {
    await pool.close();
  }
}

async function readManifest(path: string): Promise<Uint8Array> {
  return readFile(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') throw new IngestError(`清单文件不存在：${path}（manifest not found）`);
    if (e.code === 'EISDIR') throw new IngestError(`清单应是一个 CSV 文件，${path} 是文件夹（manifest is a folder）`);
    throw fileSystemError(e, path);
  });
}

interface ReadFiles {
  builder: DatasetBuilder;
  carry: CarryFacts[];
  failures: FileFailure[];
  cellsByState: Record<CellState, number>;
  /** The staged or kept source files the dataset refers to (empty without sources). */
  sources: Set<string>;
  withSources: boolean;
}

async function readAll(pool: IngestPool, tasks: FileTask[], options: IngestOptions, cells: CellSpill, sourceFolders?: SourceFolders): Promise<ReadFiles> {
  const read: ReadFiles = { builder: new DatasetBuilder(cells, tasks.length), carry: [], failures: [], cellsByState: {} as Record<CellState, number>, sources: new Set(), withSources: !!sourceFolders };
  const stateCounts = new Float64Array(CELL_STATES.length);
  const strings = new SharedStrings();
  let done = 0;
  await pool.processFiles(
    tasks,
    (result) => {
      if (result.ok) {
        strings.share(result.packed.report, result.carry);
        read.builder.add(result.packed);
        read.carry.push(result.carry);
        const { packed, start, count } = result.packed.cells;
        for (let i = start; i < start + count; i++) stateCounts[packed.state[i]]++;
        if (sourceFolders) {
          const { sha256, format } = result.packed.report.source;
          read.sources.add(DATASET_FILES.source(sha256));
          if (BINARY_FORMATS.has(format)) read.sources.add(DATASET_FILES.original(sha256, format));
        }
      } else {
        read.failures.push({ file: result.file, reason: result.reason });
        options.onFailure?.({ file: result.file, reason: result.reason });
      }
      options.onProgress?.(++done, tasks.length, 'reading');
    },
    sourceFolders,
  );
  tasks.length = 0;
  read.failures.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  CELL_STATES.forEach((state, i) => (read.cellsByState[state] = stateCounts[i]));
  return read;
}

/**
 * The checks across reports, the Parquet files and the descriptions, written
 * into summary.out; returns the names written. Each file is written into
 * staging as it is made and its bytes let go: together they are hundreds of
 * MB at a million reports.
 */
async function writeDataset(pool: IngestPool, read: ReadFiles, staging: string, summary: IngestSummary, { onProgress, builtAt = new Date() }: IngestOptions): Promise<string[]> {
  const staged = ({ name, bytes, sha256 }: HashedFile): ListedFile => {
    stageFile(staging, name, bytes);
    return { name, sha256, size: bytes.length };
  };
  const dataset = datasetJobs(read.builder, read.carry, staged);
  read.carry.length = 0; // checked: let go before the files are written
  let written = 0;
  onProgress?.(written, dataset.jobs.length, 'writing');
  const parquet = await pool.writeParquet(
    dataset.jobs.map(({ job }) => job),
    (i, bytes) => {
      onProgress?.(++written, dataset.jobs.length, 'writing');
      return staged(hashedFile(dataset.jobs[i].name, bytes));
    },
  );
  const { files, findings } = describedDataset(read.builder, dataset, parquet, read.withSources, builtAt);
  for (const f of findings) summary.findingsByRule[f.rule] = (summary.findingsByRule[f.rule] ?? 0) + 1;
  // The listed files are in staging already: only dataset.json and the prepared first view are written here.
  await writeDatasetAtomically(summary.out, staging, files, read.sources);
  return files.map((f) => f.name);
}

import pdfiumWasm from '@embedpdf/pdfium/pdfium.wasm?url';
import type { DatasetFile } from '../dataset/files';
import { parquetWasmUrl } from '../db/parquet-wasm';
import type { PdfAssets } from '../reader/pdf';
import { DATASET_FILES } from '../dataset/schema';
import { reportInFolder } from '../reader/file-names';
import type { ManifestEntry } from '../reader/types';
import type { ImportFile, ImportRequest, ImportResponse, ReadSummary } from './protocol';
import { datasetKey, originalKey, type ImportedReport, type ImportState, type ImportStore } from './store';

/** A file the user chose: its path as picked (a folder's files with their folder) and its bytes. */
export interface PickedFile {
  path: string;
  file: File;
}

export interface Progress {
  done: number;
  total: number;
  step: 'reading' | 'writing';
}

/**
 * The files chosen → the files to read, with what a manifest.csv among them
 * says of each (its paths are relative to its own folder, as for the command
 * line). A manifest that cannot be used throws its own clear message.
 */
export async function withManifest(
  picked: readonly PickedFile[],
): Promise<{ files: { path: string; name: string; file: File; entry?: ManifestEntry }[]; manifest: string | null; skipped: number; unlisted: string[] }> {
  const manifest = picked.find((p) => /(^|\/)manifest\.csv$/i.test(p.path));
  const folder = manifest ? manifest.path.slice(0, manifest.path.length - 'manifest.csv'.length) : '';
  // The manifest's reader (a CSV parser) is fetched only by an import that has one.
  const entries = manifest ? (await import('../reader/manifest')).parseManifest(new Uint8Array(await manifest.file.arrayBuffer()), manifest.path) : null;
  const named = picked
    .filter((p) => p !== manifest)
    .map((p) => {
      const name = folder && p.path.startsWith(folder) ? p.path.slice(folder.length) : p.path;
      return { path: p.path, name, file: p.file, entry: entries?.get(name) };
    });
  // As the command line walks a folder: a folder's other files (pictures, spreadsheets, hidden files) are passed over, unless the manifest lists them.
  const files = named.filter((f) => !f.path.includes('/') || f.entry || reportInFolder(f.path));
  // What the manifest lists but was not chosen (the command line says 文件不存在 for each).
  const chosen = new Set(named.map((f) => f.name));
  const unlisted = [...(entries?.keys() ?? [])].filter((name) => !chosen.has(name));
  return { files, manifest: manifest?.path ?? null, skipped: named.length - files.length, unlisted };
}

/** A running job in the import worker: its results as they come, stopped by cancel() (the worker ends; nothing is kept). */
export interface WorkerJob<T> {
  done: Promise<T>;
  cancel: () => void;
}

/** The PDF engine's .wasm as the site serves it (an asset of the build). */
function pdfAssets(): PdfAssets {
  return { wasm: new URL(pdfiumWasm, location.href).href };
}

type Request = ImportRequest extends infer R ? (R extends unknown ? Omit<R, 'pdfAssets' | 'parquetWasm'> : never) : never;

/**
 * A job in a new worker. The files' bytes (and the site's) are handed over,
 * not copied: the caller passes bytes it does not use again.
 */
function run<T>(request: Request, on: (message: ImportResponse) => T | undefined): WorkerJob<T> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  let settle: { resolve: (value: T) => void; reject: (e: Error) => void };
  const done = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  const end = () => worker.terminate();
  worker.onmessage = ({ data }: MessageEvent<ImportResponse>) => {
    if (data.type === 'error') {
      end();
      settle.reject(new Error(data.message));
      return;
    }
    const result = on(data);
    if (result !== undefined) {
      end();
      settle.resolve(result);
    }
  };
  worker.onerror = (e) => {
    end();
    settle.reject(new Error(`读取报告的后台线程无法运行（${e.message || '脚本无法加载'}）：请检查浏览器或安全软件是否拦截了 Web Worker`));
  };
  const transfer = [...request.files, ...(request.type === 'build' ? request.site : [])].map((f) => f.bytes.buffer as ArrayBuffer);
  worker.postMessage({ ...request, pdfAssets: pdfAssets(), parquetWasm: parquetWasmUrl() }, transfer);
  return { done, cancel: () => {
    end();
    settle.reject(new DOMException('已取消', 'AbortError'));
  } };
}

/** Read the files (reader and each report's own checks), each file's result told as it comes. */
export function readFiles(files: ImportFile[], full: boolean, onResult: (r: ReadSummary) => void, onProgress: (p: Progress) => void): WorkerJob<true> {
  let left = files.length;
  return run<true>({ type: 'read', files, full }, (message) => {
    if (message.type === 'progress') onProgress(message);
    if (message.type !== 'file') return undefined;
    onResult(message.result);
    return --left === 0 ? true : undefined;
  });
}

/** The files of the dataset the site serves (the built-in data), or none when it has no dataset. */
async function siteDataset(fetchSite: (name: string) => Promise<Uint8Array>): Promise<{ files: DatasetFile[]; base: string; sources: boolean }> {
  let description: { files: { name: string }[]; sources?: boolean };
  try {
    description = JSON.parse(new TextDecoder().decode(await fetchSite(DATASET_FILES.description)));
  } catch {
    return { files: [], base: '', sources: true };
  }
  // Not the page's own files (body years and groups): the joined dataset's are summed anew.
  const files = await Promise.all(description.files.filter(({ name }) => !DATASET_FILES.pageOnly(name)).map(async ({ name }) => ({ name, bytes: await fetchSite(name) })));
  return { files, base: joinedTo(description), sources: description.sources ?? false };
}

/** What kept imports were joined to, told by the site's dataset.json (its files, each named by its content's hash). */
export function joinedTo(description: { files: unknown[] }): string {
  return JSON.stringify(description.files);
}

/** What a new import changes: the files read (with the entry each was read with, and the site's report each replaces), and the imported reports taken out. */
export interface Addition {
  reports: { item: ImportedReport; bytes: Uint8Array }[];
  /** Imported reports (report ids) taken out: removed, or replaced by a new one. */
  removed: string[];
}

/**
 * The dataset of the site's reports and every imported one (kept and new),
 * built in the worker and stored: the files an ingest of them all would write.
 */
export function buildAndStore(store: ImportStore, kept: ImportState | null, addition: Addition, fetchSite: (name: string) => Promise<Uint8Array>, onProgress: (p: Progress) => void): WorkerJob<ImportState> {
  let job: WorkerJob<DatasetFile[]> | null = null;
  let cancelled = false;
  const done = (async () => {
    const site = await siteDataset(fetchSite);
    const removed = new Set(addition.removed);
    const keptReports = (kept?.reports ?? []).filter((r) => !removed.has(r.reportId));
    const keptFiles = await Promise.all(
      keptReports.map(async (item) => {
        const bytes = await store.read(originalKey(item.sha256));
        if (!bytes) throw new Error(`${item.file}：浏览器存储中找不到这个文件，请全部移除后重新导入`);
        return { item, bytes };
      }),
    );
    const all = [...keptFiles, ...addition.reports];
    const replaced = [...new Set(all.flatMap((r) => (r.item.replaces ? [r.item.replaces] : [])))];
    if (cancelled) throw new DOMException('已取消', 'AbortError');
    if (all.length === 0) {
      const empty: ImportState = { base: site.base, reports: [], files: [] };
      await saved(store, empty, []);
      return empty;
    }
    // New files' bytes are stored after the build: the worker gets a copy of those; the kept ones it takes over.
    const files: ImportFile[] = [
      ...keptFiles.map(({ item, bytes }) => ({ name: item.file, bytes, entry: item.entry ?? undefined })),
      ...addition.reports.map(({ item, bytes }) => ({ name: item.file, bytes: bytes.slice(), entry: item.entry ?? undefined })),
    ];
    job = run<DatasetFile[]>({ type: 'build', site: site.files, files, replaced, withSources: site.sources }, (message) => {
      if (message.type === 'progress') onProgress(message);
      return message.type === 'built' ? message.files : undefined;
    });
    const built = await job.done;
    const state: ImportState = { base: site.base, reports: all.map((r) => r.item), files: built.map((f) => f.name) };
    await saved(store, state, [...built.map((f) => [datasetKey(f.name), f.bytes] as [string, Uint8Array]), ...addition.reports.map((r) => [originalKey(r.item.sha256), r.bytes] as [string, Uint8Array])]);
    return state;
  })();
  return {
    done,
    cancel: () => {
      cancelled = true;
      job?.cancel();
    },
  };
}

/** store.save, its failures in words: a full disk is the user's to solve. */
async function saved(store: ImportStore, state: ImportState, entries: [string, Uint8Array][]): Promise<void> {
  try {
    await store.save(state, entries);
  } catch (e) {
    if ((e as DOMException)?.name === 'QuotaExceededError')
      throw new Error('浏览器存储空间不足，导入的报告没有保存：请移除一些已导入的报告，或清理浏览器存储后重试（已导入的数据未改变）');
    throw new Error(`浏览器存储无法写入，导入的报告没有保存（已导入的数据未改变）：${(e as Error)?.message ?? String(e)}`);
  }
}

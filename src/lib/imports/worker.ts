/**
 * The browser's ingest, in a Web Worker so that the page stays responsive:
 * the same reader, checks and dataset code as `npm run ingest`. Stopping an
 * import ends this worker; nothing is kept until the page stores the result.
 */
import initParquet from 'parquet-wasm/esm';
import { fromParquet } from '../dataset/parquet';
import { readBack } from '../dataset/read-back';
import { DATASET_FILES } from '../dataset/schema';
import { buildDataset } from './build';
import { ownFindings, type CheckedReport } from './merge';
import type { ImportRequest, ImportResponse, ReadSummary } from './protocol';
import { readImport, type ImportRead } from './read';

let parquetReady: Promise<unknown> | null = null;
const post = (message: ImportResponse) => self.postMessage(message);

function summary(index: number, read: ImportRead, full: boolean): ReadSummary {
  if (read.status === 'failed') return { ...read, index };
  if (read.status === 'needs_meta') {
    const { report, findings, ...rest } = read;
    return { ...rest, index, ...(full ? { full: { report, findings } } : {}) };
  }
  const { report, findings } = read;
  return {
    index,
    status: 'read',
    file: read.file,
    sha256: read.sha256,
    bytes: read.bytes,
    reportId: report.id,
    body: report.body,
    year: report.year,
    format: report.source.format,
    template: report.template,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    findings: findings.length,
    ...(full ? { full: { report, findings } } : {}),
  };
}

async function readFiles({ files, full, pdfAssets }: Extract<ImportRequest, { type: 'read' }>): Promise<void> {
  for (const [index, file] of files.entries()) {
    post({ type: 'file', result: summary(index, await readImport(file.name, file.bytes, file.entry, pdfAssets), full) });
    post({ type: 'progress', done: index + 1, total: files.length, step: 'reading' });
  }
}

async function build({ site, files, replaced, withSources, pdfAssets, parquetWasm }: Extract<ImportRequest, { type: 'build' }>): Promise<void> {
  await (parquetReady ??= initParquet({ module_or_path: parquetWasm }));
  const table = (logical: string) => {
    const file = site.find((f) => DATASET_FILES.logical(f.name) === logical);
    if (!file) throw new Error(`本站数据集缺少 ${logical}`);
    return fromParquet(file.bytes);
  };
  const existing = site.length > 0 ? ownFindings(readBack(table(DATASET_FILES.reports), table(DATASET_FILES.findings), site.filter((f) => DATASET_FILES.cellsPattern.test(f.name)).map((f) => fromParquet(f.bytes)))) : [];
  const imported: CheckedReport[] = [];
  const sources = [];
  for (const [index, file] of files.entries()) {
    const read = await readImport(file.name, file.bytes, file.entry, pdfAssets);
    if (read.status !== 'read') throw new Error(`${file.name}：${read.status === 'failed' ? read.reason : read.message}`);
    imported.push(read);
    sources.push({ sha256: read.sha256, format: read.report.source.format, text: read.text, original: read.original });
    post({ type: 'progress', done: index + 1, total: files.length, step: 'reading' });
  }
  post({ type: 'progress', done: 0, total: 1, step: 'writing' });
  const built = await buildDataset(existing, imported, new Set(replaced), withSources ? sources : null);
  post({ type: 'built', files: built });
}

self.onmessage = async ({ data }: MessageEvent<ImportRequest>) => {
  try {
    if (data.type === 'read') await readFiles(data);
    else await build(data);
  } catch (e) {
    post({ type: 'error', message: (e as Error)?.message ?? String(e) });
  }
};

import type { DatasetFile } from '../dataset/files';
import type { PdfAssets } from '../reader/pdf';
import type { ManifestEntry, ParsedReport } from '../reader/types';
import type { Finding } from '../template';
import type { ImportRead } from './read';

/** A file to read: its path (relative to a manifest's folder when there is one) and bytes; entry: what a manifest or the user says of it. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
  entry?: ManifestEntry;
}

/** A file's reading as the page is told it: the report itself only when asked for (年报自查). */
export type ReadSummary =
  | (Extract<ImportRead, { status: 'failed' }> & { index: number })
  | (Omit<Extract<ImportRead, { status: 'needs_meta' }>, 'report' | 'findings'> & { index: number; full?: { report: ParsedReport; findings: Finding[] } })
  | {
      index: number;
      status: 'read';
      file: string;
      sha256: string;
      bytes: number;
      reportId: string;
      body: string;
      year: number;
      format: string;
      template: string;
      errors: number;
      warnings: number;
      findings: number;
      /** The report and its findings, for 年报自查. */
      full?: { report: ParsedReport; findings: Finding[] };
    };

/**
 * Every request carries where the site serves the PDF engine's .wasm and the
 * Parquet decoder's (the worker knows neither the site's base path nor the
 * page's asset names).
 */
export type ImportRequest = { pdfAssets: PdfAssets; parquetWasm: string } & (
  | { type: 'read'; files: ImportFile[]; full: boolean }
  /** The dataset for the site's files plus these imported ones (read again, as the ingest reads them), the replaced reports left out. */
  | { type: 'build'; site: DatasetFile[]; files: ImportFile[]; replaced: string[]; withSources: boolean }
);

export type ImportResponse =
  | { type: 'file'; result: ReadSummary }
  | { type: 'progress'; done: number; total: number; step: 'reading' | 'writing' }
  | { type: 'built'; files: DatasetFile[] }
  | { type: 'error'; message: string };

import type { Cell, Finding, TemplateVersion } from '../template';

export type SourceFormat = 'text' | 'html' | 'pdf' | 'docx' | 'doc';
/** How a text file was encoded; 'binary' for PDF and Word files, which carry their own. */
export type SourceEncoding = 'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be' | 'binary';
export type Origin = 'real' | 'synthetic';

/** What a manifest row says of one file (all but file, body and year optional). */
export interface ManifestEntry {
  file: string;
  body: string;
  year: number;
  region: string | null;
  level: string | null;
  kind: string | null;
  origin: Origin;
}

export interface SourceInfo {
  /** The file's name as given (relative to the manifest's folder or the ingest root). */
  file: string;
  sha256: string;
  bytes: number;
}

export interface ParsedReport {
  id: string;
  body: string;
  year: number;
  region: string | null;
  level: string | null;
  kind: string | null;
  origin: Origin;
  /** Whether body and year came from a manifest or were read off the text. */
  metaSource: 'manifest' | 'detected';
  template: TemplateVersion;
  source: SourceInfo & { format: SourceFormat; encoding: SourceEncoding };
  /** Every template cell of either version, in template order (see TEMPLATE_CELLS). */
  cells: Cell[];
  /** The report's prose, for the NARRATIVE rule. */
  prose: string;
  /** What the reader met: missing tables, ambiguous rows, unreadable cells. */
  findings: Finding[];
}

export type ReportErrorCode =
  | 'empty'
  | 'binary'
  | 'encoding'
  | 'too_large'
  | 'not_a_report'
  | 'no_metadata'
  /** A PDF, Word or zip file that is damaged or cut short. */
  | 'corrupt'
  /** A file that needs a password to open. */
  | 'encrypted'
  /** A PDF of page images with no text layer. */
  | 'scanned'
  /** A known format this reader does not take (a spreadsheet, an image…). */
  | 'unsupported'
  /** The PDF engine (pdfium.wasm) could not be loaded: the site, not the file, is at fault. */
  | 'unavailable';

/** A file that cannot be read as a report; the message says why, in words a user can act on. */
export class ReportError extends Error {
  constructor(
    readonly code: ReportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReportError';
  }
}

/** Formats read from a binary file (the original is kept beside the text read from it). */
export const BINARY_FORMATS: ReadonlySet<SourceFormat> = new Set(['pdf', 'docx', 'doc']);

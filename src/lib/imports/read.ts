import { checkReport } from '../checks';
import { sha256Hex } from '../dataset/files';
import { BINARY_FORMATS, MetadataMissing, readReport, ReportError, type ManifestEntry, type ParsedReport, type PdfAssets } from '../reader';
import type { Finding } from '../template';

/** What body and year a user gives a report by hand (the command line's --body and --year). */
export interface GivenMeta {
  body: string;
  year: number;
}

/** One file's reading in the browser, as the command line's ingest reads it. */
export type ImportRead =
  | { status: 'read'; file: string; sha256: string; bytes: number; report: ParsedReport; findings: Finding[]; text: string; original: Uint8Array | null }
  /** Read whole, but the text does not tell body or year: what it does tell, to fill the form with. */
  | { status: 'needs_meta'; file: string; sha256: string; bytes: number; missing: ('body' | 'year')[]; body: string | null; year: number | null; message: string; report: ParsedReport; findings: Finding[] }
  | { status: 'failed'; file: string; reason: string };

/** The manifest entry a hand-given body and year make (what `parse --body --year` makes). */
export function givenEntry(file: string, given: GivenMeta, listed?: ManifestEntry): ManifestEntry {
  return { file, body: given.body, year: given.year, region: listed?.region ?? null, level: listed?.level ?? null, kind: listed?.kind ?? null, origin: listed?.origin ?? 'real' };
}

/**
 * A file → its report and the report's own findings (checkReport), or the
 * reason it cannot be read, in the command line's words. No error escapes:
 * whatever the file holds, the result says what became of it.
 */
export async function readImport(file: string, bytes: Uint8Array, entry?: ManifestEntry, pdfAssets?: PdfAssets): Promise<ImportRead> {
  let sha256: string;
  try {
    sha256 = sha256Hex(bytes);
    const { report, text } = await readReport({ bytes, source: { file, sha256, bytes: bytes.length }, manifest: entry, pdfAssets });
    return { status: 'read', file, sha256, bytes: bytes.length, report, findings: checkReport(report), text, original: BINARY_FORMATS.has(report.source.format) ? bytes : null };
  } catch (e) {
    if (e instanceof MetadataMissing) {
      const { report, missing } = e;
      return { status: 'needs_meta', file, sha256: sha256!, bytes: bytes.length, missing, body: missing.includes('body') ? null : report.body, year: missing.includes('year') ? null : report.year, message: e.message, report, findings: checkReport(report) };
    }
    if (e instanceof ReportError) return { status: 'failed', file, reason: e.message };
    return { status: 'failed', file, reason: `读取时出错（internal error）：${(e as Error)?.message ?? String(e)}` };
  }
}

import type { Block } from './blocks';
import { decodeReport, MAX_REPORT_BYTES, tooLarge, decodeUtf8, type Utf8Decoder } from './decode';
import { docBlocks } from './doc-blocks';
import { docxBlocks } from './docx-blocks';
import { pdfBlocks, type PdfAssets } from './pdf';
import { parseBlocks, parseDecoded } from './report';
import { ReportError, type ManifestEntry, type ParsedReport, type SourceFormat, type SourceInfo } from './types';

/** What a file is, told by its first bytes, never by its name. */
export type FileKind = 'pdf' | 'zip' | 'ole' | 'text';

export function sniffFormat(bytes: Uint8Array): FileKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  // The PDF header may follow a few bytes of junk (a server's BOM, a mail gateway's line).
  const end = Math.min(bytes.length, 1024) - 5;
  for (let i = bytes.indexOf(0x25); i !== -1 && i <= end; i = bytes.indexOf(0x25, i + 1)) {
    if (bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return 'pdf';
  }
  return 'text';
}

export interface ReadInput {
  bytes: Uint8Array;
  source: SourceInfo;
  /** What a manifest says of this file; without it, body and year are read off the text. */
  manifest?: ManifestEntry;
  /** Where the PDF engine's .wasm is (the browser; Node finds it itself). */
  pdfAssets?: PdfAssets;
  /** A faster UTF-8 decoder where there is one (Node). */
  utf8?: Utf8Decoder;
}

export interface ReadResult {
  report: ParsedReport;
  /** The text the report was read from (text, HTML), or a text rendering of what was read (PDF, Word). */
  text: string;
}

/** Any report file → its report: text and HTML as decoded text, PDF and Word through their readers into the same blocks. */
export async function readReport({ bytes, source, manifest, pdfAssets, utf8 = decodeUtf8 }: ReadInput): Promise<ReadResult> {
  if (bytes.length === 0) throw new ReportError('empty', '文件为空（empty file）');
  if (bytes.length > MAX_REPORT_BYTES) throw tooLarge(bytes.length);
  const kind = sniffFormat(bytes);
  if (kind === 'text') {
    const decoded = decodeReport(bytes, utf8);
    return { report: parseDecoded({ decoded, source, manifest }), text: decoded.text };
  }
  const { blocks, format } = await binaryBlocks(kind, bytes, pdfAssets, utf8);
  return { report: parseBlocks({ blocks, format, encoding: 'binary', source, manifest }), text: blocksText(blocks) };
}

async function binaryBlocks(kind: Exclude<FileKind, 'text'>, bytes: Uint8Array, pdfAssets: PdfAssets | undefined, utf8: Utf8Decoder): Promise<{ blocks: Block[]; format: SourceFormat }> {
  if (kind === 'pdf') return { blocks: (await pdfBlocks(bytes, pdfAssets)).blocks, format: 'pdf' };
  if (kind === 'zip') return { blocks: docxBlocks(bytes, utf8), format: 'docx' };
  return { blocks: docBlocks(bytes), format: 'doc' };
}

/** Blocks as plain text: prose lines, and table rows with cells between '|' (the seeds' form), for reading the source beside the cells. */
export function blocksText(blocks: Block[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'text') lines.push(block.text);
    else {
      for (const row of block.rows) lines.push(row.map((c) => (c.carried ? '' : c.text)).join(' | '));
      lines.push('');
    }
  }
  return lines.join('\n');
}

import { ReportError, type SourceEncoding } from './types';

/** Reports larger than this are not annual reports (or embed media); refuse them with a reason. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Replacing = new TextDecoder('utf-8');
// GB18030 decodes all of GBK and its four-byte sequences too (Node's 'gbk' decoder refuses those).
const gbk = new TextDecoder('gb18030', { fatal: true });

/** The error for a file over MAX_REPORT_BYTES (callers that know the size check before reading). */
export function tooLarge(size: number): ReportError {
  return new ReportError('too_large', `文件过大：${(size / 1048576).toFixed(1)} MB，超过 ${MAX_REPORT_BYTES / 1048576} MB 上限（file too large for an annual report）`);
}

export interface DecodedReport {
  /** Without a leading BOM (the UTF-8 decoders drop it). */
  text: string;
  encoding: SourceEncoding;
}

/** Valid UTF-8 → its text without a leading BOM; anything else → null. */
export type Utf8Decoder = (bytes: Uint8Array) => string | null;

/**
 * Decoding that replaces bad bytes is a third faster than decoding that throws
 * on them: a text without a replacement character was valid UTF-8; with one,
 * the strict decoder decides. (Both drop a BOM.)
 */
export const decodeUtf8: Utf8Decoder = (bytes) => {
  const text = utf8Replacing.decode(bytes);
  if (!text.includes('\uFFFD')) return text;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
};

/**
 * Bytes → text. Government sites still publish GBK; decode it rather than
 * garble it. `utf8`: a faster decoder where there is one (Node). `sizeLimited`:
 * refuse more than a report can be (a manifest of a million reports is larger).
 */
export function decodeReport(bytes: Uint8Array, utf8 = decodeUtf8, sizeLimited = true): DecodedReport {
  if (bytes.length === 0) throw new ReportError('empty', '文件为空（empty file）');
  if (sizeLimited && bytes.length > MAX_REPORT_BYTES) throw tooLarge(bytes.length);
  const marked = utf16Encoding(bytes);
  if (marked) return decodeUtf16(bytes, marked);
  const known = knownFormat(bytes);
  if (known)
    throw new ReportError('unsupported', `这是${known}，不是可读取的报告：请提供网页（HTML）、PDF、Word（DOCX/DOC）或文本格式的年度报告（unsupported file type）`);
  const unmarked = utf16WithoutMark(bytes);
  if (unmarked) return decodeUtf16(bytes, unmarked);
  if (looksBinary(bytes)) throw new ReportError('binary', '不是文本或 HTML 文件（binary file: contains NUL or control bytes）');
  const text = utf8(bytes);
  if (text !== null) return { text, encoding: 'utf-8' };
  try {
    return { text: gbk.decode(bytes), encoding: 'gbk' };
  } catch {
    // A UTF-8 file cut short inside a character (a broken download): its text up to the cut.
    for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
      const before = utf8(bytes.subarray(0, bytes.length - cut));
      if (before !== null && bytes[bytes.length - cut] >= 0xc0) return { text: before, encoding: 'utf-8' };
    }
    throw new ReportError('encoding', '文本编码无法识别：既不是 UTF-8 也不是 GBK/GB18030（unknown text encoding）');
  }
}

/**
 * UTF-16 saved without its byte-order mark: every ASCII character (digits,
 * '|', line breaks) has a zero byte on the same side of each byte pair, and
 * most Chinese ones none, so zeros fall mostly on one side; and the text it
 * then reads as has no control characters.
 */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length % 2 !== 0) return null;
  const sample = bytes.subarray(0, 8192);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? odd++ : even++;
  const pairs = sample.length / 2;
  const side = odd >= pairs * 0.05 && even <= odd / 2 ? 'utf-16le' : even >= pairs * 0.05 && odd <= even / 2 ? 'utf-16be' : null;
  if (!side) return null;
  // Only if it then reads as text: no control characters but tabs and line breaks.
  try {
    return /[\u0000-\u0008\u000e-\u001f]/.test(new TextDecoder(side, { fatal: true }).decode(sample.subarray(0, sample.length & ~1))) ? null : side;
  } catch {
    return null;
  }
}

/** Image, archive and document formats people send instead of a report, by their first bytes: named, so the message says what to do. */
const KNOWN_FORMATS: [number[], string][] = [
  [[0xff, 0xd8, 0xff], 'JPEG 图片'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG 图片'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF 图片'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR 压缩包'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z 压缩包'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'RTF 文档'],
];

function knownFormat(bytes: Uint8Array): string | null {
  for (const [magic, name] of KNOWN_FORMATS) if (magic.every((b, i) => bytes[i] === b)) return name;
  return null;
}

/** Windows Notepad saves “Unicode” as UTF-16 with a byte-order mark (its NUL bytes would look binary). */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedReport {
  try {
    // The decoder drops the byte-order mark.
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    throw new ReportError('encoding', `文本以 ${encoding.toUpperCase()} 字节序标记开头，但内容无法按 ${encoding.toUpperCase()} 解码（damaged UTF-16 text）`);
  }
}

/** NUL in the first 8 KiB (as git decides), or more than 1 % control bytes in the first 1 KiB. */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.subarray(0, 8192).indexOf(0) !== -1) return true;
  const sample = bytes.subarray(0, 1024);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > sample.length * 0.01;
}

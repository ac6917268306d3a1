// In the site, the browser build of the same parser (vite.config.ts).
import { parse } from 'csv-parse/sync';
import { REPORT_KINDS, reportKind } from '../template';
import { decodeReport } from './decode';
import type { ManifestEntry, ReportError } from './types';

const REQUIRED = ['file', 'body', 'year'] as const;

export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

/**
 * A manifest CSV (header row; file,body,year required; region,level,kind,origin
 * optional) → entries keyed by file, as written (relative to the manifest's
 * folder). Bytes are decoded as reports are (UTF-8, GBK as Excel and WPS save
 * CSV on Chinese Windows, UTF-16 with a byte-order mark); anything a row says
 * that cannot be meant is refused with the row's number, never guessed.
 */
export function parseManifest(csv: string | Uint8Array, manifestName = 'manifest.csv'): Map<string, ManifestEntry> {
  let text: string;
  try {
    text = typeof csv === 'string' ? csv : decodeReport(csv, undefined, false).text;
  } catch (e) {
    if ((e as ReportError).code === 'empty') return new Map();
    throw new ManifestError(`${manifestName}：无法识别文件编码，请另存为 UTF-8 或 GBK 编码的 CSV（${(e as Error).message}）`);
  }
  const entries = new Map<string, ManifestEntry>();
  const lineOf = new Map<string, number>();
  const add = (r: Record<string, string>, line: number) => {
    if (line === 2) {
      const absent = REQUIRED.filter((c) => !(c in r));
      if (absent.length > 0) throw new ManifestError(`${manifestName}：缺少列 ${absent.join(', ')}（需要表头 file,body,year）`);
    }
    const at = `${manifestName} 第 ${line} 行`;
    const yearText = (r.year ?? '').normalize('NFKC').trim();
    const body = (r.body ?? '').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    if (!r.file || !body || !/^\d{4}$/.test(yearText) || Number(yearText) < 2000 || Number(yearText) > 2100)
      throw new ManifestError(`${at}：file、body 不能为空，year 须为四位年份（得到 “${r.year ?? ''}”）`);
    const origin = (r.origin || 'real').toLowerCase();
    if (origin !== 'real' && origin !== 'synthetic') throw new ManifestError(`${at}：origin 只能是 real 或 synthetic`);
    const kind = r.kind ? reportKind(r.kind) : null;
    if (r.kind && !kind)
      throw new ManifestError(`${at}：kind “${r.kind}” 无法识别，可用 ${REPORT_KINDS.map((k) => `${k.key}（${k.aliases.slice(0, 3).join('、')}）`).join('、')}，或留空`);
    const file = normalizePath(r.file);
    if (file === null) throw new ManifestError(`${at}：文件路径 “${r.file}” 须是清单所在文件夹内的相对路径（如 2023/公安厅.html）`);
    const entry: ManifestEntry = { file, body, year: Number(yearText), region: r.region || null, level: r.level || null, kind, origin };
    const earlier = entries.get(file);
    if (earlier && JSON.stringify(earlier) !== JSON.stringify(entry))
      throw new ManifestError(`${at}：文件 ${file} 已在第 ${lineOf.get(file)} 行列出，两行的机关或年度不同：请只保留一行`);
    entries.set(file, entry);
    lineOf.set(file, line);
  };
  try {
    // Each row taken as it is parsed, none kept as a record: a country's manifest is a million rows.
    parse(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      on_record: (record: Record<string, string>, { records }: { records: number }) => {
        add(record, records + 1);
        return null;
      },
    });
  } catch (e) {
    if (e instanceof ManifestError) throw e;
    throw new ManifestError(`${manifestName}：不是有效的 CSV（${(e as Error).message}）`);
  }
  return entries;
}

/**
 * A manifest's file path as a path inside its folder ('\\' as '/', './' and
 * 'a/../' resolved), or null for a path that leaves the folder or is absolute.
 */
export function normalizePath(file: string): string | null {
  const path = file.replaceAll('\\', '/');
  if (path.startsWith('/') || /^[a-z]:/i.test(path)) return null;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length > 0 ? parts.join('/') : null;
}

import { parse } from 'csv-parse/sync';
import type { ManifestEntry } from './types';

const REQUIRED = ['file', 'body', 'year'] as const;

export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

/**
 * A manifest CSV (header row; file,body,year required; region,level,kind,origin
 * optional) → entries keyed by file, as written (relative to the manifest's folder).
 */
export function parseManifest(csv: string, manifestName = 'manifest.csv'): Map<string, ManifestEntry> {
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), bom: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    throw new ManifestError(`${manifestName}：不是有效的 CSV（${(e as Error).message}）`);
  }
  const columns = records.length > 0 ? Object.keys(records[0]) : [];
  const absent = REQUIRED.filter((c) => !columns.includes(c));
  if (records.length > 0 && absent.length > 0) throw new ManifestError(`${manifestName}：缺少列 ${absent.join(', ')}（需要表头 file,body,year）`);
  const entries = new Map<string, ManifestEntry>();
  records.forEach((r, i) => {
    const line = i + 2;
    const year = Number(r.year);
    if (!r.file || !r.body || !Number.isInteger(year) || year < 2000 || year > 2100)
      throw new ManifestError(`${manifestName} 第 ${line} 行：file、body 不能为空，year 须为四位年份（得到 “${r.year ?? ''}”）`);
    const origin = (r.origin || 'real').toLowerCase();
    if (origin !== 'real' && origin !== 'synthetic') throw new ManifestError(`${manifestName} 第 ${line} 行：origin 只能是 real 或 synthetic`);
    entries.set(normalizePath(r.file), {
      file: normalizePath(r.file),
      body: r.body,
      year,
      region: r.region || null,
      level: r.level || null,
      kind: r.kind || null,
      origin,
    });
  });
  return entries;
}

export function normalizePath(file: string): string {
  return file.replaceAll('\\', '/').replace(/^\.\//, '');
}

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { demoCorpus, manifestLine, MANIFEST_HEADER, type CorpusFile, type CorpusOptions, type RealReport } from './corpus';
import { REAL_REPORTS } from './options';

/** data/published/published.json: what each pre-made file is, and the hash of the HTML it was made from. */
export interface PublishedIndex {
  seed: number;
  years: number[];
  reports: { file: string; body: string; year: number; html_sha256: string }[];
}

export const PUBLISHED_INDEX = 'published.json';

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The real reports of data/real, as the corpus takes them. */
export function realReports(dir: string): RealReport[] {
  return REAL_REPORTS.map(({ name, ...r }) => ({ ...r, file: `${r.year}/${name}`, content: readFileSync(join(dir, name)) }));
}

/** The pre-made PDF and DOCX reports of data/published (made by npm run demo-published). */
export function publishedReports(dir: string): NonNullable<CorpusOptions['published']> {
  const index = JSON.parse(readFileSync(join(dir, PUBLISHED_INDEX), 'utf8')) as PublishedIndex;
  const reports = index.reports.map((r) => ({
    body: r.body,
    year: r.year,
    format: r.file.endsWith('.pdf') ? ('pdf' as const) : ('docx' as const),
    content: readFileSync(join(dir, r.file)),
    htmlSha256: r.html_sha256,
  }));
  return { seed: index.seed, years: index.years, reports };
}

/** A pre-made file is made from the report as rendered now, or it is stale. */
function checkMadeFrom(f: CorpusFile): void {
  if (f.madeFrom && sha256(f.madeFrom.html) !== f.madeFrom.htmlSha256)
    throw new Error(
      `data/published 中 ${f.body.name} ${f.year} 年的 ${f.file.split('.').pop()} 已过时：它不是该报告现在渲染出的 HTML 做成的（src/lib/demo 或模板改过了）。` +
        `请运行 npm run demo-published 重新生成（the pre-made file is stale: run \`npm run demo-published\`）`,
    );
}

/**
 * Write the demo corpus into out (Node only): report files, manifest.csv and
 * defects.csv, staged beside out and renamed into place when complete.
 */
export function writeDemoCorpus(options: CorpusOptions, out: string, onFile?: (done: number) => void): { reports: number; defects: number } {
  const staging = `${out}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const manifest = [MANIFEST_HEADER];
  const defects = ['file,defect'];
  try {
    for (const f of demoCorpus(options)) {
      checkMadeFrom(f);
      mkdirSync(dirname(join(staging, f.file)), { recursive: true });
      writeFileSync(join(staging, f.file), f.content);
      manifest.push(manifestLine(f));
      if (f.defect) defects.push(`${f.file},${f.defect}`);
      onFile?.(manifest.length - 1);
    }
    writeFileSync(join(staging, 'manifest.csv'), `${manifest.join('\n')}\n`);
    writeFileSync(join(staging, 'defects.csv'), `${defects.join('\n')}\n`);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  rmSync(out, { recursive: true, force: true });
  renameSync(staging, out);
  return { reports: manifest.length - 1, defects: defects.length - 1 };
}

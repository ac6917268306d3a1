import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { demoCorpus, manifestLine, MANIFEST_HEADER, type CorpusOptions } from './corpus';

/**
 * Write the demo corpus into out (Node only): report files, manifest.csv and
 * defects.csv, staged beside out and renamed into place when complete.
 */
export function writeDemoCorpus(options: CorpusOptions, out: string, onFile?: (done: number) => void): { reports: number; defects: number } {
  const staging = `${out}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const manifest = [MANIFEST_HEADER];
  const defects = ['file,defect'];
  for (const f of demoCorpus(options)) {
    mkdirSync(dirname(join(staging, f.file)), { recursive: true });
    writeFileSync(join(staging, f.file), f.content);
    manifest.push(manifestLine(f));
    if (f.defect) defects.push(`${f.file},${f.defect}`);
    onFile?.(manifest.length - 1);
  }
  writeFileSync(join(staging, 'manifest.csv'), `${manifest.join('\n')}\n`);
  writeFileSync(join(staging, 'defects.csv'), `${defects.join('\n')}\n`);
  rmSync(out, { recursive: true, force: true });
  renameSync(staging, out);
  return { reports: manifest.length - 1, defects: defects.length - 1 };
}

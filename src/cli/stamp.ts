import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A hash of files and folders' contents (folders walked in name order) and extra values. */
export function inputsHash(paths: string[], extra: unknown = null): string {
  const hash = createHash('sha256').update(JSON.stringify(extra));
  const add = (path: string) => {
    if (!existsSync(path)) return hash.update(`missing:${path}`);
    if (statSync(path).isDirectory()) for (const entry of readdirSync(path).sort()) add(join(path, entry));
    else hash.update(path).update(readFileSync(path));
  };
  for (const path of paths) add(path);
  return hash.digest('hex');
}

/** Whether a step's outputs were made from these inputs (the stamp file records the inputs' hash). */
export function upToDate(stampFile: string, hash: string): boolean {
  return existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === hash;
}

export function stamp(stampFile: string, hash: string): void {
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${hash}\n`);
}

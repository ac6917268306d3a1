import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_FILES, fromParquet } from '../../src/lib/dataset';
import { readBack } from '../../src/lib/dataset/read-back';
import { DEMO_DEFAULTS } from '../../src/lib/demo/options';
import { publishedReports, realReports, writeDemoCorpus } from '../../src/lib/demo/write';
import { buildDataset } from '../../src/lib/imports/build';
import { ownFindings } from '../../src/lib/imports/merge';
import { readImport } from '../../src/lib/imports/read';
import { ingest } from '../../src/lib/ingest';
import { parseManifest } from '../../src/lib/reader';

const data = (dir: string) => fileURLToPath(new URL(`../../data/${dir}`, import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'import-merge-'));
const corpus = join(work, 'corpus');

/** Every file of a dataset folder (sources included) by name. */
function folderFiles(dir: string): Map<string, Uint8Array> {
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => !f.startsWith('.') && statSync(join(dir, f)).isFile());
  return new Map(names.sort().map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]));
}

/** An ingest of the corpus's files whose manifest lines `keep` selects. */
// Both builds at the same moment: dataset.json says when it was built.
const BUILT_AT = new Date('2026-03-01T08:00:00Z');

async function ingestOf(name: string, keep: (line: string) => boolean): Promise<string> {
  const [header, ...lines] = readFileSync(join(corpus, 'manifest.csv'), 'utf8').trim().split('\n');
  writeFileSync(join(corpus, `${name}.csv`), [header, ...lines.filter(keep)].join('\n'));
  const out = join(work, name);
  await ingest({ inputs: [], manifest: join(corpus, `${name}.csv`), out, threads: 1, builtAt: BUILT_AT });
  return out;
}

/** A dataset folder → its reports with their own findings, as the browser's import reads what the site serves. */
function existing(dir: string) {
  const files = JSON.parse(readFileSync(join(dir, DATASET_FILES.description), 'utf8')).files as { name: string }[];
  const table = (logical: string) => fromParquet(readFileSync(join(dir, files.find((f) => DATASET_FILES.logical(f.name) === logical)!.name)));
  const cells = files.filter((f) => DATASET_FILES.cellsPattern.test(f.name)).map((f) => fromParquet(readFileSync(join(dir, f.name))));
  return ownFindings(readBack(table(DATASET_FILES.reports), table(DATASET_FILES.findings), cells));
}

/** The files as the browser's import reads them, with their manifest lines. */
async function imported(files: string[]) {
  const manifest = parseManifest(readFileSync(join(corpus, 'manifest.csv')));
  const reads = await Promise.all(files.map((file) => readImport(file, new Uint8Array(readFileSync(join(corpus, file))), manifest.get(file))));
  return reads.map((r) => {
    if (r.status !== 'read') throw new Error(`${r.file}: ${r.status}`);
    return r;
  });
}

// 2025 of six bodies (their YEAR_CARRY against 2024 is made only when they join), a PDF and a DOCX,
// and a corrected edition of a report the site has (a DUPLICATE_REPORT across the two sets).
const IMPORTED_LINES = (line: string) => /^(2025\/b0000[0-5]\.|2023\/b00000\.pdf|2024\/b00010\.docx|extra\/)/.test(line);
const CORRECTED = { file: 'extra/b00002-2024-更正版.txt', from: '2024/b00002.txt' };
let built: string;
let all: string;
let importedFiles: string[];

beforeAll(async () => {
  writeDemoCorpus({ ...DEMO_DEFAULTS, bodies: 14, defectRate: 0.15, real: realReports(data('real')), published: publishedReports(data('published')) }, corpus);
  mkdirSync(join(corpus, 'extra'));
  // A corrected edition: one figure of the same report changed.
  writeFileSync(join(corpus, CORRECTED.file), readFileSync(join(corpus, CORRECTED.from), 'utf8').replace(/\| 0 \|/, '| 1 |'));
  const line = readFileSync(join(corpus, 'manifest.csv'), 'utf8').split('\n').find((l) => l.startsWith(`${CORRECTED.from},`))!;
  writeFileSync(join(corpus, 'manifest.csv'), `${readFileSync(join(corpus, 'manifest.csv'), 'utf8').trimEnd()}\n${line.replace(CORRECTED.from, CORRECTED.file)}\n`);
  importedFiles = readFileSync(join(corpus, 'manifest.csv'), 'utf8').trim().split('\n').slice(1).filter(IMPORTED_LINES).map((l) => l.split(',')[0]);
  built = await ingestOf('built-in', (line) => !IMPORTED_LINES(line));
  all = await ingestOf('all', () => true);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('reports imported in the browser, added to the dataset the site serves', () => {
  it('give the very files an ingest of all the reports writes: Parquet byte for byte, dataset.json, first view, sources', async () => {
    expect(importedFiles).toHaveLength(9);
    const reads = await imported(importedFiles);
    expect(new Set(reads.map((r) => r.report.source.format))).toEqual(new Set(['text', 'html', 'pdf', 'docx']));
    const files = await buildDataset(existing(built), reads, new Set(), reads.map((r) => ({ sha256: r.sha256, format: r.report.source.format, text: r.text, original: r.original })), BUILT_AT);
    const expected = folderFiles(all);
    // The browser writes the imported reports' sources; the built-in ones stay where the site serves them.
    const written = new Map([...[...folderFiles(built)].filter(([name]) => name.startsWith('sources/')), ...files.map((f) => [f.name, f.bytes] as const)]);
    expect([...written.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, bytes] of expected) expect(Buffer.from(written.get(name)!).equals(Buffer.from(bytes)), name).toBe(true);
    // The import's findings across the two sets are there: the corrected edition and the original are one body's two 2024 reports.
    const findings = fromParquet(files.find((f) => DATASET_FILES.logical(f.name) === DATASET_FILES.findings)!.bytes).toArray().map((r) => r.toJSON());
    expect(findings.filter((f) => f.rule === 'DUPLICATE_REPORT')).toHaveLength(1);
  });

  it('a report that replaces one of the site’s gives what an ingest without the replaced file writes', async () => {
    const site = existing(all);
    const replaced = site.find((r) => r.report.source.file === CORRECTED.from)!;
    const without = folderFiles(await ingestOf('without', (line) => !line.startsWith(`${CORRECTED.from},`)));
    const files = await buildDataset(site, [], new Set([replaced.report.id]), [], BUILT_AT);
    for (const f of files) expect(Buffer.from(f.bytes).equals(Buffer.from(without.get(f.name) ?? new Uint8Array())), f.name).toBe(true);
  });
});

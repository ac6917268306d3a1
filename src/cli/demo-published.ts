/**
 * npm run demo-published
 * Makes the demo corpus's PDF and DOCX reports once, the way government staff
 * make them: the report's HTML opened in a word processor (LibreOffice), saved
 * as DOCX, its tables fitted to the page and their rows kept whole at page
 * breaks, and exported to PDF. Writes them to
 * data/published with published.json (the hash of the HTML each was made from:
 * npm run demo-data checks it and asks for this script when the demo changes).
 * Needs LibreOffice: apt-get install -y libreoffice-writer-nogui
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { demoCorpus, type PublishedReport } from '../lib/demo/corpus';
import { DEMO_DEFAULTS } from '../lib/demo/options';
import { PUBLISHED_INDEX, realReports, sha256, type PublishedIndex } from '../lib/demo/write';
import { PUBLISHED_DIR, REAL_DIR } from './paths';

/** Reports of the default demo corpus published as files: both template versions, zeros written 0 and /, large and small bodies. */
const PUBLISHED: Pick<PublishedReport, 'body' | 'year' | 'format'>[] = [
  { body: '浙江省公安厅', year: 2019, format: 'pdf' },
  { body: '浙江省科学技术厅', year: 2022, format: 'pdf' },
  { body: '浙江省人民政府', year: 2023, format: 'pdf' },
  { body: '浙江省自然资源厅', year: 2020, format: 'docx' },
  { body: '浙江省财政厅', year: 2021, format: 'docx' },
  { body: '浙江省人力资源和社会保障厅', year: 2024, format: 'docx' },
];

/** A4 less Word's default margins, with room to spare (twips). */
const TEXT_WIDTH = 9000;

/**
 * Shrink a DOCX's tables to the page (as tests/fixtures/published/fit-tables.py):
 * LibreOffice keeps an HTML page's pixel widths, so its tables overflow A4.
 * One factor for the whole document, so nested tables shrink alike.
 */
function fitTables(xml: string): string {
  const grids = [...xml.matchAll(/<w:tblGrid>.*?<\/w:tblGrid>/gs)].map((g) => [...g[0].matchAll(/<w:gridCol w:w="(\d+)"/g)].reduce((n, m) => n + Number(m[1]), 0));
  const widest = Math.max(0, ...grids);
  if (widest <= TEXT_WIDTH) return xml;
  const k = TEXT_WIDTH / widest;
  const scale = (w: string) => String(Math.trunc(Number(w) * k));
  return xml
    .replace(/(<w:gridCol w:w=")(\d+)"/g, (_, a, w) => `${a}${scale(w)}"`)
    .replace(/(<w:(?:tcW|tblW|tblInd) w:w=")(\d+)(" w:type="dxa")/g, (_, a, w, b) => `${a}${scale(w)}${b}`);
}

/** Rows kept whole at a page break (Word's “allow row to break across pages” off, as report templates set it). */
function keepRowsWhole(xml: string): string {
  return xml.replace(/<w:tr>(?:<w:trPr>(.*?)<\/w:trPr>|<w:trPr\/>)?/g, (_, pr = '') => `<w:tr><w:trPr><w:cantSplit/>${pr}</w:trPr>`);
}

function soffice(dir: string, ...args: string[]): void {
  const run = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, ...args], { cwd: dir, encoding: 'utf8' });
  if (run.error) throw new Error(`soffice: ${run.error.message}（需要 LibreOffice：apt-get install -y libreoffice-writer-nogui）`);
  if (run.status !== 0) throw new Error(`soffice ${args.join(' ')} failed: ${run.stderr}`);
}

const work = mkdtempSync(join(tmpdir(), 'lo-demo-'));
try {
  const placeholders = PUBLISHED.map((p) => ({ ...p, content: new Uint8Array(), htmlSha256: '' }));
  const options = { ...DEMO_DEFAULTS, real: realReports(REAL_DIR), published: { seed: DEMO_DEFAULTS.seed, years: DEMO_DEFAULTS.years, reports: placeholders } };
  const index: PublishedIndex = { seed: DEMO_DEFAULTS.seed, years: DEMO_DEFAULTS.years, reports: [] };
  for (const f of demoCorpus(options)) {
    if (!f.madeFrom) continue;
    const name = f.file.replace('/', '-').replace(/\.\w+$/, '');
    const format = f.file.split('.').pop()!;
    writeFileSync(join(work, `${name}.html`), f.madeFrom.html);
    soffice(work, '--convert-to', 'docx:MS Word 2007 XML', `${name}.html`);
    const docx = join(work, `${name}.docx`);
    const entries = unzipSync(readFileSync(docx));
    entries['word/document.xml'] = strToU8(keepRowsWhole(fitTables(strFromU8(entries['word/document.xml']))));
    writeFileSync(docx, zipSync(entries));
    if (format === 'pdf') soffice(work, '--convert-to', 'pdf', `${name}.docx`);
    copyFileSync(join(work, `${name}.${format}`), join(PUBLISHED_DIR, `${name}.${format}`));
    index.reports.push({ file: `${name}.${format}`, body: f.body.name, year: f.year, html_sha256: sha256(f.madeFrom.html) });
    console.log(`${f.body.name} ${f.year} → ${PUBLISHED_DIR}/${name}.${format}`);
  }
  if (index.reports.length !== PUBLISHED.length) throw new Error(`only ${index.reports.length} of ${PUBLISHED.length} reports found in the demo corpus`);
  writeFileSync(join(PUBLISHED_DIR, PUBLISHED_INDEX), `${JSON.stringify(index, null, 2)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

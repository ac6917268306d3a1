/**
 * Import benchmark in headless Chromium over the built site: a folder of
 * 1,000 text and HTML reports (the demo generator's, with its manifest) chosen
 * on 导入报告 → every file read and checked (in the import worker) → added
 * (read again, joined to the site's reports, Parquet written, stored in
 * IndexedDB) → the dashboard's data loaded again. Prints each step's time and
 * the tab's peak memory (the resident memory of Chromium's renderer processes:
 * the page and its workers, sampled every 100 ms). Then a folder of 100 PDFs
 * (the 5-page report of bench:ingest, each under its own body) read and checked.
 *   npm run bench:import -- [reports]   (default 1000)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFixtureDataset } from '../tests/dataset-fixture';
import { engineReady, launch } from '../tests/e2e/browser';
import { serveSite } from '../tests/e2e/server';
import { DEMO_DEFAULTS } from '../src/lib/demo/options';
import { writeDemoCorpus } from '../src/lib/demo/write';
import { memoryPeak } from './browser-memory';

const wanted = Number(process.argv[2] ?? 1000);
const years = DEMO_DEFAULTS.years;
const work = mkdtempSync(join(tmpdir(), 'import-bench-'));
const corpus = join(work, 'reports');
// Bodies × years ≈ the reports wanted (the province's government is one body more).
writeDemoCorpus({ ...DEMO_DEFAULTS, bodies: Math.ceil(wanted / years.length) - 1, real: [] }, corpus);
rmSync(join(corpus, 'defects.csv'));
const reports = Number(execFileSync('sh', ['-c', `tail -n +2 ${join(corpus, 'manifest.csv')} | wc -l`], { encoding: 'utf8' }).trim());
const PDFS = 100;
const pdfFolder = join(work, 'pdfs');
mkdirSync(pdfFolder);
for (let i = 0; i < PDFS; i++) copyFileSync(new URL('../tests/fixtures/published/dept-2021.writer.pdf', import.meta.url), join(pdfFolder, `r${i}.pdf`));
writeFileSync(join(pdfFolder, 'manifest.csv'), ['file,body,year', ...Array.from({ length: PDFS }, (_, i) => `r${i}.pdf,基准机关${i},2022`)].join('\n') + '\n');

if (spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' }).status !== 0) throw new Error('vite build failed');
const site = await serveSite('build', await buildFixtureDataset());
const browser = await launch();

try {
  const page = await browser.newPage();
  await page.goto(`${site.url}/import/`);
  await engineReady(page);
  const memory = memoryPeak();
  // Times are the page's own, from the folder input's change event (not the driver's handing over of the files).
  await page.evaluate(() => document.addEventListener('change', (e) => ((window as unknown as { chosenAt: number }).chosenAt = e.timeStamp), { capture: true, once: true }));
  await page.locator('input[webkitdirectory]').setInputFiles(corpus);
  const pageTime = (condition: string) =>
    page.waitForFunction((c) => new Function(`return ${c}`)() && performance.now(), condition, { timeout: 600_000, polling: 'raf' }).then((h) => h.jsonValue() as Promise<number>);
  const read = await pageTime(`document.querySelectorAll('tr[data-status]').length > 0 && !document.querySelector('tr[data-status="waiting"]') && !document.querySelector('progress[aria-label="导入进度"]')`);
  const start = await page.evaluate(() => (window as unknown as { chosenAt: number }).chosenAt);
  // The site's own reports of the same bodies and years (the fixture's few): both kept.
  for (const choice of await page.getByLabel('都保留（标为重复报告）').all()) await choice.check();
  const failed = await page.locator('tr[data-status="failed"], tr[data-status="needs_meta"]').count();
  await page.evaluate(() => document.addEventListener('click', (e) => ((window as unknown as { addedAt: number }).addedAt = e.timeStamp), { capture: true, once: true }));
  await page.getByRole('button', { name: /^加入数据/ }).click();
  const added = await pageTime(`document.querySelector('.notice')?.textContent?.includes('已加入')`);
  const decided = await page.evaluate(() => (window as unknown as { addedAt: number }).addedAt);
  const loaded = await pageTime(`document.querySelector('main[data-status="ready"]')`);
  const peak = memory.stop();
  const imported = await page.locator('table', { hasText: '已导入的报告' }).locator('tbody tr').count();
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`import of ${reports.toLocaleString('en')} reports (text and HTML, with manifest) in headless Chromium, this machine:`);
  console.log(`  read and checked:           ${s(read - start)}  (${Math.round(reports / ((read - start) / 1000)).toLocaleString('en')} reports/s)`);
  console.log(`  added (joined, written, stored): ${s(added - decided)}`);
  console.log(`  dashboard data loaded again: ${s(loaded - added)}`);
  console.log(`  total, without the user's clicks: ${s(read - start + (loaded - decided))}  (target ≤ 10 s)`);
  console.log(`  tab peak memory (renderer processes' RSS): ${Math.round(peak)} MiB`);
  console.log(`  imported: ${imported.toLocaleString('en')} reports; failed or without body/year: ${failed}`);
  if (imported !== reports) throw new Error(`expected ${reports} imported reports, the page lists ${imported}`);

  // PDFs, read and checked only: the PDF engine is fetched and started by the import worker at its first PDF.
  const pdfPage = await browser.newPage();
  await pdfPage.goto(`${site.url}/import/`);
  await engineReady(pdfPage);
  await pdfPage.evaluate(() => document.addEventListener('change', (e) => ((window as unknown as { chosenAt: number }).chosenAt = e.timeStamp), { capture: true, once: true }));
  await pdfPage.locator('input[webkitdirectory]').setInputFiles(pdfFolder);
  const pdfsRead = await pdfPage
    .waitForFunction(
      (n) => document.querySelectorAll('tr[data-status]').length === n && !document.querySelector('tr[data-status="waiting"]') && !document.querySelector('progress[aria-label="导入进度"]') && performance.now(),
      PDFS,
      { timeout: 600_000, polling: 'raf' },
    )
    .then((h) => h.jsonValue() as Promise<number>);
  const pdfsFailed = await pdfPage.locator('tr[data-status="failed"], tr[data-status="needs_meta"]').count();
  if (pdfsFailed > 0) throw new Error(`${pdfsFailed} of the ${PDFS} PDFs failed in the browser: ${await pdfPage.locator('tr[data-status="failed"]').first().textContent()}`);
  const pdfStart = await pdfPage.evaluate(() => (window as unknown as { chosenAt: number }).chosenAt);
  console.log(`  ${PDFS} PDFs (5 pages each) read and checked: ${s(pdfsRead - pdfStart)}  (${Math.round(PDFS / ((pdfsRead - pdfStart) / 1000))} PDFs/s, the PDF engine's start included)`);
} finally {
  await browser.close();
  await site.close();
  rmSync(work, { recursive: true, force: true });
}

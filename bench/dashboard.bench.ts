/**
 * Dashboard benchmark in headless Chromium over the built site.
 * Overview: navigation → first chart drawn (cold: a new browser context each
 * time), and a filter change → every chart redrawn, p50/p95 over 32 changes
 * each of the start year, of 报告类型 (from the yearly cube) and of the bodies
 * chosen (from their reports, held in the page).
 * Every page (bench/pages.ts): opened cold from a bare link and from a link
 * with a filter (?level=…) until usable (data loaded, charts drawn, nothing
 * busy), and the time a change of 报告类型 takes to redraw it; the tab's peak
 * memory over the run.
 *   npm run bench:dashboard -- [dataset folders …]   (default: static/data)
 *   npm run bench:dashboard -- --reports 20000 [--json]   (the demo generator's corpus of about N reports, built once under bench/out/)
 * With --json, one JSON object per dataset on stdout:
 *   {"reports":N,"first_chart_ms":…,"pages":{"/":{"usable_ms":…,"filter_p50_ms":…,"filter_p95_ms":…,…},…},"peak_memory_mb":…}
 *
 * Times are the browser's own: from navigation start, or from the change event,
 * to the first animation frame in which the charts are drawn (the frame that
 * shows them). The time the driver takes to reach the page is printed beside.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { chartsDrawn, engineReady, launch } from '../tests/e2e/browser';
import { serveSite } from '../tests/e2e/server';
import { datasetPath } from '../tests/helpers';
import { fromParquet } from '../src/lib/dataset';
import { PREPARED_OVERVIEW } from '../src/lib/dataset/overview';
import { DATASET_FILES, DATASET_SCHEMA_VERSION } from '../src/lib/dataset/schema';
import { MEASURE_DEFINITIONS } from '../src/lib/template';
import { memoryPeak } from './browser-memory';
import { measurePage, percentile, WATCH_LOAD, type PageFigures } from './pages';

const TREND = 'figure[data-chart="申请数量趋势"] tbody';

interface Timing {
  /** Change event → frame with every chart drawn, in the page. */
  page: number;
  /** From before the driver's action to its seeing the charts drawn. */
  driver: number;
}

/** Each change (an action on the page): the time until every chart is drawn with new data. */
async function timeChanges(page: Page, changes: ((i: number) => Promise<void>)[]): Promise<Timing[]> {
  const times: Timing[] = [];
  for (const [i, change] of changes.entries()) {
    const before = await page.locator(TREND).evaluate((t) => t.textContent);
    await page.evaluate(() => {
      const w = window as unknown as { changedAt: number | null };
      w.changedAt = null;
      document.addEventListener('change', (e) => (w.changedAt = e.timeStamp), { capture: true, once: true });
    });
    const start = Date.now();
    await change(i);
    const drawnAt = await page.waitForFunction(
      ([trend, text]) =>
        [...document.querySelectorAll('figure.chart')].every((f) => f.getAttribute('data-rendered') === 'true') &&
        document.querySelector(trend)?.textContent !== text &&
        performance.now(),
      [TREND, before] as const,
      { timeout: 60_000, polling: 'raf' },
    );
    const driver = Date.now() - start;
    const changedAt = await page.evaluate(() => (window as unknown as { changedAt: number }).changedAt);
    times.push({ page: Math.round(Number(await drawnAt.jsonValue()) - changedAt), driver });
  }
  return times;
}

const spread = (times: Timing[]) =>
  times.length === 0 ? 'one choice only' : `${percentile(times.map((t) => t.page), 50)} / ${percentile(times.map((t) => t.page), 95)} ms (driver ${percentile(times.map((t) => t.driver), 50)} / ${percentile(times.map((t) => t.driver), 95)})`;
const optionValues = async (select: Locator) => (await select.locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).filter(Boolean);
const CHANGES = 32;

const { values: args, positionals } = parseArgs({ options: { reports: { type: 'string' }, json: { type: 'boolean', default: false }, changes: { type: 'string', default: String(CHANGES) } }, allowPositionals: true });
const log = args.json ? () => {} : console.log;

/** Whether a dataset folder was written by this version's ingest (else it is written again). */
function current(dir: string): boolean {
  if (!existsSync(join(dir, 'dataset.json'))) return false;
  const description = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8'));
  const prepared = join(dir, PREPARED_OVERVIEW);
  // The cell cube came into prepared-overview.json after schema 3, the quality cube and the body-year and body-group files after schema 5.
  const listed = (pattern: RegExp) => (description.files as { name: string }[]).some((f) => pattern.test(f.name));
  const bodyYears = listed(DATASET_FILES.bodyYearsPattern) && listed(DATASET_FILES.bodyGroupPattern);
  return description.schema_version === DATASET_SCHEMA_VERSION && description.measures === MEASURE_DEFINITIONS && bodyYears && existsSync(prepared) && 'quality' in JSON.parse(readFileSync(prepared, 'utf8'));
}

/** The demo generator's dataset of about `reports` reports (bodies × 7 years), generated and ingested once (npm run bench:demo). */
function demoDataset(reports: number): string {
  const bodies = Math.max(1, Math.round(reports / 7));
  const dir = `bench/out/demo-${bodies}/dataset`;
  if (!current(dir) && spawnSync('npx', ['tsx', 'bench/demo.bench.ts', '--bodies', String(bodies)], { stdio: args.json ? 'ignore' : 'inherit' }).status !== 0)
    throw new Error(`could not build the demo corpus of ${bodies} bodies`);
  return dir;
}

/** Every page, with a body and a report of the dataset for the pages of one, and a level for the filtered links. */
function pagesOf(dir: string): { paths: string[]; filter: string } {
  const reports = fromParquet(readFileSync(datasetPath(dir, 'reports.parquet'))).toArray().map((r) => r.toJSON() as { report_id: string; body: string; year: number; level: string | null; superseded_by: string | null });
  const counted = reports.filter((r) => r.superseded_by === null).sort((a, b) => (a.body < b.body ? -1 : a.body > b.body ? 1 : b.year - a.year));
  const level = reports.find((r) => r.level)?.level;
  return {
    paths: ['/', '/requests/', '/outcomes/', '/licensing/', '/procurement/', '/review/', '/compare/', '/bodies/', '/quality/', `/body/?name=${encodeURIComponent(counted[0].body)}`, `/report/?id=${counted[0].report_id}`],
    filter: level ? `level=${encodeURIComponent(level)}` : `from=${Math.min(...reports.map((r) => r.year)) + 1}`,
  };
}

const datasets = args.reports ? [demoDataset(Number(args.reports))] : positionals.length > 0 ? positionals : ['static/data'];
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: args.json ? 'ignore' : 'inherit' });
if (build.status !== 0) process.exit(1);

const browser = await launch();
const rows: string[] = [];
const pageRows: string[] = [];
const peaks: string[] = [];

for (const dir of datasets) {
  const reports = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')).reports as number;
  const site = await serveSite('build', dir);
  const memory = memoryPeak();
  const cold: Timing[] = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.addInitScript(WATCH_LOAD);
    const start = Date.now();
    await page.goto(site.url);
    await page.waitForSelector('figure.chart[data-rendered="true"]', { timeout: 120_000 });
    const driver = Date.now() - start;
    const firstChartAt = await page.waitForFunction(() => (window as unknown as { firstChartAt: number | null }).firstChartAt);
    cold.push({ page: Math.round(Number(await firstChartAt.jsonValue())), driver });
    await context.close();
  }
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(site.url);
  await engineReady(page);
  await chartsDrawn(page);
  // Navigation → DuckDB started and all the data loaded (warm browser cache).
  const engine = await page.evaluate(() => performance.now());
  const startYear = page.getByLabel('起始年度');
  await startYear.locator('option').nth(1).waitFor({ state: 'attached' });
  const years = await optionValues(startYear);
  // From the first year on, each change of the start year moves the start of the trend.
  await startYear.selectOption(years[0]);
  await chartsDrawn(page);
  const yearChanges = await timeChanges(page, Array.from({ length: CHANGES }, (_, i) => () => startYear.selectOption(years[(i + 1) % years.length]).then(() => {})));
  await startYear.selectOption('');
  await page.waitForFunction((first) => document.querySelector('figure[data-chart="申请数量趋势"] tbody td')?.textContent === first, years[0]);
  await chartsDrawn(page);
  // 报告类型, as the manifest gives it: answered from the yearly cube in the page.
  const kind = page.getByLabel('报告类型');
  const kinds = await optionValues(kind);
  const kindChanges = kinds.length > 1 ? await timeChanges(page, Array.from({ length: CHANGES }, (_, i) => () => kind.selectOption(kinds[(i + 1) % kinds.length]).then(() => {}))) : [];
  await kind.selectOption('');
  await chartsDrawn(page);
  // Bodies: each change adds one more to those chosen. Clicked as a user does: check() would also run the driver's own checks in the page while it redraws.
  await page.getByText(/^机关：/).click();
  const boxes = page.getByRole('list', { name: '机关' }).getByRole('checkbox');
  await boxes.first().waitFor();
  const bodyChanges = await timeChanges(page, Array.from({ length: Math.min(CHANGES, await boxes.count()) }, (_, i) => () => boxes.nth(i).evaluate((box) => (box as HTMLInputElement).click())));
  await page.close();
  const { paths, filter } = pagesOf(dir);
  const pages: Record<string, PageFigures> = {};
  for (const path of paths) {
    pages[path] = await measurePage(browser, site.url, path, filter, Number(args.changes));
    const f = pages[path];
    pageRows.push(`| ${reports.toLocaleString('en-US')} | \`${decodeURIComponent(path)}\` | ${f.usable_ms} / ${f.usable_filtered_ms} ms | ${f.first_chart_ms ?? '—'} / ${f.first_chart_filtered_ms ?? '—'} ms | ${f.filter_p50_ms} / ${f.filter_p95_ms} ms |`);
  }
  const peak = Math.round(memory.stop());
  peaks.push(`${reports.toLocaleString('en-US')} reports: ${peak.toLocaleString('en-US')} MiB`);
  await site.close();
  if (args.json) console.log(JSON.stringify({ reports, first_chart_ms: percentile(cold.map((t) => t.page), 50), pages, peak_memory_mb: peak }));
  rows.push(`| ${reports.toLocaleString('en-US')} | ${percentile(cold.map((t) => t.page), 50)} ms (${cold.map((t) => t.page).join(' / ')}; driver ${percentile(cold.map((t) => t.driver), 50)}) | ${Math.round(engine)} ms | ${spread(yearChanges)} | ${spread(kindChanges)} | ${spread(bodyChanges)} |`);
}
await browser.close();
log('\ndashboard benchmark (headless Chromium, overview page, 4 charts)\n');
log('| reports | navigation → first chart (cold, median of 3) | navigation → engine and data loaded | start year changed → all charts, p50 / p95 | 报告类型 changed → all charts | bodies chosen → all charts |\n|---:|---:|---:|---:|---:|---:|');
for (const r of rows) log(r);
log(`\nevery page (cold; bare link / with ?${'level=…'}; 报告类型 changed ${args.changes} times on the warm page)\n`);
log('| reports | page | navigation → usable | navigation → first chart | 报告类型 changed → settled, p50 / p95 |\n|---:|---|---:|---:|---:|');
for (const r of pageRows) log(r);
log(`\ntab peak memory over the run (Chromium renderer processes' RSS): ${peaks.join('; ')}`);

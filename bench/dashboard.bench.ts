/**
 * Dashboard benchmark in headless Chromium over the built site, overview page:
 * navigation → first chart drawn (cold: a new browser context each time), and a
 * filter change → every chart redrawn, p50/p95 over 32 changes each of the start
 * year, of 报告类型 (from the yearly cube) and of the bodies chosen (from
 * their reports, held in the page), for each dataset given.
 *   npm run bench:dashboard -- [dataset folders …]   (default: static/data)
 * Datasets for 20,000 and 100,000 reports: npm run bench:demo -- --bodies 2857 / 14286
 * (then bench/out/demo-2857/dataset, bench/out/demo-14286/dataset).
 *
 * Times are the browser's own: from navigation start, or from the change event,
 * to the first animation frame in which the charts are drawn (the frame that
 * shows them). The time the driver takes to reach the page is printed beside.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { chartsDrawn, engineReady, launch } from '../tests/e2e/browser';
import { serveSite } from '../tests/e2e/server';

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

/**
 * The first frame in which a chart is drawn, from navigation start, installed
 * before the page's own scripts. A string: tsx would name a function's inner
 * functions with a helper the page does not have.
 */
const WATCH_FIRST_CHART = `window.firstChartAt = null;
const frame = () => document.querySelector('figure.chart[data-rendered="true"]') ? (window.firstChartAt = performance.now()) : requestAnimationFrame(frame);
requestAnimationFrame(frame);`;

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];
const spread = (times: Timing[]) =>
  times.length === 0 ? 'one choice only' : `${percentile(times.map((t) => t.page), 50)} / ${percentile(times.map((t) => t.page), 95)} ms (driver ${percentile(times.map((t) => t.driver), 50)} / ${percentile(times.map((t) => t.driver), 95)})`;
const optionValues = async (select: Locator) => (await select.locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).filter(Boolean);
const CHANGES = 32;

const datasets = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['static/data'];
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const browser = await launch();
const rows: string[] = [];

for (const dir of datasets) {
  const reports = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')).reports as number;
  const site = await serveSite('build', dir);
  const cold: Timing[] = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.addInitScript(WATCH_FIRST_CHART);
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
  await site.close();
  rows.push(`| ${reports.toLocaleString('en-US')} | ${percentile(cold.map((t) => t.page), 50)} ms (${cold.map((t) => t.page).join(' / ')}; driver ${percentile(cold.map((t) => t.driver), 50)}) | ${Math.round(engine)} ms | ${spread(yearChanges)} | ${spread(kindChanges)} | ${spread(bodyChanges)} |`);
}
await browser.close();
console.log('\ndashboard benchmark (headless Chromium, overview page, 4 charts)\n');
console.log('| reports | navigation → first chart (cold, median of 3) | navigation → engine and data loaded | start year changed → all charts, p50 / p95 | 报告类型 changed → all charts | bodies chosen → all charts |\n|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(r);

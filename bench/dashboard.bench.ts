/**
 * Dashboard benchmark in headless Chromium over the built site: navigation →
 * first chart drawn (cold: a new browser context each time), and a filter change
 * → every chart redrawn (p50/p95 over 32 changes of the start year, which need no
 * query, and 32 of 报告类型, which do), for each dataset given.
 *   npm run bench:dashboard -- [dataset folders …]   (default: static/data)
 * Datasets for 20,000 and 100,000 reports: npm run bench:demo -- --bodies 2857 / 14286
 * (then bench/out/demo-2857/dataset, bench/out/demo-14286/dataset).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chartsDrawn, engineReady, launch } from '../tests/e2e/browser';
import { serveSite } from '../tests/e2e/server';

const TREND = 'figure[data-chart="申请数量趋势"] tbody';

/** 32 changes of the select labelled `label`, cycling through `values` (each unlike the one before): ms until every chart is drawn with new data. */
async function timeChanges(page: Page, label: string, values: string[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 1; i <= 32; i++) {
    const before = await page.locator(TREND).evaluate((t) => t.textContent);
    const start = Date.now();
    await page.getByLabel(label).selectOption(values[i % values.length]);
    await page.waitForFunction(
      ([trend, text]) =>
        [...document.querySelectorAll('figure.chart')].every((f) => f.getAttribute('data-rendered') === 'true') &&
        document.querySelector(trend)?.textContent !== text,
      [TREND, before] as const,
      { timeout: 60_000, polling: 'raf' },
    );
    times.push(Date.now() - start);
  }
  return times;
}

const datasets = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['static/data'];
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];
const browser = await launch();
const rows: string[] = [];

for (const dir of datasets) {
  const reports = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')).reports as number;
  const site = await serveSite('build', dir);
  const cold: number[] = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(site.url);
    await page.waitForSelector('figure.chart[data-rendered="true"]', { timeout: 120_000 });
    cold.push(Date.now() - start);
    await context.close();
  }
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(site.url);
  await engineReady(page);
  await chartsDrawn(page);
  // Navigation → DuckDB started and all the data loaded (warm browser cache).
  const engine = await page.evaluate(() => performance.now());
  await page.getByLabel('起始年度').locator('option').nth(1).waitFor({ state: 'attached' });
  const years = (await page.getByLabel('起始年度').locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).filter(Boolean);
  // From the first year on, each change of the start year moves the start of the trend.
  await page.getByLabel('起始年度').selectOption(years[0]);
  await chartsDrawn(page);
  const yearChanges = await timeChanges(page, '起始年度', years);
  await page.getByLabel('起始年度').selectOption('');
  await page.waitForFunction((first) => document.querySelector('figure[data-chart="申请数量趋势"] tbody td')?.textContent === first, years[0]);
  await chartsDrawn(page);
  // A filter other than years (报告类型, as the manifest gives it) needs a DuckDB query.
  const kinds = (await page.getByLabel('报告类型').locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).filter(Boolean);
  const kindChanges = kinds.length > 1 ? await timeChanges(page, '报告类型', kinds) : [];
  await page.close();
  await site.close();
  rows.push(`| ${reports.toLocaleString('en-US')} | ${percentile(cold, 50)} ms (${cold.join(' / ')}) | ${Math.round(engine)} ms | ${percentile(yearChanges, 50)} / ${percentile(yearChanges, 95)} ms | ${kindChanges.length ? `${percentile(kindChanges, 50)} / ${percentile(kindChanges, 95)} ms` : 'one kind only'} |`);
}
await browser.close();
console.log('\ndashboard benchmark (headless Chromium, overview page, 4 charts)\n');
console.log('| reports | navigation → first chart (cold, median of 3) | navigation → engine and data loaded | years changed → all charts, p50 / p95 | 报告类型 changed (a query) → all charts, p50 / p95 |\n|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(r);

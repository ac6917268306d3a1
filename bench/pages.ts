import type { Browser, Page } from 'playwright-core';

/**
 * Every page of the dashboard measured as a user meets it: opened cold (a new
 * browser context) from a bare link and from a link with a typical filter, until
 * it is usable; then, warm (DuckDB loaded too), the time a filter change takes to redraw it. Times
 * are the page's own (performance.now): from navigation start, or from the
 * change event, to the first animation frame in which the page is settled.
 */

/**
 * Settled: the page's data there (main's data-view: every report held in the
 * page, or DuckDB loaded), every chart drawn, no table or chart still busy (a
 * view waiting for DuckDB says so).
 */
const SETTLED = `document.querySelector('main[data-view="ready"]') &&
  [...document.querySelectorAll('figure.chart')].every((f) => f.getAttribute('data-rendered') === 'true') &&
  !document.querySelector('[aria-busy="true"]')`;

/** Installed before the page's scripts: the first frame with a chart drawn, and the first frame settled. A string: tsx would name inner functions with a helper the page does not have. */
export const WATCH_LOAD = `window.firstChartAt = null; window.usableAt = null;
const frame = () => {
  if (window.firstChartAt === null && document.querySelector('figure.chart[data-rendered="true"]')) window.firstChartAt = performance.now();
  if (${SETTLED}) window.usableAt = performance.now();
  else requestAnimationFrame(frame);
};
requestAnimationFrame(frame);`;

export interface PageFigures {
  /** Navigation → settled, cold, bare link (ms). */
  usable_ms: number;
  /** The same from a link with a filter in it. */
  usable_filtered_ms: number;
  /** Navigation → first chart drawn, cold, bare and filtered (null: the page has no chart). */
  first_chart_ms: number | null;
  first_chart_filtered_ms: number | null;
  /** A change of 报告类型 → the page settled again, p50 and p95 (ms). */
  filter_p50_ms: number;
  filter_p95_ms: number;
}

export const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

async function openCold(browser: Browser, url: string): Promise<{ usable: number; firstChart: number | null }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.addInitScript(WATCH_LOAD);
  await page.goto(url);
  const usable = Number(await (await page.waitForFunction(() => (window as unknown as { usableAt: number | null }).usableAt, null, { timeout: 300_000 })).jsonValue());
  const firstChart = await page.evaluate(() => (window as unknown as { firstChartAt: number | null }).firstChartAt);
  await context.close();
  return { usable: Math.round(usable), firstChart: firstChart === null ? null : Math.round(firstChart) };
}

/** Each change of 报告类型 (to the next kind, round the list): change event → the URL says it and the page is settled. */
async function filterChanges(page: Page, changes: number): Promise<number[]> {
  const kind = page.getByLabel('报告类型');
  const kinds = ['', ...(await kind.locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).filter(Boolean)];
  const times: number[] = [];
  for (let i = 1; i <= changes; i++) {
    const value = kinds[i % kinds.length];
    await page.evaluate(() => {
      const w = window as unknown as { changedAt: number | null };
      w.changedAt = null;
      document.addEventListener('change', (e) => (w.changedAt = e.timeStamp), { capture: true, once: true });
    });
    await kind.selectOption(value);
    const settledAt = await page.waitForFunction(
      ([settled, wanted]) => new URL(location.href).searchParams.getAll('kind').join() === wanted && new Function(`return ${settled}`)() && performance.now(),
      [SETTLED, value] as const,
      { timeout: 120_000, polling: 'raf' },
    );
    times.push(Math.round(Number(await settledAt.jsonValue()) - (await page.evaluate(() => (window as unknown as { changedAt: number }).changedAt))));
  }
  return times;
}

/** The figures of one page: `path` a page with its own parameters, `filter` a typical filter's parameters to add for the filtered link. */
export async function measurePage(browser: Browser, base: string, path: string, filter: string, changes: number): Promise<PageFigures> {
  const join = (extra: string) => `${base}${path}${extra ? `${path.includes('?') ? '&' : '?'}${extra}` : ''}`;
  const bare = await openCold(browser, join(''));
  const filtered = await openCold(browser, join(filter));
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(join(''));
  // Warm: DuckDB loaded too, so that the changes are timed on a page at rest, not beside its background load.
  await page.waitForFunction(`${SETTLED} && document.querySelector('main[data-status="ready"]')`, null, { timeout: 300_000 });
  const times = await filterChanges(page, changes);
  await page.close();
  return {
    usable_ms: bare.usable,
    usable_filtered_ms: filtered.usable,
    first_chart_ms: bare.firstChart,
    first_chart_filtered_ms: filtered.firstChart,
    filter_p50_ms: percentile(times, 50),
    filter_p95_ms: percentile(times, 95),
  };
}

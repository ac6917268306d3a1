import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildFixtureDataset, COUNTING_REPORTS, YEAR_2021_REPORTS } from '../dataset-fixture';
import { launch, settled } from './browser';
import { serveSite } from './server';

/**
 * The built site in real Chromium, served over the fixture dataset (see
 * tests/dataset-fixture.ts), over the fixture with its 2021 reports (for
 * comparing 2020 with 2021) and with COUNTING_REPORTS (what sums leave out).
 * Built once for all the e2e suites of the run.
 */
export const SCREENSHOTS = 'tests/out/screenshots';

type Site = { url: string; close: () => Promise<void> };
export const e2e = {
  browser: null as unknown as Browser,
  site: null as unknown as Site,
  withYear2021: null as unknown as Site,
  /** The fixture with a duplicate, a mixed-version and a partial 2022 report (COUNTING_REPORTS). */
  counting: null as unknown as Site,
  consoleErrors: [] as string[],
  offOrigin: [] as string[],
};

/** A new page at path, drawn (see settled); console errors and off-origin requests are collected for the final check. */
export async function open(path: string, site: Site = e2e.site, viewport = { width: 1400, height: 1000 }): Promise<Page> {
  const page = await e2e.browser.newPage({ viewport, acceptDownloads: true });
  page.on('console', (m) => m.type() === 'error' && e2e.consoleErrors.push(`${path}: ${m.text()}`));
  page.on('pageerror', (e) => e2e.consoleErrors.push(`${path}: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(site.url) && !url.startsWith('blob:') && !url.startsWith('data:')) e2e.offOrigin.push(url);
  });
  await page.goto(`${site.url}${path}`);
  await settled(page);
  return page;
}

beforeAll(async () => {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stderr}`);
  e2e.site = await serveSite('build', await buildFixtureDataset());
  e2e.withYear2021 = await serveSite('build', await buildFixtureDataset(YEAR_2021_REPORTS));
  e2e.counting = await serveSite('build', await buildFixtureDataset(COUNTING_REPORTS));
  e2e.browser = await launch();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await e2e.browser?.close();
  await e2e.site?.close();
  await e2e.withYear2021?.close();
  await e2e.counting?.close();
});

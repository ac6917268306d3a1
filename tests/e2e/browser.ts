import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium fonts-noto-cjk); never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium fonts-noto-cjk" (browser tests need a real browser)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Wait until every chart on the page has drawn. */
export async function chartsDrawn(page: Page): Promise<void> {
  await page.waitForSelector('figure.chart');
  await page.waitForFunction(() => [...document.querySelectorAll('figure.chart')].every((f) => f.getAttribute('data-rendered') === 'true'));
}

/** A chart's data as its accessible table holds it: header row, then one row per category. */
export async function chartTable(page: Page, title: string): Promise<string[][]> {
  return page.$$eval(`figure[data-chart="${title}"] table tr`, (rows) => rows.map((r) => [...r.querySelectorAll('th,td')].map((c) => c.textContent ?? '')));
}

/** Wait until the page has drawn: its charts when it has any (the first before DuckDB is up), else its data; nothing still busy. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('figure.chart') || document.querySelector('main[data-status="ready"]'), null, { timeout: 60_000 });
  if (await page.$('figure.chart')) await chartsDrawn(page);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 60_000 });
}

/** Wait until DuckDB has started and loaded the data. */
export async function engineReady(page: Page): Promise<void> {
  await page.waitForSelector('main[data-status="ready"]', { timeout: 300_000 });
}

/** A data table's rows as shown (header row first), by its title. */
export async function tableRows(page: Page, title: string): Promise<string[][]> {
  await page.waitForSelector(`section[data-table="${title}"][aria-busy="false"]`);
  return page.$$eval(`section[data-table="${title}"] tr`, (rows) => rows.map((r) => [...r.querySelectorAll('th,td')].map((c) => (c.textContent ?? '').replace(/[▲▼]/g, '').trim())));
}

/** The text of one cell of the report detail, by its TEMPLATE.md reference. */
export async function reportCell(page: Page, ref: string): Promise<string> {
  return (await page.textContent(`td[data-ref="${ref}"] .text`)) ?? '';
}

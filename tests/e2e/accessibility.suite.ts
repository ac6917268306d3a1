import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chartsDrawn } from './browser';
import { writeFileSync } from 'node:fs';
import { e2e, open } from './context';
import { serveSite } from './server';
import { buildFixtureDataset } from '../dataset-fixture';
import { datasetPath } from '../helpers';

// Every page by keyboard, and axe-core's automated check (WCAG 2.x A/AA rules and best practice): no violation of any impact.

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const found = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations;
  });
  return found.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

/** The report page of the body's first report, reached as a user would. */
async function firstReportPath(body: string): Promise<string> {
  const page = await open(`/body?name=${encodeURIComponent(body)}`);
  const href = await page.locator('section[data-table$="的报告"] tbody a').first().getAttribute('href');
  await page.close();
  return href!;
}

const PHONE = { width: 390, height: 844 };

describe('accessibility', () => {
  it('axe-core finds no violation of any impact on any page, on a desktop and on a phone', async () => {
    const pages = ['/', '/requests', '/outcomes', '/licensing', '/procurement', '/review', '/compare', '/bodies', '/quality', '/import', `/body?name=${encodeURIComponent('浙江省生态环境厅')}`, await firstReportPath('浙江省经济和信息化厅')];
    const found: Record<string, string[]> = {};
    for (const viewport of [undefined, PHONE])
      for (const path of pages) {
        const page = await open(path, e2e.site, viewport);
        const seen = await violations(page);
        if (seen.length > 0) found[`${path}${viewport ? ' (phone)' : ''}`] = seen;
        await page.close();
      }
    expect(found).toEqual({});
  }, 300_000);

  it('axe-core finds no violation on the 404 page and in the error states (a blocked engine, a corrupt data file)', async () => {
    const found: Record<string, string[]> = {};
    const check = async (name: string, url: string, ready: string) => {
      const page = await e2e.browser.newPage();
      await page.goto(url);
      await page.waitForSelector(ready, { timeout: 60_000 });
      const seen = await violations(page);
      if (seen.length > 0) found[name] = seen;
      await page.close();
    };
    await check('404', `${e2e.site.url}/no-such-page/`, 'h1');
    const blocked = await serveSite('build', await buildFixtureDataset(), { block: /\.wasm$/ });
    await check('blocked .wasm', `${blocked.url}/requests/`, 'main[data-status="error"]');
    await blocked.close();
    const dir = await buildFixtureDataset();
    writeFileSync(datasetPath(dir, 'cells/year=2020/cells.parquet'), 'not parquet');
    const corrupt = await serveSite('build', dir);
    await check('corrupt file', `${corrupt.url}/requests/`, 'main[data-status="ready"]');
    await corrupt.close();
    expect(found).toEqual({});
  }, 180_000);

  it('works by keyboard alone: skip link, menus, sorting a table, following a link, focus visible', async () => {
    const page = await open('/bodies?year=2022&metric=licensing');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    /** Press Tab until the focused element satisfies `test` (a function's source, run in the page). */
    const focusTo = async (test: string, limit = 80) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(`(${test})(document.activeElement)`)) return;
      }
      throw new Error(`Tab never reached an element matching ${test}`);
    };
    await focusTo("(el) => el?.tagName === 'SELECT' && el.closest('label')?.textContent?.includes('指标')");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    // Choose another metric with the arrow keys.
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(/metric=penalty/);
    await chartsDrawn(page);
    await focusTo("(el) => el?.tagName === 'BUTTON' && el.closest('th')?.textContent?.includes('机关')");
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('section[data-table="行政处罚处理决定：2022 年各机关排名"] th[aria-sort]', 'aria-sort')).toBe('descending');
    await focusTo("(el) => el?.tagName === 'A' && el.textContent === '示例市文化和旅游局'");
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/body\/\?/);
    expect(decodeURIComponent(page.url())).toContain('name=示例市文化和旅游局');
    await page.close();
  });
});

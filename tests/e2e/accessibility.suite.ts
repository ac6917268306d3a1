import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chartsDrawn } from './browser';
import { e2e, open } from './context';

// Every page by keyboard, and axe-core's automated check (WCAG 2.x A/AA rules) with no serious violations.

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

/** The report page of the body's first report, reached as a user would. */
async function firstReportPath(body: string): Promise<string> {
  const page = await open(`/body?name=${encodeURIComponent(body)}`);
  const href = await page.locator('section[data-table$="的报告"] tbody a').first().getAttribute('href');
  await page.close();
  return href!;
}

describe('accessibility', () => {
  it('axe-core finds no serious or critical violation on any page', async () => {
    const pages = ['/', '/requests', '/outcomes', '/licensing', '/procurement', '/review', '/compare', '/bodies', '/quality', '/import', `/body?name=${encodeURIComponent('浙江省生态环境厅')}`, await firstReportPath('浙江省经济和信息化厅')];
    const found: Record<string, string[]> = {};
    for (const path of pages) {
      const page = await open(path);
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[path] = violations;
      await page.close();
    }
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

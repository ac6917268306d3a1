import { describe, expect, it } from 'vitest';
import { engineReady, tableRows } from './browser';
import { e2e, open } from './context';

// The fixture with COUNTING_REPORTS (tests/dataset-fixture.ts); the 2022 figures by hand, as in tests/unit/sums.test.ts:
// counted 浙江省生态环境厅 (new 131, granted 59 + partial 13, handled 132), 示例市文化和旅游局 and 示例市交通运输局
// (full-2021.txt's t3: 29, 15 + 3, 30), 示例市卫生健康委员会 (partial: 29, 15 + 3, no （七）总计);
// left out: the draft of 示例市文化和旅游局 (a duplicate) and 示例市（全市汇总） (consolidated).
describe('what the figures add, in Chromium', () => {
  it('overview: 新收申请 218, 实质公开率 108 / 192 with the partial report left out, and a note naming what sums left out', async () => {
    const page = await open('/', e2e.counting);
    const cards = await page.$$eval('.kpis li', (items) => items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim()));
    expect(cards).toContain('新收申请 218 无上年数据');
    expect(cards).toContain('办理总计 192 无上年数据');
    expect(cards).toContain('实质公开率 56.3%（n=192） （予以公开 + 部分公开）÷ 办理总计；1 份报告缺少所需单元格，未计入');
    await engineReady(page);
    const note = page.getByRole('note').filter({ hasText: '合计未计入' });
    await expect.poll(() => note.textContent().then((t) => t?.replace(/\s+/g, ''))).toBe(
      '合计未计入：1份重复报告（同一机关同一年度另有一份报告，计入的是读出单元格最多的一份）；1份汇总报告（汇总了其他机关的报告，与它们相加会重复计算；在“报告类型”中选择“汇总报告”可单独查看）。',
    );
    await page.close();
  });

  it('the draft’s own page says it does not count and leads to the one that does; the body’s list marks it', async () => {
    const page = await open('/body?name=示例市文化和旅游局', e2e.counting);
    const rows = await tableRows(page, '示例市文化和旅游局的报告');
    expect(rows[0].at(-1)).toBe('计入合计');
    expect(rows.slice(1).map((r) => [r[0], r[3], r.at(-1)]).sort()).toEqual([
      ['2022', 'city-culture-draft.txt', '否（同年另有一份报告计入）'],
      ['2022', 'city-culture.txt', '是'],
    ]);
    await page.getByRole('row', { name: /city-culture-draft\.txt/ }).getByRole('link', { name: '2022' }).click();
    await page.waitForSelector('p.superseded');
    expect(await page.textContent('p.superseded')).toBe('本报告不计入合计：示例市文化和旅游局 2022 年另有一份报告，计入的是读出单元格更多的那一份（见下方“重复报告”）。');
    await page.getByRole('link', { name: '那一份' }).click();
    await page.waitForFunction(() => document.querySelector('dl.meta')?.textContent?.includes('city-culture.txt'));
    expect(await page.$('p.superseded')).toBeNull();
    await page.close();
  });

  it('outcomes: the 100 % stack says each year’s base and each share’s count', async () => {
    const page = await open('/outcomes', e2e.counting);
    const chart = page.locator('figure[data-chart="办理结果构成"]');
    const box = (await chart.locator('canvas').first().boundingBox())!;
    // 2022 is the last of three years: hover over its bar, at the right of the plot.
    await page.mouse.move(box.x + box.width * 0.85, box.y + box.height * 0.6);
    // 2022: 104 予以公开 + 22 部分公开 + 18 不予公开 + 52 无法提供 + 9 不予处理 + 10 其他处理 = 215.
    await expect.poll(() => chart.textContent()).toContain('2022（n=215）');
    expect(await chart.textContent()).toContain('予以公开：48.37%（104 件）');
    await page.close();
  });

  it('数据质量: the rules that could not be evaluated, with how many reports', async () => {
    const page = await open('/quality', e2e.counting);
    await engineReady(page);
    // The seed (2019) leaves T3_BALANCE, T3_HANDLED_SUM and T3_ROW_SUM unchecked; the partial report and the draft
    // (no （七）总计, no t4) leave T3_BALANCE, T3_HANDLED_SUM, T3_ROW_SUM, T4_GROUP_SUM and NARRATIVE (their prose's
    // 行政复议3件，行政诉讼2件 against the missing t4) unchecked.
    const rows = await tableRows(page, '未能检查的规则');
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['未能检查的规则', '涉及报告数'],
      ['申请数量平衡', '3'],
      ['办理结果合计', '3'],
      ['申请人合计', '3'],
      ['正文与表格一致', '2'],
      ['复议诉讼合计', '2'],
    ]);
    await page.close();
  });
});

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixture, SEED } from '../helpers';
import { engineReady, tableRows } from './browser';
import { e2e, open } from './context';
import { serveSite } from './server';
import { buildFixtureDataset, YEAR_2021_REPORTS } from '../dataset-fixture';

// The fixture site (tests/dataset-fixture.ts) counts in 2022 浙江省生态环境厅 (新收 131) and 示例市文化和旅游局 (29): 160.
// The folder below adds 浙江省自然资源厅 2022 (dept-2021.html again under that body: 新收 131): 291.
const folder = mkdtempSync(join(tmpdir(), 'import-folder-'));
const reports = join(folder, '年报');
mkdirSync(join(reports, '2022'), { recursive: true });
writeFileSync(join(reports, '2022', '自然资源厅.html'), readFileSync(fixture('html/dept-2021.html')));
// A Word file: 浙江省生态环境厅 2023 (dept-2021.docx, the figures of the site's 2022 report of that body), checked across years with the site's 2022.
mkdirSync(join(reports, '2023'));
writeFileSync(join(reports, '2023', '生态环境厅.docx'), readFileSync(fixture('published/dept-2021.docx')));
writeFileSync(join(reports, '不是年报.html'), readFileSync(fixture('html/not-a-report.html')));
// What else a folder holds: passed over, as the command line's walk passes them over.
writeFileSync(join(reports, '.DS_Store'), 'x');
writeFileSync(join(reports, '扫描件.jpg'), new Uint8Array([0xff, 0xd8, 0xff]));
// A report whose text names neither body nor year: the user gives them.
writeFileSync(
  join(reports, '无标题.txt'),
  readFileSync(fixture('text/partial-2022.txt'), 'utf8').replace('示例市卫生健康委员会2022年政府信息公开工作年度报告', '政府信息公开工作年度报告').replace('2022年，示例市卫生健康委员会', '本年度，本机关'),
);
// The site's 示例市文化和旅游局 2022 again, under another name: a duplicate, to be decided.
writeFileSync(join(reports, '文旅局-更正版.txt'), readFileSync(fixture('text/full-2021.txt')));
writeFileSync(join(reports, 'manifest.csv'), 'file,body,year,region,level,kind\n2022/自然资源厅.html,浙江省自然资源厅,2022,浙江省,省级,department\n2023/生态环境厅.docx,浙江省生态环境厅,2023,浙江省,省级,department\n文旅局-更正版.txt,示例市文化和旅游局,2022,示例市,市级,department\n');

/** Files chosen on 导入报告 (选择文件) with a manifest naming each file's body and year (2022 unless given). */
async function choose(page: Page, files: { name: string; from: string; body: string; year?: number }[]): Promise<void> {
  const manifest = ['file,body,year', ...files.map((f) => `${f.name},${f.body},${f.year ?? 2022}`)].join('\n');
  await page.locator('input[type=file][multiple]:not([webkitdirectory])').first().setInputFiles([
    { name: 'manifest.csv', mimeType: 'text/csv', buffer: Buffer.from(`${manifest}\n`) },
    ...files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: readFileSync(f.from) })),
  ]);
}

/** 加入数据 of the one report chosen, until the page says it is added. */
async function addOne(page: Page): Promise<void> {
  await page.getByRole('button', { name: '加入数据（1 份）' }).click();
  await expect.poll(() => page.textContent('.notice'), { timeout: 60_000 }).toContain('已加入 1 份报告');
}

/** 浙江省自然资源厅 2022, as dept-2021.html (新收 131). */
const NATURAL_RESOURCES = { name: '自然资源厅.html', from: fixture('html/dept-2021.html'), body: '浙江省自然资源厅' };

const kpi = (page: Page, label: string) => page.locator('.kpis li').filter({ hasText: label }).first();
const kpiValue = async (page: Page, label: string) => (await kpi(page, label).locator('strong').textContent())?.trim();

async function overviewNew(page: Page): Promise<string | undefined> {
  await page.goto(`${e2e.site.url}/?from=2022&to=2022`);
  await engineReady(page);
  return kpiValue(page, '新收申请');
}

describe('导入报告: reports in from the browser', () => {
  it('a folder with its manifest: each file read, failed or asking; added, the figures change by the imported report; kept over a reload; removed, back', async () => {
    const page = await open('/import/');
    await engineReady(page);
    expect(await overviewNew(page)).toBe('160');
    await page.goto(`${e2e.site.url}/import/`);
    await engineReady(page);
    await page.locator('input[webkitdirectory]').setInputFiles(reports);
    const row = (file: string) => page.locator('tr', { hasText: file });
    await expect.poll(() => page.locator('tr[data-status]:not([data-status="waiting"])').count()).toBe(5);
    expect(await page.textContent('text=已使用清单')).toContain('年报/manifest.csv');
    expect(await page.textContent('.notice')).toContain('文件夹中另有 2 个文件不是报告格式');
    expect(await page.locator('tr[data-status]').count()).toBe(5);
    expect((await row('不是年报.html').textContent())?.replace(/\s+/g, '')).toContain('无法读取：找不到年度报告的任何表格');
    expect((await row('2022/自然资源厅.html').textContent())?.replace(/\s+/g, '')).toMatch(/已读取浙江省自然资源厅2022HTML.*将加入/);
    expect((await row('2023/生态环境厅.docx').textContent())?.replace(/\s+/g, '')).toMatch(/已读取浙江省生态环境厅2023Word（DOCX）.*将加入/);
    // No body or year in the text: a form asks for them.
    const form = page.getByRole('form', { name: '年报/无标题.txt 的发布机关和年度' });
    await form.getByLabel('发布机关').fill('示例市卫生健康委员会');
    await form.getByLabel('年度').fill('2022');
    await form.getByRole('button', { name: '按此读取' }).click();
    await expect.poll(() => row('无标题.txt').textContent().then((t) => t?.replace(/\s+/g, ''))).toMatch(/已读取示例市卫生健康委员会2022/);
    // The duplicate asks; nothing is added before it is decided.
    const add = page.getByRole('button', { name: /^加入数据/ });
    await expect.poll(() => row('文旅局-更正版.txt').textContent()).toContain('示例市文化和旅游局 2022 年已有报告（本站数据：city-culture.txt）');
    expect(await add.isDisabled()).toBe(true);
    await row('文旅局-更正版.txt').getByLabel('跳过').check();
    expect(await add.textContent()).toBe('加入数据（3 份）');
    await add.click();
    await expect.poll(() => page.textContent('.notice'), { timeout: 60_000 }).toContain('已加入 3 份报告');
    await engineReady(page);
    expect(await page.locator('table', { hasText: '已导入的报告' }).locator('tbody tr').count()).toBe(3);
    // Checked across years with the site's own reports: the imported 2023 against the site's 2022, which carries 7 forward.
    await page.getByRole('link', { name: '浙江省生态环境厅' }).click();
    await page.waitForSelector('section[data-table="本报告发现的问题"][aria-busy="false"]');
    expect(await page.textContent('section[data-table="本报告发现的问题"]')).toContain('而 2022 年报告结转下年度 7 件');
    await page.goto(`${e2e.site.url}/import/`);
    await engineReady(page);
    // 2022: 160 + 131 (自然资源厅) + 29 (卫生健康委员会: partial-2022.txt's 新收); the 2023 report is another year.
    expect(await overviewNew(page)).toBe('320');
    expect(await page.textContent('p.imported')).toContain('含 3 份在本浏览器导入的报告');
    await page.reload();
    await engineReady(page);
    expect(await kpiValue(page, '新收申请')).toBe('320');
    // The imported report's own page says it was imported.
    await page.goto(`${e2e.site.url}/import/`);
    await engineReady(page);
    await page.getByRole('link', { name: '示例市卫生健康委员会' }).click();
    await page.waitForSelector('dl.meta');
    expect(await page.textContent('dl.meta')).toContain('导入');
    await page.goto(`${e2e.site.url}/import/`);
    await engineReady(page);
    await page.getByRole('button', { name: '移除 示例市卫生健康委员会 2022 年报告' }).click();
    await expect.poll(() => page.textContent('.notice'), { timeout: 60_000 }).toContain('已移除 1 份');
    expect(await overviewNew(page)).toBe('291');
    await page.goto(`${e2e.site.url}/import/`);
    await engineReady(page);
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: '全部移除' }).click();
    await expect.poll(() => page.textContent('.notice'), { timeout: 60_000 }).toContain('已移除 2 份');
    expect(await overviewNew(page)).toBe('160');
    expect(await page.$('p.imported')).toBeNull();
    await page.close();
  }, 180_000);

  it('a duplicate replaced: the site’s report leaves the sums, the imported one counts', async () => {
    const page = await open('/import/');
    await engineReady(page);
    // 示例市文化和旅游局 2022 with 新收 29 → partial-2022.txt's figures under that body (新收 29 too, but 办理总计 unknown).
    await choose(page, [{ name: '文旅局.txt', from: fixture('text/partial-2022.txt'), body: '示例市文化和旅游局' }]);
    const row = page.locator('tr', { hasText: '文旅局.txt' });
    await expect.poll(() => row.textContent()).toContain('已有报告（本站数据：city-culture.txt）');
    await row.getByLabel('替换').check();
    await addOne(page);
    await page.goto(`${e2e.site.url}/body/?name=示例市文化和旅游局`);
    await engineReady(page);
    const rows = await tableRows(page, '示例市文化和旅游局的报告');
    // The site's city-culture.txt is gone from the data; the imported file is the body's 2022 report, marked 导入.
    expect(rows.slice(1).map((r) => [r[0], r[3]])).toEqual([['2022', '文旅局.txt（导入）']]);
    await page.close();
  }, 120_000);

  it('many duplicates are decided at once, and the list is in the order of the files’ paths', async () => {
    const page = await open('/import/');
    await engineReady(page);
    await choose(page, [
      { name: 'z-文旅局.txt', from: fixture('text/full-2021.txt'), body: '示例市文化和旅游局' },
      { name: 'a-生态环境厅.html', from: fixture('html/dept-2021.html'), body: '浙江省生态环境厅' },
    ]);
    const all = page.getByRole('group', { name: '对全部重复报告' });
    await all.waitFor();
    expect(await page.locator('tr[data-status] td.file').allTextContents()).toEqual(['a-生态环境厅.html', 'z-文旅局.txt']);
    await all.getByRole('button', { name: '跳过' }).click();
    expect(await page.getByRole('button', { name: /^加入数据/ }).textContent()).toBe('加入数据（0 份）');
    await page.getByLabel('替换').first().check();
    expect(await page.getByRole('button', { name: /^加入数据/ }).textContent()).toBe('加入数据（1 份）');
    await page.close();
  }, 120_000);

  it('cancel while reading adds nothing', async () => {
    const page = await open('/import/');
    await engineReady(page);
    const seed = readFileSync(SEED);
    const files = Array.from({ length: 400 }, (_, i) => ({ name: `copy-${i}.txt`, mimeType: 'text/plain', buffer: seed }));
    await page.locator('input[type=file][multiple]:not([webkitdirectory])').first().setInputFiles(files);
    await page.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.textContent('.notice')).toBe('已取消：没有加入任何报告。 查看总览');
    expect(await page.locator('tr[data-status]').count()).toBe(0);
    expect(await page.textContent('text=还没有导入的报告')).toBeTruthy();
    await page.close();
  }, 120_000);

  it('年报自查: one report dropped opens as its report page, findings and tables, added to nothing', async () => {
    const page = await open('/import/');
    await engineReady(page);
    await page.locator('section', { hasText: '年报自查' }).locator('input[type=file]').setInputFiles(SEED);
    const checked = page.locator('.checked');
    await checked.waitFor();
    expect(await checked.locator('h1').textContent()).toBe('浙江省经济和信息化厅 2019 年政府信息公开工作年度报告');
    // The seed's flattened rows (AMBIGUOUS_SPLIT) and the rules they stop (NOT_EVALUATED), as the CLI finds them.
    const findings = await checked.locator('section[data-table="本报告发现的问题"] tbody tr').allTextContents();
    expect(findings.some((f) => f.includes('数字无法对应到列'))).toBe(true);
    expect(findings.filter((f) => f.includes('规则未能检查'))).toHaveLength(3);
    // t3's 本年新收 总计 as the seed has it (一、本年新收政府信息公开申请数量 | 9 | 9 | …).
    expect(await checked.locator('td[data-ref="t3.new.total"] .text').textContent()).toBe('9');
    expect(await page.textContent('text=还没有导入的报告')).toBeTruthy();
    // Asked to, it joins the import above like any chosen file.
    await page.getByRole('button', { name: '把这份报告加入数据…' }).click();
    await expect.poll(() => page.locator('tr', { hasText: '000_09f4574b615ba3f1.txt' }).textContent()).toContain('浙江省经济和信息化厅 2019 年已有报告（本站数据：seed.txt）');
    await page.close();
  }, 120_000);

  it('导出数据集: a zip of the dataset shown, an imported PDF included; the report-source filter', async () => {
    const page = await open('/import/');
    await engineReady(page);
    // The PDF edition of dept-2021.html (the same figures), as a body publishes it.
    await choose(page, [{ name: '自然资源厅.pdf', from: fixture('published/dept-2021.writer.pdf'), body: '浙江省自然资源厅' }]);
    await addOne(page);
    await engineReady(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出数据集（.zip）' }).click()]);
    const zip = unzipSync(new Uint8Array(readFileSync(await download.path())));
    const description = JSON.parse(new TextDecoder().decode(zip['data/dataset.json']));
    expect(description.reports).toBe(6);
    for (const f of description.files) expect(zip[`data/${f.name}`]?.length, f.name).toBe(f.bytes);
    // One text per distinct file (the fixture's two copies of full-2021.txt share one), and the PDF itself beside its text (sha256sum of the file).
    const pdf = '143ab9c715153a6cfb075f56fef6691485118719061948617ab2446c437fa58b';
    expect(Object.keys(zip).filter((n) => n.startsWith('data/sources/')).sort()).toEqual(
      [
        ...[pdf, '4f479ee674fcd0a952d4780b61589297cd3fb33fd0afff44a35c25d289a1ebde', '828f5aeb57dfcd9504704895b0a71da24167337b1c9719e395df4a837e71a36c', 'bbdf9acc9ed1be1d49eb45098bee0f2562041d11ed45d54256b46bca926b0e14', 'da73eb59e167e75ce63fffa0abe54f89c991c91e2a1e0f20b4dc06eeeacc2a79'].map((sha) => `data/sources/${sha}.txt`),
        `data/sources/${pdf}.pdf`,
      ].sort(),
    );
    expect(Buffer.from(zip[`data/sources/${pdf}.pdf`]).equals(readFileSync(fixture('published/dept-2021.writer.pdf')))).toBe(true);
    // The report-source filter: the imported report alone (新收 131), the site's alone (160).
    await page.goto(`${e2e.site.url}/?from=2022&to=2022`);
    await engineReady(page);
    await page.getByLabel('报告来源').selectOption('imported');
    await expect.poll(() => kpiValue(page, '新收申请')).toBe('131');
    expect(new URL(page.url()).searchParams.get('source')).toBe('imported');
    await page.getByLabel('报告来源').selectOption('site');
    await expect.poll(() => kpiValue(page, '新收申请')).toBe('160');
    await page.close();
  }, 120_000);
});

describe('导入报告 when the site publishes another dataset', () => {
  it('the kept imports are joined to the new data on the next visit', async () => {
    // A site of its own (its own origin, so its own storage), whose data folder is then replaced as IT would replace it.
    const data = await buildFixtureDataset();
    const site = await serveSite('build', data);
    const page = await e2e.browser.newPage();
    await page.goto(`${site.url}/import/`);
    await engineReady(page);
    await choose(page, [NATURAL_RESOURCES]);
    await addOne(page);
    // The new data adds 2021 reports (YEAR_2021_REPORTS): 浙江省自然资源厅 2021 is dept-2021.html too (新收 131).
    const published = await buildFixtureDataset(YEAR_2021_REPORTS);
    rmSync(data, { recursive: true });
    cpSync(published, data, { recursive: true });
    await page.goto(`${site.url}/?from=2021&to=2022`);
    await engineReady(page);
    expect(await page.textContent('p.imported')).toContain('含 1 份在本浏览器导入的报告');
    // 2022: 160 + 131 imported; 2021 (the new data's): 131 + 29.
    const trend = await page.locator('figure[data-chart="申请数量趋势"] tbody').textContent();
    expect(trend?.replace(/\s+/g, '')).toContain('2022291');
    expect(trend?.replace(/\s+/g, '')).toContain('2021160');
    await page.close();
    await site.close();
  }, 120_000);
});

describe('导入报告 where the browser refuses storage (a private window, storage turned off)', () => {
  it('says so, and the import still works for this visit', async () => {
    const page = await e2e.browser.newPage();
    await page.addInitScript(() => (IDBFactory.prototype.open = () => { throw new DOMException('refused', 'SecurityError'); }));
    await page.goto(`${e2e.site.url}/import/`);
    await engineReady(page);
    expect(await page.textContent('.storage')).toContain('本浏览器不允许网站保存数据（如无痕窗口）：导入的报告只保留到关闭页面。');
    await choose(page, [NATURAL_RESOURCES]);
    await addOne(page);
    expect(await page.textContent('p.imported')).toContain('含 1 份在本浏览器导入的报告（浏览器不允许保存：关闭页面后需重新导入）');
    // Within the visit (no reload), the overview has it: 160 + 131.
    await page.getByRole('link', { name: '总览' }).first().click();
    await engineReady(page);
    await page.getByLabel('起始年度').selectOption('2022');
    await expect.poll(() => kpiValue(page, '新收申请')).toBe('291');
    await page.close();
  }, 120_000);

  it('the PDF engine (pdfium.wasm) blocked: each PDF says so in one sentence, the other files are read', async () => {
    const page = await e2e.browser.newPage();
    await page.route(/pdfium[^/]*\.wasm$/, (route) => route.fulfill({ status: 403, body: 'blocked' }));
    await page.goto(`${e2e.site.url}/import/`);
    await engineReady(page);
    await choose(page, [NATURAL_RESOURCES, { name: '生态环境厅.pdf', from: fixture('published/dept-2021.writer.pdf'), body: '浙江省生态环境厅' }]);
    const row = async (file: string) => (await page.locator('tr', { hasText: file }).textContent())?.replace(/\s+/g, '');
    await expect.poll(() => page.locator('tr[data-status]:not([data-status="waiting"])').count(), { timeout: 60_000 }).toBe(2);
    expect(await row('生态环境厅.pdf')).toContain('无法读取：PDF读取组件（pdfium.wasm）无法下载：请检查服务器是否提供.wasm文件');
    expect(await row('自然资源厅.html')).toMatch(/已读取浙江省自然资源厅2022HTML/);
    await page.close();
  }, 120_000);
});

describe('导入报告: PDF and Word files, read in the browser as the command line reads them', () => {
  for (const [file, format] of [['dept-2021.docx', 'Word（DOCX）'], ['dept-2021.writer.pdf', 'PDF'], ['dept-2021.doc', 'Word（DOC）']] as const) {
    it(`${file}: 年报自查 shows its tables and findings`, async () => {
      const page = await open('/import/');
      await page.locator('section', { hasText: '年报自查' }).locator('input[type=file]').setInputFiles(fixture(`published/${file}`));
      const checked = page.locator('.checked');
      await checked.waitFor({ timeout: 60_000 });
      expect(await checked.locator('h1').textContent()).toBe('浙江省生态环境厅 2022 年政府信息公开工作年度报告');
      expect(await checked.locator('dl.meta').textContent()).toContain(format);
      // dept-2021's t3 本年新收 总计 and t4's 行政复议 总计, as the HTML edition has them.
      expect(await checked.locator('td[data-ref="t3.new.total"] .text').textContent()).toBe('131');
      await page.close();
    }, 120_000);
  }
});

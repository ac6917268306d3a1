import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fromParquet } from '../../src/lib/dataset';
import { chartsDrawn, chartTable, engineReady, reportCell, tableRows } from './browser';
import { e2e, open, SCREENSHOTS } from './context';
import { buildFixtureDataset } from '../dataset-fixture';
import { datasetPath } from '../helpers';
import { filtersToSearch } from '../../src/lib/app/url-filters';
import { NO_FILTERS } from '../../src/lib/queries/filters';
import { serveSite, type ServeOptions } from './server';

// The dashboard's six pages over the fixture dataset: 2019 the seed (浙江省经济和信息化厅),
// 2020 浙江省自然资源厅, 2022 浙江省生态环境厅 and 示例市文化和旅游局, plus a consolidated
// 2022 report the default views leave out. Expected figures are worked out by hand from those reports.

describe('dashboard pages in Chromium', () => {
  it('overview: KPI cards for the last year and trend charts with the data', async () => {
    const page = await open('/');
    expect(await chartTable(page, '申请数量趋势')).toEqual([
      ['年度', '本年新收政府信息公开申请数量（件）', '办理结果总计（件）'],
      ['2019', '9', '10'],
      ['2020', '57', '58'],
      ['2022', '160', '162'],
    ]);
    const cards = await page.$$eval('.kpis li', (items) => items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim()));
    expect(cards).toContain('新收申请 160 无上年数据');
    expect(cards).toContain('实质公开率 55.6%（n=162） （予以公开 + 部分公开）÷ 办理总计');
    expect(cards).toContain('行政复议 7 纠错率 28.6%（n=7，基数小）');
    expect(cards).toContain('政府集中采购 模板无此项 最近有数据：2020 年 25.10 万元');
    const [kpiCsv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV：2022 年主要指标' }).click()]);
    const kpiLines = readFileSync(await kpiCsv.path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    // Numbers in their own columns (实质公开率 90 / 162 = 55.6 %), the card's text beside them.
    expect(kpiLines[0]).toBe('指标,数值,单位,基数（n）,显示,说明');
    expect(kpiLines[1]).toBe('新收申请,160,件,,160,无上年数据');
    expect(kpiLines).toContain('实质公开率,55.6,%,162,55.6%（n=162）,（予以公开 + 部分公开）÷ 办理总计');
    expect(kpiLines).toContain('政府集中采购,,万元,,模板无此项,最近有数据：2020 年 25.10 万元');
    // When the data was built (dataset.json's built_at), on every page.
    expect(await page.textContent('.site-footer')).toBe('数据截至 2026年3月1日 · 5 份报告');
    await page.screenshot({ path: `${SCREENSHOTS}/overview.png`, fullPage: true });
    await page.close();
  });

  it('requests: applicant types stacked, the seed’s unplaceable split as 未区分', async () => {
    const page = await open('/requests');
    expect(await chartTable(page, '本年新收申请：按申请人类型')).toEqual([
      ['年度', '自然人（件）', '商业企业（件）', '科研机构（件）', '社会公益组织（件）', '法律服务机构（件）', '其他组织（件）', '未区分（件）'],
      ['2019', '', '', '', '', '', '', '9'],
      ['2020', '40', '9', '1', '0', '5', '2', ''],
      ['2022', '116', '26', '3', '1', '10', '4', ''],
    ]);
    expect(await page.textContent('.site-footer')).toBe('数据截至 2026年3月1日 · 5 份报告');
    await page.screenshot({ path: `${SCREENSHOTS}/requests.png`, fullPage: true });
    await page.close();
  });

  it('outcomes: shares per year, and the reasons inside 其他处理 with 2019 and 2021 rows shown as they are', async () => {
    const page = await open('/outcomes');
    expect((await chartTable(page, '办理结果构成'))[3]).toEqual(['2022', '74', '16', '12', '40', '7', '6']);
    await page.getByRole('radio', { name: '其他处理' }).check();
    await page.waitForSelector('figure[data-chart="其他处理：分项原因"][data-rendered="true"]');
    expect(await chartTable(page, '其他处理：分项原因')).toEqual([
      ['年度', '其他处理（2019 版，不分项）（件）', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请（2021 版）（件）', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请（2021 版）（件）', '其他（2021 版）（件）'],
      ['2019', '1', '', '', ''],
      ['2020', '1', '', '', ''],
      ['2022', '', '4', '0', '2'],
    ]);
    expect(await page.textContent('figure[data-chart="其他处理：分项原因"] .note')).toBe('2021 版模板起“其他处理”分为三项（浅色底）；此前只有一项，不分项。');
    // Per body in the last year: 浙江省生态环境厅 3 / '/' / 1, 示例市文化和旅游局 1 / 0 / 1.
    await page.waitForSelector('figure[data-chart="其他处理：各机关分项原因（2022 年，前 15）"][data-rendered="true"]');
    expect(await chartTable(page, '其他处理：各机关分项原因（2022 年，前 15）')).toEqual([
      ['机关', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请（2021 版）（件）', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请（2021 版）（件）', '其他（2021 版）（件）'],
      ['浙江省生态环境厅', '3', '', '1'],
      ['示例市文化和旅游局', '1', '0', '1'],
    ]);
    await page.screenshot({ path: `${SCREENSHOTS}/outcomes.png`, fullPage: true });
    await page.close();
  });

  it('licensing: decisions per year and the top bodies', async () => {
    const page = await open('/licensing');
    expect(await chartTable(page, '行政许可处理决定')).toEqual([['年度', '行政许可处理决定（件）'], ['2019', '3185'], ['2020', '2846'], ['2022', '3356']]);
    expect(await chartTable(page, '行政许可处理决定：前 15 个机关（2022 年）')).toEqual([
      ['机关', '行政许可处理决定（件）'],
      ['浙江省生态环境厅', '1836'],
      ['示例市文化和旅游局', '1520'],
    ]);
    await page.screenshot({ path: `${SCREENSHOTS}/licensing.png`, fullPage: true });
    await page.close();
  });

  it('procurement: 2022 is marked not in the template, never drawn as zero', async () => {
    const page = await open('/procurement');
    expect(await chartTable(page, '政府集中采购金额')).toEqual([['年度', '政府集中采购金额（万元）'], ['2019', '5234.55'], ['2020', '25.1'], ['2022', '模板无此项']]);
    await page.screenshot({ path: `${SCREENSHOTS}/procurement.png`, fullPage: true });
    await page.close();
  });

  it('review: results per year and correction rates with their base', async () => {
    const page = await open('/review');
    expect(await chartTable(page, '行政复议：按结果')).toContainEqual(['2022', '3', '2', '0', '2']);
    expect(await page.textContent('figure[data-chart="纠错率"] .note')).toContain('2022：复议 n=7，诉讼 n=4');
    await page.screenshot({ path: `${SCREENSHOTS}/review.png`, fullPage: true });
    await page.close();
  });
});

describe('filters', () => {
  it('a year filter changes the charts and the URL; reload and back/forward keep the view', async () => {
    const page = await open('/');
    const years = () => chartTable(page, '申请数量趋势').then((rows) => rows.map((r) => r[0]));
    await page.getByLabel('起始年度').selectOption('2020');
    await page.waitForURL(/from=2020/);
    await expect.poll(years, { timeout: 20_000 }).toEqual(['年度', '2020', '2022']);
    await page.reload();
    await chartsDrawn(page);
    await expect.poll(years, { timeout: 20_000 }).toEqual(['年度', '2020', '2022']);
    await page.goBack();
    await expect.poll(years, { timeout: 20_000 }).toEqual(['年度', '2019', '2020', '2022']);
    await page.goForward();
    await expect.poll(years, { timeout: 20_000 }).toEqual(['年度', '2020', '2022']);
    await page.close();
  });

  it('a body chosen in the searchable list; the filter follows to other pages', async () => {
    const page = await open('/');
    await page.getByText(/^机关：/).click();
    await page.getByLabel('搜索机关名称').fill('生态');
    await page.getByLabel('浙江省生态环境厅').check();
    await page.waitForURL(/body=/);
    // The choice is named where the filter is, not only counted.
    expect(await page.textContent('details.bodies summary')).toBe('机关：浙江省生态环境厅');
    await expect.poll(() => chartTable(page, '申请数量趋势'), { timeout: 20_000 }).toEqual([['年度', '本年新收政府信息公开申请数量（件）', '办理结果总计（件）'], ['2022', '131', '132']]);
    await page.getByRole('link', { name: '行政许可' }).click();
    await page.waitForURL(/licensing\/\?body=/);
    await chartsDrawn(page);
    expect(await chartTable(page, '行政许可处理决定')).toEqual([['年度', '行政许可处理决定（件）'], ['2022', '1836']]);
    await page.close();
  });

  it('the body list: chosen bodies first, closed by Escape (focus back on it) or a click elsewhere', async () => {
    const page = await open('/?body=示例市文化和旅游局');
    await engineReady(page);
    const list = page.locator('details.bodies');
    await page.getByText(/^机关：/).click();
    await page.waitForSelector('ul[aria-label="机关"] input');
    expect(await page.locator('ul[aria-label="机关"] li').first().textContent()).toContain('示例市文化和旅游局');
    await page.keyboard.press('Escape');
    expect(await list.getAttribute('open')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.getByText(/^机关：/).click();
    expect(await list.getAttribute('open')).not.toBeNull();
    await page.locator('h1').click();
    expect(await list.getAttribute('open')).toBeNull();
    await page.close();
  });

  it('a start year after the end year cannot be chosen', async () => {
    const page = await open('/?to=2020');
    await engineReady(page);
    await page.waitForSelector('select option[value="2019"]', { state: 'attached' });
    const disabled = await page.getByLabel('起始年度').locator('option[disabled]').allTextContents();
    expect(disabled).toEqual(['2022']);
    await page.close();
  });

  it('a level or report kind chosen: the charts follow, an empty choice says so', async () => {
    const page = await open('/');
    const trend = () => chartTable(page, '申请数量趋势').then((rows) => rows.slice(1));
    await page.getByLabel('层级').selectOption('省级');
    await page.waitForURL(/level=/);
    await expect.poll(trend, { timeout: 20_000 }).toEqual([['2019', '9', '10'], ['2020', '57', '58'], ['2022', '131', '132']]);
    await page.getByLabel('报告类型').selectOption('consolidated');
    await page.waitForSelector('text=所选条件下没有报告');
    await page.getByLabel('层级').selectOption('');
    await expect.poll(trend, { timeout: 20_000 }).toEqual([['2022', '29', '30']]);
    await page.close();
  });

  it('the consolidated report only when asked for; nothing selected gives an empty state', async () => {
    const page = await open('/?kind=consolidated');
    expect(await chartTable(page, '申请数量趋势')).toEqual([['年度', '本年新收政府信息公开申请数量（件）', '办理结果总计（件）'], ['2022', '29', '30']]);
    await page.goto(`${e2e.site.url}/?body=没有这个机关`);
    await page.waitForSelector('text=所选条件下没有报告');
    await page.getByRole('button', { name: '重置筛选' }).click();
    await page.waitForURL((u) => u.search === '');
    await expect.poll(() => chartTable(page, '申请数量趋势').then((rows) => rows.length), { timeout: 20_000 }).toBe(4);
    await page.close();
  });
});

describe('downloads', () => {
  it('a chart’s CSV: UTF-8 with BOM, Chinese headers, the chart’s numbers', async () => {
    const page = await open('/');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV：申请数量趋势' }).click()]);
    expect(download.suggestedFilename()).toBe('申请数量趋势.csv');
    const csv = readFileSync(await download.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').slice(1)).toBe('年度,本年新收政府信息公开申请数量（件）,办理结果总计（件）\r\n2019,9,10\r\n2020,57,58\r\n2022,160,162\r\n');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 PNG 图片：申请数量趋势' }).click()]);
    expect([...readFileSync(await png.path()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    // The same rows as an Excel workbook: a header row of text, the years and counts as numbers.
    const [excel] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Excel：申请数量趋势' }).click()]);
    expect(excel.suggestedFilename()).toBe('申请数量趋势.xlsx');
    const files = unzipSync(new Uint8Array(readFileSync(await excel.path())));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    const shared = [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]);
    expect(shared.slice(0, 3)).toEqual(['年度', '本年新收政府信息公开申请数量（件）', '办理结果总计（件）']);
    // Each cell of a row: a number as it is stored (<v>), text through the shared strings (t="s"), marked 's:'.
    const row = (n: number) => [...sheet.matchAll(new RegExp(`<c r="[A-C]${n}"([^>]*)><v>([^<]*)</v>`, 'g'))].map(([, attrs, v]) => (attrs.includes('t="s"') ? `s:${shared[Number(v)]}` : v));
    expect([row(2), row(3), row(4)]).toEqual([['s:2019', '9', '10'], ['s:2020', '57', '58'], ['s:2022', '160', '162']]);
    await page.close();
  });
});

describe('on a plain static server (no rewrite rules)', () => {
  const PAGES = ['requests', 'outcomes', 'licensing', 'procurement', 'review', 'compare', 'bodies', 'quality', 'body', 'report'];

  it('every page is a folder with its own index.html: no page needs a rewrite to requests.html', () => {
    for (const name of PAGES) expect(existsSync(join('build', name, 'index.html')), `build/${name}/index.html`).toBe(true);
    // index.html, and 404.html: the page a server shows for an address the site does not have.
    expect(readdirSync('build').filter((f) => f.endsWith('.html'))).toEqual(['404.html', 'index.html']);
    // IIS refuses file types it does not know: the site maps its own.
    expect(readFileSync(join('build', 'web.config'), 'utf8')).toContain('<mimeMap fileExtension=".wasm" mimeType="application/wasm" />');
  });

  it('a link with 300 bodies chosen stays short enough for the server, and opens with all 300', async () => {
    const bodies = ['浙江省生态环境厅', ...Array.from({ length: 299 }, (_, i) => `浙江省示例市第${i + 1}区人民政府办公室（政务公开办）`)];
    // Written out, the link is over the server's 16 KB header limit.
    const plain = await fetch(`${e2e.site.url}/?${new URLSearchParams(bodies.map((b) => ['body', b]))}`);
    expect(plain.status).toBe(431);
    // The link the page writes for that choice (the page's own filtersToSearch).
    const link = filtersToSearch({ ...NO_FILTERS, bodies });
    expect(link.length).toBeLessThan(8_000);
    const shared = await open(`/${link}`);
    expect(await shared.textContent('details.bodies summary')).toMatch(/^机关：.+、.+ 等 300 个$/);
    await expect.poll(() => chartTable(shared, '申请数量趋势')).toEqual([['年度', '本年新收政府信息公开申请数量（件）', '办理结果总计（件）'], ['2022', '131', '132']]);
    await shared.close();
  });

  it('a reload or a shared link of any page loads, with or without its closing /, the query kept', async () => {
    for (const name of PAGES.slice(0, 8)) {
      for (const path of name === 'requests' ? [`/${name}`, `/${name}/`] : [`/${name}`]) {
        const page = await open(`${path}?from=2020`);
        expect(new URL(page.url()).pathname).toBe(`/${name}/`);
        expect(new URL(page.url()).search).toBe('?from=2020');
        expect(await page.textContent('h1')).not.toBe('');
        await page.close();
      }
    }
    const shared = await open('/compare?a=2020&b=2022&metric=new_requests');
    expect(shared.url()).toBe(`${e2e.site.url}/compare/?a=2020&b=2022&metric=new_requests`);
    await shared.waitForSelector('section[data-table] table');
    await shared.close();
  });
});

describe('on a phone', () => {
  it('every page fits 360 and 390 px: no sideways scroll of the page, nothing zoomed out', async () => {
    const pages = ['/', '/requests/', '/outcomes/', '/licensing/', '/procurement/', '/review/', '/compare/?a=2020&b=2022', '/bodies/', '/quality/', '/import/', '/body/?name=浙江省生态环境厅'];
    for (const width of [360, 390]) {
      for (const path of pages) {
        const page = await e2e.browser.newPage({ viewport: { width, height: 780 }, isMobile: true, hasTouch: true });
        await page.goto(`${e2e.site.url}${path}`);
        await page.waitForSelector('main[data-status="ready"]', { timeout: 60_000 });
        await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
        const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        expect([width, path, scroll, inner]).toEqual([width, path, width, width]);
        if (path.startsWith('/compare/')) {
          // A table's names wrap, and the figures beside them show: the first column takes at most half the screen.
          const nameWidth = await page.locator('section[data-table] tbody th').first().evaluate((th) => th.getBoundingClientRect().width);
          expect([width, nameWidth <= width / 2]).toEqual([width, true]);
        }
        if (path.startsWith('/body/')) {
          await page.getByRole('link', { name: '2022' }).first().click();
          await page.waitForSelector('td[data-ref="t4.review.total"]');
          expect([width, 'report', ...(await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]))]).toEqual([width, 'report', width, width]);
        }
        await page.close();
      }
    }
  }, 200_000); // 24 page loads
});

describe('before the engine has started', () => {
  it('a link with a filter draws its trends from the cube the ingest prepared, while DuckDB is still on its way', async () => {
    const site = await serveSite('build', await buildFixtureDataset(), { slow: { path: /duckdb-.*\.wasm$/, ms: 30_000 } });
    const page = await e2e.browser.newPage();
    await page.goto(`${site.url}/?level=${encodeURIComponent('省级')}`);
    await chartsDrawn(page);
    expect(await page.getAttribute('main', 'data-status')).toBe('loading');
    // The fixture's 省级 reports, by hand: the seed (2019: 9 new, 10 handled), 浙江省自然资源厅 (2020: 57, 58), 浙江省生态环境厅 (2022: 131, 132).
    expect(await chartTable(page, '申请数量趋势')).toEqual([['年度', '本年新收政府信息公开申请数量（件）', '办理结果总计（件）'], ['2019', '9', '10'], ['2020', '57', '58'], ['2022', '131', '132']]);
    // 报告类型 汇总报告 in the link: the city-wide report alone (full-2021.txt: 29 new, 30 handled).
    await page.goto(`${site.url}/?kind=consolidated`);
    await chartsDrawn(page);
    expect(await chartTable(page, '申请数量趋势')).toEqual([['年度', '本年新收政府信息公开申请数量（件）', '办理结果总计（件）'], ['2022', '29', '30']]);
    expect(await page.getAttribute('main', 'data-status')).toBe('loading');
    // 依申请 with 省级: the applicant split from the cell cube, by hand from the same three reports (the seed's flattened row all 未区分).
    await page.goto(`${site.url}/requests/?level=${encodeURIComponent('省级')}`);
    await page.waitForSelector('figure[data-chart="本年新收申请：按申请人类型"][data-rendered="true"]');
    expect(await chartTable(page, '本年新收申请：按申请人类型')).toEqual([
      ['年度', '自然人（件）', '商业企业（件）', '科研机构（件）', '社会公益组织（件）', '法律服务机构（件）', '其他组织（件）', '未区分（件）'],
      ['2019', '', '', '', '', '', '', '9'],
      ['2020', '40', '9', '1', '0', '5', '2', ''],
      ['2022', '96', '21', '2', '1', '8', '3', ''],
    ]);
    expect(await page.getAttribute('main', 'data-status')).toBe('loading');
    await page.close();
    await site.close();
  });

  it('a damaged prepared-overview.json (a cell cube row without its cells) is no error on the page: the database answers the same figures', async () => {
    const dir = await buildFixtureDataset();
    const file = join(dir, 'prepared-overview.json');
    const prepared = JSON.parse(readFileSync(file, 'utf8'));
    prepared.cells.rows[0].cells = null;
    writeFileSync(file, JSON.stringify(prepared));
    const site = await serveSite('build', dir);
    const page = await e2e.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}/requests/?level=${encodeURIComponent('省级')}`);
    await page.waitForSelector('figure[data-chart="本年新收申请：按申请人类型"][data-rendered="true"]', { timeout: 60_000 });
    // The fixture's 省级 reports, by hand (as from the cube): the seed's flattened row all 未区分; dept-2019.html and dept-2021.html as their tables say.
    expect(await chartTable(page, '本年新收申请：按申请人类型')).toEqual([
      ['年度', '自然人（件）', '商业企业（件）', '科研机构（件）', '社会公益组织（件）', '法律服务机构（件）', '其他组织（件）', '未区分（件）'],
      ['2019', '', '', '', '', '', '', '9'],
      ['2020', '40', '9', '1', '0', '5', '2', ''],
      ['2022', '96', '21', '2', '1', '8', '3', ''],
    ]);
    // A change of filters (the file now read: the damaged rows answer at once, or fail at once) is answered too.
    await page.getByLabel('报告类型').selectOption('department');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('kind') === 'department');
    await page.waitForSelector('figure[data-chart="本年新收申请：按申请人类型"][data-rendered="true"]', { timeout: 60_000 });
    expect((await chartTable(page, '本年新收申请：按申请人类型'))[2]).toEqual(['2020', '40', '9', '1', '0', '5', '2', '']);
    expect(await page.locator('.error').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
    await site.close();
  });

  it('数据质量 draws its charts and rule counts from the cube the ingest prepared, before the page holds the reports', async () => {
    const site = await serveSite('build', await buildFixtureDataset(), { slow: { path: /\/reports\.[0-9a-f]+\.parquet$/, ms: 30_000 } });
    const page = await e2e.browser.newPage();
    await page.goto(`${site.url}/quality/?level=${encodeURIComponent('省级')}`);
    await page.waitForSelector('figure[data-chart="各年度发现的问题：按规则"][data-rendered="true"]');
    // The reports file is still on its way: nothing is held, the lists of reports wait.
    expect(await page.getAttribute('main', 'data-view')).not.toBe('ready');
    expect(await page.getAttribute('section[data-table="按机关和年度统计"]', 'aria-busy')).toBe('true');
    // 省级, by hand: the seed (2019) its flattened applicant row (数字无法对应到列) and three rules it leaves unchecked (4 infos);
    // 浙江省生态环境厅 (2022) its six errors, four of them T3_ROW_SUM (申请人合计); 浙江省自然资源厅 (2020) none.
    expect(await chartTable(page, '各年度发现的问题：按规则')).toEqual([
      ['年度', '申请数量平衡（项）', '办理结果合计（项）', '申请人合计（项）', '数字无法对应到列（项）', '规则未能检查（项）'],
      ['2019', '0', '0', '0', '1', '3'],
      ['2020', '0', '0', '0', '0', '0'],
      ['2022', '1', '1', '4', '0', '0'],
    ]);
    expect((await tableRows(page, '按规则统计')).slice(1).map((r) => [r[0], r[3], r[4]])).toEqual([
      ['申请数量平衡', '1', '1'],
      ['办理结果合计', '1', '1'],
      ['申请人合计', '4', '1'],
      ['数字无法对应到列', '1', '1'],
      ['规则未能检查', '3', '1'],
    ]);
    expect(await page.getAttribute('main', 'data-view')).not.toBe('ready');
    await page.close();
    await site.close();
  });

  it('部门排名 and 年度对比 draw from the body-year files the ingest wrote, before the page holds the reports', async () => {
    const site = await serveSite('build', await buildFixtureDataset(), { slow: { path: /\/reports\.[0-9a-f]+\.parquet$/, ms: 30_000 } });
    const page = await e2e.browser.newPage();
    await page.goto(`${site.url}/bodies/?metric=licensing&year=2022`);
    await page.waitForSelector('figure[data-chart="行政许可处理决定：前 15 个机关（2022 年）"][data-rendered="true"]');
    // The reports file is still on its way: nothing is held.
    expect(await page.getAttribute('main', 'data-view')).not.toBe('ready');
    // 2022 by hand: dept-2021.html (浙江省生态环境厅) 1836 licensing decisions, full-2021.txt (示例市文化和旅游局) 1520; not its consolidated copy.
    expect(await chartTable(page, '行政许可处理决定：前 15 个机关（2022 年）')).toEqual([['机关', '行政许可处理决定（件）'], ['浙江省生态环境厅', '1836'], ['示例市文化和旅游局', '1520']]);
    expect((await tableRows(page, '行政许可处理决定：2022 年各机关排名')).slice(1)).toEqual([
      ['1', '浙江省生态环境厅', '浙江省', '省级', '1,836 件', ''],
      ['2', '示例市文化和旅游局', '示例市', '市级', '1,520 件', ''],
    ]);
    // A filter is answered from the same file: 市级 leaves 示例市文化和旅游局.
    await page.goto(`${site.url}/bodies/?metric=licensing&year=2022&level=${encodeURIComponent('市级')}`);
    await page.waitForSelector('figure[data-chart="行政许可处理决定：前 15 个机关（2022 年）"][data-rendered="true"]');
    expect((await tableRows(page, '行政许可处理决定：2022 年各机关排名')).slice(1)).toEqual([['1', '示例市文化和旅游局', '示例市', '市级', '1,520 件', '']]);
    // 年度对比: 2020's 浙江省自然资源厅 (dept-2019.html: 2846) against 2022's two bodies.
    await page.goto(`${site.url}/compare/?a=2020&b=2022&metric=licensing`);
    await page.waitForSelector('section[data-table="行政许可处理决定：各机关 2020 年与 2022 年"]:not([aria-busy="true"])');
    expect(await page.getAttribute('main', 'data-view')).not.toBe('ready');
    expect((await tableRows(page, '行政许可处理决定：各机关 2020 年与 2022 年')).slice(1)).toEqual([
      ['浙江省生态环境厅', '—', '1,836 件', '—', '—', '件', '无 2020 年报告'],
      ['浙江省自然资源厅', '2,846 件', '—', '—', '—', '件', '无 2022 年报告'],
      ['示例市文化和旅游局', '—', '1,520 件', '—', '—', '件', '无 2020 年报告'],
    ]);
    expect(await page.textContent('.coverage')).toContain('2020 年 1 个机关、2022 年 2 个机关有报告');
    await page.close();
    await site.close();
  });

  it('a body’s page draws its trends from its group’s file, before the page holds the reports', async () => {
    const site = await serveSite('build', await buildFixtureDataset(), { slow: { path: /\/reports\.[0-9a-f]+\.parquet$/, ms: 30_000 } });
    const page = await e2e.browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${site.url}/body/?name=${encodeURIComponent('浙江省生态环境厅')}`);
    await page.waitForSelector('figure[data-chart="申请数量趋势"][data-rendered="true"]');
    // The reports file is still on its way: nothing is held, and the page read one group's file.
    expect(await page.getAttribute('main', 'data-view')).not.toBe('ready');
    expect(fetched.filter((p) => p.includes('/body-groups/')).map((p) => p.replace(/^.*\/data\//, '').replace(/\.[0-9a-f]{12}\.json$/, ''))).toEqual(['body-groups/group=0/body-group']);
    // By hand: dept-2021.html, 2022, 新收申请 131, 办理总计 132.
    expect(await chartTable(page, '申请数量趋势')).toEqual([['年度', '本年新收政府信息公开申请数量（件）', '办理结果总计（件）'], ['2022', '131', '132']]);
    // A consolidated body's page sums its consolidated report (city-total.txt, a copy of full-2021.txt: 29 and 30), which the other pages leave out.
    await page.goto(`${site.url}/body/?name=${encodeURIComponent('示例市（全市汇总）')}`);
    await page.waitForSelector('figure[data-chart="申请数量趋势"][data-rendered="true"]');
    expect(await page.getAttribute('main', 'data-view')).not.toBe('ready');
    expect(await chartTable(page, '申请数量趋势')).toEqual([['年度', '本年新收政府信息公开申请数量（件）', '办理结果总计（件）'], ['2022', '29', '30']]);
    await page.close();
    await site.close();
  });

  it('a trend page is whole and answers every filter from the reports held in the page, while DuckDB is still on its way', async () => {
    const site = await serveSite('build', await buildFixtureDataset(), { slow: { path: /duckdb-.*\.wasm$/, ms: 30_000 } });
    const page = await e2e.browser.newPage();
    await page.goto(`${site.url}/licensing/?level=${encodeURIComponent('省级')}`);
    await page.waitForSelector('main[data-view="ready"]');
    await chartsDrawn(page);
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    expect(await page.getAttribute('main', 'data-status')).toBe('loading');
    await expect.poll(() => page.textContent('main .loading')).toContain('图表已可查看和筛选');
    // 2022's 省级 bodies by hand: 浙江省生态环境厅 alone (dept-2021.html: 1836 licensing decisions).
    expect(await chartTable(page, '行政许可处理决定：前 15 个机关（2022 年）')).toEqual([['机关', '行政许可处理决定（件）'], ['浙江省生态环境厅', '1836']]);
    // The filter panel lists every body, and a body chosen is summed from its reports held in the page (dept-2019.html: 2846 in 2020).
    await page.getByText(/^机关：/).click();
    const list = page.getByRole('list', { name: '机关' });
    // The list is drawn once the panel has opened (its toggle event comes after the click).
    await expect.poll(() => list.getByRole('checkbox').count()).toBe(5);
    await list.getByLabel('浙江省自然资源厅').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('body'));
    await chartsDrawn(page);
    expect(await chartTable(page, '行政许可处理决定')).toEqual([['年度', '行政许可处理决定（件）'], ['2020', '2846']]);
    // The overview says what its sums leave out (the city-wide report) before the engine is up too.
    await page.goto(site.url);
    await expect.poll(() => page.textContent('main')).toContain('合计未计入：');
    expect(await page.textContent('.left-out')).toContain('1 份汇总报告');
    expect(await page.getAttribute('main', 'data-status')).toBe('loading');
    // 数据质量 whole from the findings held in the page, 省级 chosen: the seed and 浙江省生态环境厅's findings, by hand (浙江省自然资源厅 has none).
    await page.goto(`${site.url}/quality/?level=${encodeURIComponent('省级')}`);
    await page.waitForSelector('main[data-view="ready"]');
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    expect((await tableRows(page, '按机关和年度统计')).slice(1).map((r) => r.slice(0, 5))).toEqual([
      ['浙江省生态环境厅', '2022', '6', '0', '0'],
      ['浙江省经济和信息化厅', '2019', '0', '0', '4'],
    ]);
    expect(await tableRows(page, '缺少年度报告的机关')).toContainEqual(['浙江省自然资源厅', '2020', '2019、2021、2022', '3']);
    expect(await page.getAttribute('main', 'data-status')).toBe('loading');
    // A body's page: its applicant split from its report's cells of the cube, held with the measures (dept-2019.html's 本年新收: 40 9 1 0 5 2).
    await page.goto(`${site.url}/body/?name=${encodeURIComponent('浙江省自然资源厅')}`);
    await page.waitForSelector('main[data-view="ready"]');
    await page.waitForSelector('figure[data-chart="本年新收申请：按申请人类型"][data-rendered="true"]');
    expect((await chartTable(page, '本年新收申请：按申请人类型'))[1]).toEqual(['2020', '40', '9', '1', '0', '5', '2']);
    expect(await page.getAttribute('main', 'data-status')).toBe('loading');
    await page.close();
    await site.close();
  });
});

describe('when the engine cannot start', () => {
  // A site whose server refuses some of the engine's files, over the fixture dataset.
  const tryServing = async (options: ServeOptions) => {
    const site = await serveSite('build', await buildFixtureDataset(), options);
    const page = await e2e.browser.newPage();
    const started = Date.now();
    await page.goto(`${site.url}/requests/`);
    await page.waitForSelector('main[data-status="error"], main[data-status="ready"]', { timeout: 60_000 });
    const result = { status: await page.getAttribute('main', 'data-status'), seconds: (Date.now() - started) / 1000, text: (await page.textContent('main')) ?? '' };
    // Nothing to download without data: the buttons say so by being off.
    if (result.status === 'error') expect(await page.getByRole('group', { name: '下载所选数据' }).getByRole('button', { name: 'CSV' }).isDisabled()).toBe(true);
    await page.close();
    await site.close();
    return result;
  };

  it('a blocked .wasm: within seconds, one sentence naming the file and what IT should check; no advice to run the ingest', async () => {
    const { status, seconds, text } = await tryServing({ block: /\.wasm$/ });
    expect(status).toBe('error');
    expect(seconds).toBeLessThan(10);
    expect(text).toMatch(/数据引擎无法启动：duckdb-(eh|mvp)\.[\w-]+\.wasm 无法下载（HTTP 404）。请 IT 检查：.*\.wasm 的 MIME 类型为 application\/wasm/);
    expect(text).not.toContain('npm run ingest');
  });

  it('a blocked engine worker script: named the same way', async () => {
    const { status, seconds, text } = await tryServing({ block: /duckdb-browser-.*\.js$/ });
    expect(status).toBe('error');
    expect(seconds).toBeLessThan(10);
    expect(text).toMatch(/数据引擎无法启动：duckdb-browser-(eh|mvp)\.worker\.[\w-]+\.js 无法下载（HTTP 404）/);
  });

  it('the Parquet decoder’s .wasm blocked (its own worker): the load ends with the file named, not a spinner', async () => {
    const { status, seconds, text } = await tryServing({ block: /parquet_wasm_bg.*\.wasm$/ });
    expect(status).toBe('error');
    expect(seconds).toBeLessThan(20);
    expect(text).toMatch(/数据引擎无法启动：parquet_wasm_bg[.-][\w-]+\.wasm 无法加载/);
  });

  it('.wasm served as application/octet-stream or text/plain (a server that does not know the type): the site works all the same', async () => {
    for (const type of ['application/octet-stream', 'text/plain']) {
      const { status, text } = await tryServing({ types: { '.wasm': type } });
      expect([type, status, status === 'error' ? text : '']).toEqual([type, 'ready', '']);
    }
  });
});

describe('pages that are not there, and no script', () => {
  it('an address the site does not have: its 404 page, in Chinese with a title and a way back', async () => {
    // A page of its own, not open(): the browser logs the 404 itself as a console error.
    const page = await e2e.browser.newPage();
    const response = await page.goto(`${e2e.site.url}/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await page.title()).toBe('找不到此页面 · 政府信息公开年度报告分析');
    expect(await page.textContent('h1')).toBe('找不到此页面');
    await page.getByRole('link', { name: '返回总览' }).click();
    await page.waitForSelector('.kpis li');
    await page.close();
  });

  it('the report page with no report in its link says so', async () => {
    const page = await open('/report/');
    await page.waitForSelector('h1:has-text("找不到报告")');
    expect(await page.textContent('main')).toContain('链接中没有指定报告。请从部门排名或数据质量页面进入。');
    await page.close();
  });

  it('with JavaScript off, the page shell shows: title, navigation, the page’s heading and what it needs', async () => {
    const context = await e2e.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${e2e.site.url}/requests/`);
    expect(await page.isVisible('noscript p')).toBe(true);
    expect(await page.textContent('noscript p')).toContain('需要启用 JavaScript');
    expect(await page.title()).toBe('依申请 · 政府信息公开年度报告分析');
    expect(await page.locator('h1').innerText()).toBe('依申请公开');
    // The links resolve as written (relative: the site works from a subfolder too).
    const links = await page.locator('header nav a').evaluateAll((as) => as.map((a) => [a.textContent, new URL((a as HTMLAnchorElement).href).pathname]));
    expect(links).toContainEqual(['数据质量', '/quality/']);
    expect(links).toHaveLength(10);
    // Nothing that only scripts can fill shows: no endless 正在加载, no filters that cannot work.
    expect(await page.getByText('正在加载数据').isVisible()).toBe(false);
    expect(await page.getByText('正在查询…').first().isVisible()).toBe(false);
    expect(await page.locator('form.filters').isVisible()).toBe(false);
    await page.screenshot({ path: `${SCREENSHOTS}/no-javascript.png` });
    await context.close();
  });
});

describe('a broken data file', () => {
  it('one year’s summary file corrupt: that year is left out and named on every page, the others work', async () => {
    const dir = await buildFixtureDataset();
    writeFileSync(datasetPath(dir, 'summary/year=2020/summary.parquet'), '<html>not found</html>');
    const site = await serveSite('build', dir);
    const page = await e2e.browser.newPage();
    await page.goto(`${site.url}/`);
    await page.waitForSelector('p.failed');
    expect(await page.textContent('p.failed')).toMatch(/^\s*2020 年的数据文件无法读取（summary\/year=2020\/summary\.[0-9a-f]{12}\.parquet 无法读取.*），这些年度未显示，其余年度照常。/);
    await engineReady(page);
    // The overview's trend: 2019 and 2022 as in the whole fixture, no 2020 (its prepared row is left out too).
    await expect.poll(() => chartTable(page, '申请数量趋势')).toEqual([['年度', '本年新收政府信息公开申请数量（件）', '办理结果总计（件）'], ['2019', '9', '10'], ['2022', '160', '162']]);
    await page.getByRole('link', { name: '依申请' }).click();
    await page.waitForURL(/requests/);
    await chartsDrawn(page);
    expect((await chartTable(page, '本年新收申请：按申请人类型')).map((r) => r[0])).toEqual(['年度', '2019', '2022']);
    expect(await page.isVisible('p.failed')).toBe(true);
    await page.close();
    await site.close();
  });

  it('one year’s cells file corrupt: the pages over many reports show that year; its report says which file failed', async () => {
    const dir = await buildFixtureDataset();
    writeFileSync(datasetPath(dir, 'cells/year=2020/cells.parquet'), '<html>not found</html>');
    const site = await serveSite('build', dir);
    const page = await e2e.browser.newPage();
    await page.goto(`${site.url}/requests/`);
    await chartsDrawn(page);
    // The fixture's years, by hand: 2020 is the one report of 57 new requests.
    expect((await chartTable(page, '本年新收申请：按申请人类型')).map((r) => r[0])).toEqual(['年度', '2019', '2020', '2022']);
    expect(await page.isVisible('p.failed')).toBe(false);
    await page.goto(`${site.url}/body/?name=${encodeURIComponent('浙江省自然资源厅')}`);
    await page.getByRole('link', { name: '2020' }).click();
    await page.waitForURL(/\/report\/\?id=/);
    await expect.poll(() => page.locator('main').innerText(), { timeout: 30_000 }).toMatch(/本报告的单元格无法显示：cells\/year=2020\/cells\.[0-9a-f]{12}\.parquet 无法读取，请重新运行导入/);
    // The report's facts and findings still show.
    expect(await page.textContent('h1')).toBe('浙江省自然资源厅 2020 年政府信息公开工作年度报告');
    await page.close();
    await site.close();
  });
});

describe('loading only what a page needs', () => {
  it('pages over many reports fetch no cells file, and the cube cells only for a view that needs them; a report’s page fetches its year’s alone', async () => {
    const page = await e2e.browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => {
      // The file's logical name in the dataset (cells/year=2019/cells): the part of the path after data/.
      const name = new URL(r.url()).pathname.replace(/^.*\/data\//, '');
      const versioned = /\.[0-9a-f]{12}\.(?:parquet|json)$/;
      if (versioned.test(name)) fetched.push(name.replace(versioned, ''));
    });
    // Each page's files: the cube cells only once a view needs them (办理结果's reasons per body).
    const filesOf: Record<string, string[]> = {};
    for (const path of ['/', '/requests/', '/outcomes/', '/review/', '/compare/', '/bodies/?year=2019', '/quality/']) {
      const before = fetched.length;
      await page.goto(`${e2e.site.url}${path}`);
      await page.waitForSelector('main[data-status="ready"]');
      await chartsDrawn(page);
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      filesOf[path] = fetched.slice(before);
    }
    expect(fetched.filter((f) => f.startsWith('cells/'))).toEqual([]);
    expect([...new Set(fetched)].sort()).toEqual(['body-years/year=2019/body-years', 'body-years/year=2020/body-years', 'body-years/year=2022/body-years', 'cube-cells', 'findings', 'measures', 'reports', 'summary/year=2019/summary', 'summary/year=2020/summary', 'summary/year=2022/summary']);
    // The body years of the years a page shows, and only there: 年度对比's two (by default the last but one and the last), 部门排名's one.
    expect(filesOf['/compare/'].filter((f) => f.startsWith('body-years/'))).toEqual(['body-years/year=2020/body-years', 'body-years/year=2022/body-years']);
    expect(filesOf['/bodies/?year=2019'].filter((f) => f.startsWith('body-years/'))).toEqual(['body-years/year=2019/body-years']);
    expect([...filesOf['/'], ...filesOf['/requests/'], ...filesOf['/outcomes/'], ...filesOf['/review/'], ...filesOf['/quality/']].filter((f) => f.startsWith('body-years/'))).toEqual([]);
    expect([...filesOf['/'], ...filesOf['/requests/']]).not.toContain('cube-cells');
    expect(filesOf['/outcomes/']).toContain('cube-cells');
    await page.getByRole('link', { name: '浙江省经济和信息化厅' }).first().click();
    await page.waitForURL(/\/body\/\?/);
    await page.getByRole('link', { name: '2019' }).click();
    await page.waitForSelector('td[data-ref="t4.review.total"]');
    // The seed's new requests, by hand: 9.
    expect(await reportCell(page, 't3.new.total')).toBe('9');
    expect(fetched.filter((f) => f.startsWith('cells/'))).toEqual(['cells/year=2019/cells']);
    await page.close();
  });
});

describe('without data', () => {
  it('without a dataset: a clear error that says how to run the ingest', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-data-'));
    const bare = await serveSite('build', empty);
    const page = await e2e.browser.newPage();
    await page.goto(bare.url);
    await page.waitForSelector('text=无法加载数据');
    expect(await page.textContent('main')).toContain('npm run ingest');
    await page.close();
    await bare.close();
  });
});

describe('downloading the filtered dataset', () => {
  it('CSV with Chinese headers and Parquet that reads back, for the selected body only', async () => {
    const page = await open('/?body=浙江省自然资源厅');
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: '下载所选数据' }).getByRole('button', { name: 'CSV' }).click()]);
    const csv = readFileSync(await csvDownload.path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toBe('发布机关,年度,模板版本,来源（real 真实 / synthetic 合成）,表,项,行,列,数值（金额为万元）,状态,原文,报告编号,源文件,不计入合计（同一机关同一年度计入的报告编号）');
    expect(csv).toContain(`浙江省自然资源厅,2020,2019,real,t2,art20_9,procurement,amount,25.1,value,251000元,${csv[1].split(',')[11]},dept-2019.html,`);
    expect(csv.filter((l) => l && !l.startsWith('浙江省自然资源厅')).length).toBe(1);
    const [parquetDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: '下载所选数据' }).getByRole('button', { name: 'Parquet' }).click()]);
    const table = fromParquet(readFileSync(await parquetDownload.path()));
    const licensing = table.toArray().map((r) => r.toJSON()).find((r) => r.row === 'licensing' && r.col === 'decisions');
    expect(licensing).toMatchObject({ body: '浙江省自然资源厅', year: 2020, value: 2846, raw: '2846' });
    expect(table.numRows).toBe(csv.length - 2);
    await page.close();
  });
});

describe('on paper', () => {
  it('prints the content with the selection and the time at the top: no menu, filters or buttons; charts not split', async () => {
    const page = await open('/requests/?from=2020&to=2022&body=浙江省生态环境厅');
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) => page.$$eval(selector, (els) => els.filter((e) => getComputedStyle(e).display !== 'none').length);
    expect(await shown('header nav')).toBe(0);
    expect(await shown('form.filters')).toBe(0);
    expect(await shown('main button')).toBe(0);
    expect(await page.locator('p.print-only').textContent()).toMatch(/^所选范围：2020–2022 年 · 浙江省生态环境厅 · 各机关本级报告（不含汇总）。数据截至 2026年3月1日。打印于 \d{4}\/\d{1,2}\/\d{1,2} /);
    expect(await page.$$eval('figure.chart', (figs) => figs.map((f) => getComputedStyle(f).breakInside))).toEqual(expect.arrayContaining(['avoid']));
    // A PDF to look at (tests/out/screenshots/print-requests.pdf).
    await page.pdf({ path: `${SCREENSHOTS}/print-requests.pdf`, format: 'A4' });
    await page.close();
  });
});

describe('what a first visit downloads', () => {
  it('each engine file once; with the precompressed copies beside them, a first visit is a fifth of its raw size', async () => {
    const page = await e2e.browser.newPage();
    const fetched: string[] = [];
    page.on('response', (r) => r.request().method() === 'GET' && r.url().startsWith(e2e.site.url) && fetched.push(new URL(r.url()).pathname));
    await page.goto(`${e2e.site.url}/`);
    await engineReady(page);
    await page.close();
    // Files of the site (build/) and of the dataset (served from its own folder): their sizes on disk, raw and as .br.
    const site = fetched.filter((p) => !p.startsWith('/data/')).map((p) => join('build', p.endsWith('/') ? `${p}index.html` : p));
    const raw = site.reduce((n, f) => n + statSync(f).size, 0);
    const brotli = site.reduce((n, f) => n + (existsSync(`${f}.br`) ? statSync(`${f}.br`) : statSync(f)).size, 0);
    const wasm = site.filter((f) => f.endsWith('.wasm')).map((f) => f.replace(/^.*\//, '').replace(/[.-][\w-]{8}\.wasm$/, ''));
    console.log(`first visit (site files): ${(raw / 2 ** 20).toFixed(1)} MiB raw, ${(brotli / 2 ** 20).toFixed(1)} MiB served from the .br copies`);
    expect(wasm.sort()).toEqual(['duckdb-eh', 'parquet_wasm_bg']);
    expect(site.every((f) => existsSync(`${f}.br`) && existsSync(`${f}.gz`) || statSync(f).size < 1024)).toBe(true);
    expect(brotli).toBeLessThan(raw / 4);
    expect(brotli).toBeLessThan(10 * 2 ** 20);
  });
});

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED } from '../helpers';
import { chartsDrawn, chartTable, reportCell, tableRows } from './browser';
import { e2e, open, SCREENSHOTS } from './context';

// Year comparison, rankings, a body's page, the report detail and data quality, in Chromium.
// Expected values are read off the fixture reports by hand (tests/dataset-fixture.ts);
// the comparison runs on the fixture with its two 2021 reports (YEAR_2021_REPORTS).

const NEW = '本年新收政府信息公开申请数量';

describe('年度对比: 2020 against 2021', () => {
  it('every metric for the selection, the meaning change and the missing template said so', async () => {
    const page = await open('/compare?a=2020&b=2021', e2e.withYear2021);
    const totals = await tableRows(page, '2020 年与 2021 年对比：所选范围合计');
    expect(totals[0]).toEqual(['指标', '2020 年', '2021 年', '变化', '变化率', '单位', '说明']);
    expect(totals).toContainEqual([NEW, '57 件', '160 件', '+103 件', '+180.7%', '件', '']);
    expect(totals).toContainEqual(['实质公开率', '56.9%（n=58）', '55.6%（n=162）', '−1.3 个百分点', '−2.4%', '%', '']);
    expect(totals).toContainEqual(['政府集中采购金额', '25.10 万元', '—', '—', '—', '万元', '2021 年的模板无此项']);
    expect(totals).toContainEqual(['行政事业性收费', '—', '25.00 万元', '—', '—', '项 / 万元', '含义不同，不作比较：2019 版：收费项目数（上一年项目数量）；2021 版：本年收费金额']);
    // The share link names the years and the metric, defaults included.
    expect(await page.getByLabel('本对比的链接').inputValue()).toBe(`${e2e.withYear2021.url}/compare/?a=2020&b=2021&metric=new_requests`);
    expect(await page.textContent('.coverage')).toContain('2020 年 1 个机关、2021 年 2 个机关有报告（仅 2020 年：0 个；仅 2021 年：1 个');
    // Its years A and B replace the filter's range: the range boxes are not shown here.
    expect(await page.getByLabel('年度 A').count()).toBe(1);
    expect(await page.getByLabel('起始年度').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/compare.png`, fullPage: true });
    await page.close();
  });

  it('per body, the movers chart, another metric from the menu, and the link that reproduces it', async () => {
    const page = await open('/compare?a=2020&b=2021', e2e.withYear2021);
    expect((await tableRows(page, `${NEW}：各机关 2020 年与 2021 年`)).slice(1)).toEqual([
      ['浙江省自然资源厅', '57 件', '131 件', '+74 件', '+129.8%', '件', ''],
      ['示例市文化和旅游局', '—', '29 件', '—', '—', '件', '无 2020 年报告'],
    ]);
    expect(await chartTable(page, `${NEW}：增加最多的机关（2020→2021）`)).toEqual([['机关', `变化（${NEW}）（件）`], ['浙江省自然资源厅', '74']]);
    await page.getByLabel('各机关对比的指标').selectOption({ label: '行政许可处理决定' });
    await page.waitForURL(/metric=licensing/);
    await chartsDrawn(page);
    expect(await chartTable(page, '行政许可处理决定：减少最多的机关（2020→2021）')).toEqual([['机关', '变化（行政许可处理决定）（件）'], ['浙江省自然资源厅', '-1010']]);
    expect((await tableRows(page, '行政许可处理决定：各机关 2020 年与 2021 年'))[1]).toEqual(['浙江省自然资源厅', '2,846 件', '1,836 件', '−1,010 件', '−35.5%', '件', '']);
    const link = await page.getByLabel('本对比的链接').inputValue();
    expect(link).toBe(`${e2e.withYear2021.url}/compare/?a=2020&b=2021&metric=licensing`);
    await page.goto(link);
    await chartsDrawn(page);
    expect((await tableRows(page, '行政许可处理决定：各机关 2020 年与 2021 年'))[1][3]).toBe('−1,010 件');
    await page.close();
  });

  it('downloads the comparison as CSV with the table’s numbers', async () => {
    const page = await open('/compare?a=2020&b=2021', e2e.withYear2021);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV：2020 年与 2021 年对比：所选范围合计' }).click()]);
    const lines = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFF指标,2020 年,2021 年,变化,变化率,单位,说明');
    expect(lines).toContain(`${NEW},57,160,103,180.7,件,`);
    expect(lines).toContain('实质公开率,56.9,55.56,-1.34,-2.36,%,');
    await page.close();
  });
});

describe('部门: ranking and a body’s page', () => {
  it('ranks bodies by a metric in a year and leads to the body’s profile, reports and findings', async () => {
    const page = await open('/bodies?metric=licensing&year=2022');
    expect((await tableRows(page, '行政许可处理决定：2022 年各机关排名')).slice(1)).toEqual([
      ['1', '浙江省生态环境厅', '浙江省', '省级', '1,836 件', ''],
      ['2', '示例市文化和旅游局', '示例市', '市级', '1,520 件', ''],
    ]);
    await page.getByRole('link', { name: '浙江省生态环境厅' }).click();
    await page.waitForURL(/\/body\/\?/);
    await chartsDrawn(page);
    expect(await chartTable(page, '申请数量趋势')).toEqual([['年度', `${NEW}（件）`, '办理结果总计（件）'], ['2022', '131', '132']]);
    // Its reasons inside 不予公开, from dept-2021.html's expected cells (blank totals stay empty).
    expect((await chartTable(page, '不予公开：分项原因'))[1]).toEqual(['2022', '', '0', '0', '4', '1', '', '2', '2']);
    expect((await tableRows(page, '浙江省生态环境厅的报告')).slice(1)).toEqual([['2022', '2021 版', '部门', 'dept-2021.html', '有错误', '6', '0', '是']]);
    const findings = await tableRows(page, '浙江省生态环境厅的报告中发现的问题');
    expect(findings.slice(1).map((f) => f[1])).toEqual(['申请数量平衡', '办理结果合计', ...Array(4).fill('申请人合计')]);
    await page.screenshot({ path: `${SCREENSHOTS}/body.png`, fullPage: true });
    await page.close();
  });

  it('a rate is ranked with its base; a small base is listed but not ranked', async () => {
    const page = await open('/bodies?metric=disclosure_rate&year=2019');
    expect((await tableRows(page, '实质公开率：2019 年各机关排名'))).toEqual([
      ['排名', '机关', '地区', '层级', '实质公开率', '基数 n', '说明'],
      ['—', '浙江省经济和信息化厅', '浙江省', '省级', '40.0%', '10', '基数小（n<30），不参与排名'],
    ]);
    await page.close();
  });
});

describe('报告: the seed report’s detail', () => {
  it('shows the cells as the source has them, money in 万元 with the raw text, and the source', async () => {
    const page = await open('/bodies?year=2019');
    await page.getByRole('link', { name: '浙江省经济和信息化厅' }).click();
    await page.waitForURL(/\/body\/\?/);
    await page.getByRole('link', { name: '2019' }).click();
    await page.waitForURL(/\/report\/\?id=/);
    await page.waitForSelector('td[data-ref="t4.review.total"]');
    expect(await page.textContent('h1')).toBe('浙江省经济和信息化厅 2019 年政府信息公开工作年度报告');
    expect(await reportCell(page, 't2.art20_5.licensing.decisions')).toBe('3,185');
    expect(await reportCell(page, 't2.art20_5.other_services.change')).toBe('-40');
    expect(await reportCell(page, 't2.art20_1.regulations.made')).toBe('/');
    expect(await reportCell(page, 't2.art20_9.procurement.projects')).toBe('158');
    expect(await reportCell(page, 't2.art20_9.procurement.amount')).toBe('5,234.55');
    expect(await page.getAttribute('td[data-ref="t2.art20_9.procurement.amount"]', 'title')).toBe('原文：5234.55万元');
    expect(await page.textContent('caption:has-text("第二十条第（九）项") ~ thead')).toContain('采购总金额（万元）');
    expect(await reportCell(page, 't3.new.total')).toBe('9');
    expect(await reportCell(page, 't3.new.natural_person')).toBe('无法确定');
    expect(await reportCell(page, 't3.handled.total')).toBe('10');
    expect(await reportCell(page, 't3.carried_forward.total')).toBe('/');
    expect(await page.$$eval('td[data-ref^="t4."] .text', (cells) => cells.map((c) => c.textContent))).toEqual(Array(15).fill('/'));
    // 2019 version: one （六）其他处理 row, not the 2021 version's three.
    expect(await page.$$eval('td[data-ref^="t3.other."]', (cells) => cells.map((c) => c.getAttribute('data-ref')))).toEqual(['natural_person', 'business', 'research', 'social_org', 'legal_service', 'other_org', 'total'].map((c) => `t3.other.${c}`));

    // The rules its flattened rows stop are listed with its findings, each saying why.
    const findings = await tableRows(page, '本报告发现的问题');
    expect(findings.flat().join(' ')).toContain('“申请数量平衡”有 6 处未能检查：所需单元格无法确定 24 个（依申请·本年新收政府信息公开申请数量、依申请·上年结转政府信息公开申请数量、依申请·办理结果总计、依申请·结转下年度继续办理）');

    const sha256 = createHash('sha256').update(readFileSync(SEED)).digest('hex');
    expect(await page.textContent('dl.meta')).toContain(sha256);
    expect(await page.textContent('dl.meta')).toContain('seed.txt');
    await page.getByLabel('在数字下显示原文').check();
    expect(await page.textContent('td[data-ref="t2.art20_9.procurement.amount"] .raw')).toBe('原文：5234.55万元');
    await page.getByText('显示原文', { exact: true }).click();
    await page.waitForSelector('pre');
    expect(await page.textContent('pre')).toContain('2019年度我厅共受理依申请公开事项9件');
    const href = await page.getByRole('link', { name: '在新窗口打开原文' }).getAttribute('href');
    const source = Buffer.from(await (await page.request.get(new URL(href!, page.url()).href)).body());
    expect(source.equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(SEED)]))).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/report.png`, fullPage: true });
    await page.close();
  });
});

describe('数据质量', () => {
  it('findings by rule, cell states, incomplete reports and year gaps', async () => {
    const page = await open('/quality');
    expect((await tableRows(page, '按规则统计')).slice(1).map((r) => r.slice(0, 5))).toEqual([
      ['申请数量平衡', '勾稽关系', '错误', '1', '1'],
      ['办理结果合计', '勾稽关系', '错误', '1', '1'],
      ['申请人合计', '勾稽关系', '错误', '4', '1'],
      ['数字无法对应到列', '读取', '提示', '1', '1'],
      // The seed's flattened rows leave T3_BALANCE, T3_HANDLED_SUM and T3_ROW_SUM unchecked.
      ['规则未能检查', '读取', '提示', '3', '1'],
    ]);
    // The seed's 23 t3 rows keep only their total: 6 applicant cells each cannot be placed.
    // Blank cells, from the fixtures' expected files: dept-2021.html 10, dept-2019.html 1 (fees.prev_items); the others none.
    const incomplete = (await tableRows(page, '含无法确定、空白或缺失单元格的报告')).slice(1).map((r) => r.slice(0, 5));
    expect(incomplete).toEqual([
      ['浙江省经济和信息化厅', '2019', '138', '0', '0'],
      ['浙江省生态环境厅', '2022', '0', '10', '0'],
      ['浙江省自然资源厅', '2020', '0', '1', '0'],
    ]);
    expect(await tableRows(page, '缺少年度报告的机关')).toContainEqual(['浙江省经济和信息化厅', '2019', '2020、2021、2022', '3']);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV：按规则统计' }).click()]);
    const lines = readFileSync(await csv.path(), 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFF规则,规则代码,类别,严重程度,发现数,涉及报告数,规则说明');
    expect(lines[3]).toMatch(/^申请人合计,T3_ROW_SUM,勾稽关系,错误,4,1,每行：/);
    await page.screenshot({ path: `${SCREENSHOTS}/quality.png`, fullPage: true });
    await page.close();
  });

  it('a finding leads to its report with the cells involved highlighted', async () => {
    const page = await open('/quality');
    await page.getByLabel('只看规则').selectOption('T3_BALANCE');
    await page.waitForURL(/rule=T3_BALANCE/);
    await expect.poll(async () => (await tableRows(page, '发现的问题：申请数量平衡')).length).toBe(2);
    await page.getByRole('link', { name: '在报告中查看' }).click();
    await page.waitForURL(/\/report\/\?id=.*rule=T3_BALANCE/);
    await page.waitForSelector('td.selected');
    expect(await page.textContent('h1')).toBe('浙江省生态环境厅 2022 年政府信息公开工作年度报告');
    expect(await page.$$eval('td.selected', (cells) => cells.map((c) => c.getAttribute('data-ref')))).toEqual([
      't3.new.total',
      't3.carried_over.total',
      't3.handled.total',
      't3.carried_forward.total',
    ]);
    expect(await reportCell(page, 't3.carried_over.total')).toBe('空白');
    expect(await page.$$eval('section[data-table="本报告发现的问题"] tr.highlight th', (cells) => cells.map((c) => c.textContent?.trim()))).toEqual(['申请数量平衡']);
    await page.close();
  });
});

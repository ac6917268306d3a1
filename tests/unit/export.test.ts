import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { filtersFromSearch, filtersToSearch } from '../../src/lib/app/url-filters';
import { chartRows, shownUnit, type ChartData } from '../../src/lib/charts/chart-data';
import { reasonsByYear } from '../../src/lib/charts/data';
import { chartOption, legendLines, RANKING_LABEL_WIDTH } from '../../src/lib/charts/options';
import { toCsv } from '../../src/lib/export/csv';
import { formatChange, formatRate, rate } from '../../src/lib/format/numbers';
import { NO_FILTERS } from '../../src/lib/queries';
import { tableRowsHtml, type Column } from '../../src/lib/tables/table';

describe('CSV for Excel and WPS', () => {
  const columns = [
    { label: '机关', value: (r: { body: string; n: number | null }) => r.body },
    { label: '数量（件）', value: (r: { body: string; n: number | null }) => r.n },
  ];

  it('starts with a BOM, uses CRLF, keeps numbers (negative ones too) as numbers', () => {
    expect(toCsv(columns, [{ body: '浙江省公安厅', n: -40 }, { body: '浙江省财政厅', n: null }])).toBe('\uFEFF机关,数量（件）\r\n浙江省公安厅,-40\r\n浙江省财政厅,\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    const csv = toCsv(columns, [{ body: '=HYPERLINK("http://x")', n: 1 }, { body: '+SUM(A1)', n: 2 }, { body: '-cmd', n: 3 }, { body: '@SUM(A1)', n: 4 }]);
    expect(csv.split('\r\n').slice(1, 5)).toEqual(['"\'=HYPERLINK(""http://x"")",1', "'+SUM(A1),2", "'-cmd,3", "'@SUM(A1),4"]);
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv(columns, [{ body: '甲,乙 "丙"\n丁', n: 5 }]).split('\r\n')[1]).toBe('"甲,乙 ""丙""\n丁",5');
    expect(toCsv(columns, [{ body: '-40', n: 6 }]).split('\r\n')[1]).toBe('-40,6');
  });
});

describe('filters in the URL', () => {
  it('round-trips, in a canonical order, keeping other parameters', () => {
    const filters = { ...NO_FILTERS, from: 2020, to: 2023, bodies: ['浙江省公安厅', '浙江省财政厅'], kinds: ['consolidated'] };
    const search = filtersToSearch(filters, new URLSearchParams('group=denied'));
    expect(search).toBe('?group=denied&from=2020&to=2023&body=%E6%B5%99%E6%B1%9F%E7%9C%81%E5%85%AC%E5%AE%89%E5%8E%85&body=%E6%B5%99%E6%B1%9F%E7%9C%81%E8%B4%A2%E6%94%BF%E5%8E%85&kind=consolidated');
    expect(filtersFromSearch(new URLSearchParams(search))).toEqual(filters);
  });

  it('300 bodies make a short link: their names packed in one parameter, read back the same', () => {
    const bodies = Array.from({ length: 300 }, (_, i) => `浙江省示例市第${i + 1}区人民政府办公室（政务公开办）`).sort();
    const plainLength = new URLSearchParams(bodies.map((b) => ['body', b])).toString().length;
    expect(plainLength).toBeGreaterThan(16_000); // over a server's header limit written out
    const search = filtersToSearch({ ...NO_FILTERS, from: 2021, bodies });
    expect(search.length).toBeLessThan(4_000);
    expect(search).toMatch(/^\?from=2021&bodies=[\w-]+$/);
    expect(filtersFromSearch(new URLSearchParams(search))).toEqual({ ...NO_FILTERS, from: 2021, bodies });
    // A packed list cut short is no bodies, not a broken page.
    expect(filtersFromSearch(new URLSearchParams(search.slice(0, 200))).bodies).toEqual([]);
  });

  it('ignores values that are not years', () => {
    expect(filtersFromSearch(new URLSearchParams('from=abc&to=1800'))).toEqual(NO_FILTERS);
    expect(filtersToSearch(NO_FILTERS)).toBe('');
  });
});

describe('numbers for zh-CN readers', () => {
  it('a rate with its base, marked when the base is small', () => {
    expect(formatRate(rate(90, 162))).toBe('55.6%（n=162）');
    expect(formatRate(rate(2, 7))).toBe('28.6%（n=7，基数小）');
    expect(formatRate(rate(0, 0))).toBe('—');
    expect(formatChange(110, 100)).toBe('+10.0%');
    expect(formatChange(90, 100)).toBe('−10.0%');
    expect(formatChange(5, null)).toBe('—');
  });
});

describe('chart options', () => {
  const data: ChartData = {
    title: '政府集中采购金额',
    unit: '万元',
    categoryLabel: '年度',
    categories: ['2020', '2021'],
    series: [{ key: 'a', name: '金额', values: [25.1, null] }],
    notInTemplate: ['2021'],
  };

  it('marks years not in the template and draws no bar there', () => {
    const option = chartOption(data, 'bar', 600) as { series: { data: (number | null)[]; markArea: { data: unknown[]; label: { formatter: string } } }[]; animation: boolean };
    expect(option.animation).toBe(false);
    expect(option.series[0].data).toEqual([25.1, null]);
    expect(option.series[0].markArea.data).toEqual([[{ xAxis: '2021' }, { xAxis: '2021' }]]);
    expect(option.series[0].markArea.label.formatter).toBe('模板无此项');
    expect(chartRows(data)).toEqual([{ 年度: '2020', '金额（万元）': 25.1 }, { 年度: '2021', '金额（万元）': null }]);
  });

  it('a ranking cuts long body names to a fixed width (the tooltip has them whole); a trend keeps its years whole', () => {
    const ranking = { ...data, categoryLabel: '机关', categories: ['浙江省人力资源和社会保障厅（浙江省公务员局）', '示例市局'], notInTemplate: [] };
    const option = chartOption(ranking, 'ranking', 600) as { yAxis: { data: string[]; axisLabel: { width: number; overflow: string } } };
    expect(option.yAxis.axisLabel).toMatchObject({ width: RANKING_LABEL_WIDTH, overflow: 'truncate' });
    expect(option.yAxis.data).toEqual(['示例市局', '浙江省人力资源和社会保障厅（浙江省公务员局）']);
    expect((chartOption(data, 'bar', 600) as { xAxis: { axisLabel: object } }).xAxis.axisLabel).not.toHaveProperty('overflow');
    // Names below bars (cell states …) wrap within their band (600 px less the axes, over two), never hidden or cut.
    const states = { ...data, categoryLabel: '单元格状态', categories: ['数值', '无法确定'] };
    expect((chartOption(states, 'bar', 600) as { xAxis: { axisLabel: object } }).xAxis.axisLabel).toMatchObject({ width: 260, overflow: 'break' });
  });

  it('seven years below the bars are all shown on a phone: smaller where their band is narrow, turned where it is narrower still', () => {
    const years = { ...data, notInTemplate: [], categories: ['2019', '2020', '2021', '2022', '2023', '2024', '2025'], series: [{ key: 'a', name: '金额', values: [1, 2, 3, 4, 5, 6, 7] }] };
    const label = (width: number, kind: 'bar' | 'percent' = 'bar') => (chartOption(years, kind, width) as { xAxis: { axisLabel: Record<string, unknown> } }).xAxis.axisLabel;
    // A desktop chart (600 px: bands of 74 px): as they were.
    expect(label(600)).toEqual({ interval: 0, hideOverlap: true });
    // 370 px (bands of 41 px): 10 px text, level.
    expect(label(370)).toEqual({ interval: 0, hideOverlap: true, fontSize: 10 });
    // A 360 px phone's chart, 270 px inside its card (bands of 27 px, where 12 px years showed every other one): 10 px text, turned 45°.
    expect(label(270)).toEqual({ interval: 0, hideOverlap: true, fontSize: 10, rotate: 45 });
    // A 100 % stack keeps its two-line labels (year and base): the tooltip has both where they do not fit.
    expect(label(270, 'percent')).not.toHaveProperty('rotate');
  });

  it('the legend shows every series, wrapped to the chart’s width, with the plot below its lines (never paged)', () => {
    type Option = { legend: { type: string; show: boolean }; grid: { top: number } };
    const applicants: ChartData = { ...data, notInTemplate: [], series: ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他组织', '未区分'].map((name) => ({ key: name, name, values: [1, 2] })) };
    // Items 66, 78, 78, 102, 102, 78 and 66 px wide, 10 px apart: three lines in a phone's 330 px, one in 800 px.
    expect(legendLines(applicants.series.map((s) => s.name), 330)).toBe(3);
    expect(legendLines(applicants.series.map((s) => s.name), 800)).toBe(1);
    const phone = chartOption(applicants, 'stacked', 330) as unknown as Option;
    expect(phone.legend).toMatchObject({ show: true, type: 'plain' });
    expect(phone.grid.top).toBe(28 + 3 * 24);
    expect((chartOption(applicants, 'stacked', 800) as unknown as Option).grid.top).toBe(28 + 24);
    expect((chartOption(data, 'bar', 330) as unknown as Option).legend.show).toBe(false);
  });

  it('a trend across the 2021 template change marks the years from it; one that does not reach across has no mark', () => {
    type Area = { xAxis: string; label?: { formatter: string } };
    type Option = { series: { markArea?: { data: Area[][] } }[] };
    const change = { year: '2021', label: '2021 版模板' };
    const across = chartOption({ ...data, categories: ['2020', '2021', '2022'], notInTemplate: [], templateChange: change }, 'bar', 600) as unknown as Option;
    expect(across.series[0].markArea?.data.map(([from, to]) => [from.xAxis, to.xAxis, from.label?.formatter])).toEqual([['2021', '2022', '2021 版模板起']]);
    // A year without reports (2021) is not a category: the mark starts at the first year after the change.
    const gap = chartOption({ ...data, categories: ['2019', '2020', '2022'], notInTemplate: [], templateChange: change }, 'bar', 600) as unknown as Option;
    expect(gap.series[0].markArea?.data.map(([from, to]) => [from.xAxis, to.xAxis])).toEqual([['2022', '2022']]);
    const after = chartOption({ ...data, categories: ['2021', '2022'], notInTemplate: [], templateChange: change }, 'bar', 600) as unknown as Option;
    expect(after.series[0].markArea).toBeUndefined();
  });

  it('其他处理’s reasons mark 2021, where one row became three; reasons that did not change are not marked', () => {
    const rows = [
      { year: 2020, row: 'other', col: 'total', value: 4 },
      { year: 2021, row: 'other.no_correction', col: 'total', value: 1 },
      { year: 2021, row: 'other.other', col: 'total', value: 2 },
    ];
    const other = reasonsByYear(rows, 'other', '其他处理：分项原因');
    expect(other.templateChange).toEqual({ year: '2021', label: '2021 版模板' });
    expect(other.note).toBe('2021 版模板起“其他处理”分为三项（浅色底）；此前只有一项，不分项。');
    expect(reasonsByYear([{ year: 2020, row: 'denied.state_secret', col: 'total', value: 1 }], 'denied', '不予公开').templateChange).toBeUndefined();
  });

  it('a 100 % stack gives each series its share of the year', () => {
    const shares = chartOption({ ...data, notInTemplate: [], series: [{ key: 'a', name: 'A', values: [10, 30] }, { key: 'b', name: 'B', values: [30, 10] }] }, 'percent', 600) as { series: { data: number[]; stack: string }[] };
    expect(shares.series.map((s) => s.data)).toEqual([[25, 75], [75, 25]]);
    expect(shares.series[0].stack).toBe('total');
  });

  it('a 100 % stack says each share’s base: n under the category, small bases faint, count and n in the tooltip', () => {
    type Option = { series: { data: unknown[] }[]; xAxis: { axisLabel: { formatter: (c: string) => string } }; tooltip: { formatter: (p: unknown[]) => string } };
    const option = chartOption({ ...data, unit: '件', notInTemplate: [], series: [{ key: 'a', name: 'A', values: [1, 30] }, { key: 'b', name: '<b>B</b>', values: [0, 10] }] }, 'percent', 600) as unknown as Option;
    // One request is 100 % of a base of 1: drawn, but faint, and its base said.
    expect(option.series[0].data[0]).toEqual({ value: 100, itemStyle: { opacity: 0.4 } });
    expect(option.series[0].data[1]).toBe(75);
    expect(option.xAxis.axisLabel.formatter(data.categories[0])).toBe(`${data.categories[0]}\n(n=1，基数小)`);
    expect(option.xAxis.axisLabel.formatter(data.categories[1])).toBe(`${data.categories[1]}\n(n=40)`);
    const tooltip = option.tooltip.formatter([
      { axisValue: data.categories[1], seriesName: 'A', marker: '', value: 75, dataIndex: 1 },
      { axisValue: data.categories[1], seriesName: '<b>B</b>', marker: '', value: 25, dataIndex: 1 },
    ]);
    expect(tooltip).toBe(`${data.categories[1]}（n=40）<br>A：75%（30 件）<br>&#60;b&#62;B&#60;/b&#62;：25%（10 件）`);
  });

  it('a 100 % stack says it is drawn in %, its downloads in the data’s unit', () => {
    expect(shownUnit({ ...data, unit: '件' }, 'percent')).toBe('%（各项占合计；下载数据为件）');
    expect(shownUnit({ ...data, unit: '件' }, 'ranking-percent')).toBe('%（各项占合计；下载数据为件）');
    expect(shownUnit({ ...data, unit: '件' }, 'stacked')).toBe('件');
  });
});

describe('a data table’s rows', () => {
  type Row = { body: string; year: number; findings: number | null };
  const columns: Column<Row>[] = [
    { key: 'body', label: '机关', value: (r) => r.body, href: (r) => `/body/?name=${encodeURIComponent(r.body)}&x="1"` },
    { key: 'year', label: '年度', numeric: true, value: (r) => r.year },
    { key: 'findings', label: '发现数', numeric: true, wrap: true, value: (r) => r.findings, text: (r) => (r.findings === null ? '未检查' : `${r.findings} 项`) },
  ];

  it('a row is headed by its first cell, links where the column links, and names from reports are text, never markup', () => {
    const html = tableRowsHtml(columns, [{ body: '<img src=x onerror=alert(1)>局', year: 2022, findings: 3 }]);
    expect(html).toBe(
      '<tr><th scope="row"><a href="/body/?name=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%E5%B1%80&#38;x=&#34;1&#34;">&#60;img src=x onerror=alert(1)&#62;局</a></th>' +
        '<td class="numeric">2022</td><td class="numeric wrap">3 项</td></tr>',
    );
    // As a browser reads it: one link, with the name as its text; no element from the name.
    const parsed = parseDocument(`<table><tbody>${html}</tbody></table>`);
    const named = (name: string) => DomUtils.findAll((e) => e.name === name, parsed.children);
    expect(named('img')).toEqual([]);
    expect(DomUtils.textContent(named('a'))).toBe('<img src=x onerror=alert(1)>局');
    expect(DomUtils.getAttributeValue(named('a')[0], 'href')).toBe('/body/?name=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%E5%B1%80&x="1"');
  });

  it('an empty value reads —, and a highlighted row is marked', () => {
    const html = tableRowsHtml(columns.slice(1, 2), [{ body: 'A', year: 2021, findings: null }, { body: 'B', year: 2022, findings: 1 }], (r) => r.body === 'B');
    expect(html).toBe('<tr><th scope="row" class="numeric">2021</th></tr><tr class="highlight"><th scope="row" class="numeric">2022</th></tr>');
    expect(tableRowsHtml([{ key: 'v', label: 'v', value: () => null }], [{}])).toBe('<tr><th scope="row">—</th></tr>');
  });
});

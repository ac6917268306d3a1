import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/lib/checks';
import { expected as dept2019 } from '../fixtures/html/dept-2019.expected';
import { expected as dept2021, expectedFindings as dept2021Findings } from '../fixtures/html/dept-2021.expected';
import { cellsByRef, fixture, parseFile, parseText, shownCells } from '../helpers';

describe.each([
  ['dept-2019.html', dept2019],
  ['dept-2021.html', dept2021],
])('HTML report %s', (file, expected) => {
  const report = parseFile(fixture(`html/${file}`));

  it('reads body, year and the template version from the page', () => {
    expect({ body: report.body, year: report.year, template: report.template }).toEqual({
      body: expected.body,
      year: expected.year,
      template: expected.template,
    });
    expect(report.source.format).toBe('html');
  });

  it('extracts every cell of its version exactly (rowspan/colspan, &nbsp;, <br>, brackets, signs, 元 → 万元)', () => {
    expect(shownCells(report)).toEqual(expected.cells);
  });
});

describe('findings on the HTML reports', () => {
  it('dept-2019 (all rules hold, prose agrees) has none', () => {
    expect(checkReport(parseFile(fixture('html/dept-2019.html')))).toEqual([]);
  });

  it('dept-2021: exactly the rule instances its blank 总计 cells break', () => {
    const findings = checkReport(parseFile(fixture('html/dept-2021.html')));
    const got = findings.map((f) => [f.rule, f.cells[0], f.expected, f.actual]);
    expect(got).toEqual(dept2021Findings);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('dept-2021: a message says a side had no figure written (blank, counted as 0), not that the report printed 0', () => {
    const messages = checkReport(parseFile(fixture('html/dept-2021.html'))).filter((f) => f.rule === 'T3_ROW_SUM' || f.rule === 'T3_BALANCE').map((f) => f.message);
    expect(messages).toEqual([
      '“总计”列：本年新收 + 上年结转 = 131，办理结果总计 + 结转下年度 = 139',
      '“二、上年结转政府信息公开申请数量”行：申请人各列之和 = 8，总计 = 0（空白）',
      '“6.属于四类过程性信息”行：申请人各列之和 = 4，总计 = 0（空白）',
      '“2.重复申请”行：申请人各列之和 = 4，总计 = 0（空白）',
      '“3.其他”行：申请人各列之和 = 0（空白），总计 = 1',
    ]);
  });
});

describe('a table split at a page break', () => {
  // dept-2021.html with its t3 cut in two inside （三）不予公开, before 5.属于三类内部事务信息, as Word leaves a table that runs over a page.
  const html = readFileSync(fixture('html/dept-2021.html'), 'utf8');
  const split = (between: string) => {
    const cut = html.replace('<tr>\n<td style="text-align:left"><p>5.属于三类内部事务信息', `</table>\n${between}\n<table border="1">\n<tr>\n<td style="text-align:left"><p>5.属于三类内部事务信息`);
    expect(cut).not.toBe(html);
    return parseText(cut, 'split.html');
  };

  it('right after its first part, or after a 续表 line, is read as the rest of it: every cell as in the whole table', () => {
    for (const between of ['<p>&nbsp;</p>', '<br clear="all" style="page-break-before:always">', '<p>续表</p>', '<p>（续表）</p>']) {
      const report = split(between);
      expect(shownCells(report)).toEqual(dept2021.cells);
      expect(report.findings).toEqual([]);
    }
  });

  it('after prose, is not taken for the rest of the table: the cells it would have held are flagged missing', () => {
    const report = split('<p>注：本表数据截至12月31日。</p>');
    expect(report.findings.map((f) => f.rule)).toEqual(['CELLS_MISSING']);
    expect(report.findings[0].cells).toContain('t3.denied.internal.total');
    expect(report.findings[0].cells).not.toContain('t3.denied.third_party.total');
    expect(report.cells.find((c) => c.row === 'denied.internal' && c.col === 'total')?.state).toBe('missing');
  });
});

describe('HTML cells holding more than one figure', () => {
  const seedAsHtml = (cell: string) =>
    readFileSync(fixture('html/dept-2021.html'), 'utf8').replace('<td><p>行政许可</p></td>\n<td><p>1836</p></td>', `<td><p>行政许可</p></td>\n<td>${cell}</td>`);

  it.each([
    ['two paragraphs', '<p>2</p><p>3</p>', '2 3'],
    ['a footnote mark in <sup>', '1836<sup>1</sup>', '1836 1'],
    ['a line break', '18<br>36', '18 36'],
  ])('%s: not joined into one figure but kept as unreadable, with its text', (_what, cell, raw) => {
    const html = seedAsHtml(cell);
    expect(html).toContain(cell);
    const licensing = cellsByRef(parseText(html, 'dept-2021.html')).get('t2.art20_5.licensing.decisions')!;
    expect([licensing.state, licensing.value, licensing.raw]).toEqual(['ambiguous', null, raw]);
    expect(checkReport(parseText(html, 'dept-2021.html')).some((f) => f.rule === 'UNREADABLE_CELL' && f.cells.includes('t2.art20_5.licensing.decisions'))).toBe(true);
  });
});

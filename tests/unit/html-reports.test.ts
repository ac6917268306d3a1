import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/lib/checks';
import { expected as dept2019 } from '../fixtures/html/dept-2019.expected';
import { expected as dept2021 } from '../fixtures/html/dept-2021.expected';
import { fixture, parseFile, shownCells } from '../helpers';

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
    expect(got).toEqual([
      ['T3_BALANCE', 't3.handled.total', 131, 139],
      ['T3_HANDLED_SUM', 't3.handled.total', 125, 132],
      ['T3_ROW_SUM', 't3.carried_over.total', 8, 0],
      ['T3_ROW_SUM', 't3.denied.process.total', 4, 0],
      ['T3_ROW_SUM', 't3.rejected.duplicate.total', 4, 0],
      ['T3_ROW_SUM', 't3.other.other.total', 0, 1],
    ]);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { cellName } from '../../src/lib/template';
import { yearGaps } from '../../src/lib/analysis/gaps';
import { findingsByYear } from '../../src/lib/charts/data';
import { ruleTotals } from '../../src/lib/analysis/quality';
import { cellText, cellTitle, reportLayout } from '../../src/lib/analysis/report-layout';
import {
  cellStates,
  findingList,
  findingsByReport,
  findingsByRule,
  incompleteReports,
  NO_FILTERS,
  reportCells,
  reportFindings,
  scope,
  type BodyFindingCountRow,
  type CellStateRow,
  type FindingRow,
  type IncompleteReportRow,
  type ReportCellRow,
  type RuleCountRow,
} from '../../src/lib/queries';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureDataset, fixtureQueries } from '../dataset-fixture';
import { SEED } from '../helpers';

// The fixture dataset (tests/dataset-fixture.ts); expectations from the fixtures' own
// expected files and the seed, by hand.

const run = fixtureQueries();

describe('data-quality queries', () => {
  it('counts findings per rule over the bodies’ own reports', async () => {
    const totals = ruleTotals(await run<RuleCountRow>(findingsByRule(NO_FILTERS)));
    expect(totals.map((t) => [t.rule, t.severity, t.findings, t.reports])).toEqual([
      ['T3_BALANCE', '错误', 1, 1],
      ['T3_HANDLED_SUM', '错误', 1, 1],
      ['T3_ROW_SUM', '错误', 4, 1],
      ['AMBIGUOUS_SPLIT', '提示', 1, 1],
      // The seed's flattened rows leave T3_BALANCE, T3_HANDLED_SUM and T3_ROW_SUM unchecked.
      ['NOT_EVALUATED', '提示', 3, 1],
    ]);
  });

  it('lists the findings of one rule, with the total count', async () => {
    const rows = await run<FindingRow & { total: number }>(findingList(NO_FILTERS, 'T3_ROW_SUM', 2));
    expect(rows.map((r) => [r.body, r.year, r.rule])).toEqual([
      ['浙江省生态环境厅', 2022, 'T3_ROW_SUM'],
      ['浙江省生态环境厅', 2022, 'T3_ROW_SUM'],
    ]);
    expect(rows[0].total).toBe(4);
  });

  it('the per body and year list stops at its limit and says how many reports there are', async () => {
    // Two reports have findings: the seed (its flattened rows) and 浙江省生态环境厅 (its sums).
    const rows = await run<BodyFindingCountRow>(findingsByReport(NO_FILTERS, 1));
    expect(rows.map((r) => [r.body, r.errors, r.total])).toEqual([['浙江省生态环境厅', 6, 2]]);
  });

  it('finds the reports with ambiguous or blank cells, and counts cell states', async () => {
    const rows = await run<IncompleteReportRow>(incompleteReports(NO_FILTERS));
    // Seed: 23 t3 rows × 6 applicant cells unplaceable. Blank: dept-2021.html 10, dept-2019.html 1.
    expect(rows.map((r) => [r.body, r.year, r.ambiguous, r.blank, r.missing])).toEqual([
      ['浙江省经济和信息化厅', 2019, 138, 0, 0],
      ['浙江省生态环境厅', 2022, 0, 10, 0],
      ['浙江省自然资源厅', 2020, 0, 1, 0],
    ]);
    const states = Object.fromEntries((await run<CellStateRow>(cellStates(NO_FILTERS))).map((s) => [s.state, s.cells]));
    expect([states.ambiguous, states.blank, states.not_in_template, states.missing]).toEqual([138, 11, undefined, undefined]);
  });

  it('the per-report state counts 数据质量 sums are the counts of the cells themselves, for every selection', async () => {
    for (const filters of [NO_FILTERS, { ...NO_FILTERS, from: 2020 }, { ...NO_FILTERS, bodies: ['浙江省经济和信息化厅'] }, { ...NO_FILTERS, kinds: ['consolidated'] }]) {
      const s = scope(filters);
      const fromCells = await run<CellStateRow>({
        sql: `WITH ${s.sql} SELECT c.state, COUNT(*) AS cells FROM scope s JOIN cells c ON c.report_id = s.report_id WHERE c.state <> 'not_in_template' GROUP BY c.state ORDER BY c.state`,
        params: s.params,
      });
      expect(await run<CellStateRow>(cellStates(filters))).toEqual(fromCells);
      expect(fromCells.length).toBeGreaterThan(0);
    }
  });

  it('counts the cells of a missing table as missing, in the report list and the cell states', async () => {
    // The seed without its section 四 (t4: 3 groups × 5 columns = 15 cells).
    const dir = mkdtempSync(join(tmpdir(), 'no-t4-'));
    const text = readFileSync(SEED, 'utf8');
    writeFileSync(join(dir, 'no-t4.txt'), text.slice(0, text.indexOf('四、政府信息公开行政复议')) + text.slice(text.indexOf('五、存在的主要问题')));
    const { db: withGap } = await fixtureDataset([{ from: join(dir, 'no-t4.txt'), line: 'no-t4.txt,缺表示例局,2019,浙江省,省级,department' }]);
    const q = incompleteReports({ ...NO_FILTERS, bodies: ['缺表示例局'] });
    expect((await withGap.query<IncompleteReportRow>(q.sql, q.params)).map((r) => [r.body, r.missing])).toEqual([['缺表示例局', 15]]);
    const s = cellStates({ ...NO_FILTERS, bodies: ['缺表示例局'] });
    expect((await withGap.query<CellStateRow>(s.sql, s.params)).find((r) => r.state === 'missing')?.cells).toBe(15);
  });

  it('findings per year: every year of the range on the axis, a year with no finding as 0', () => {
    const chart = findingsByYear(
      [
        { rule: 'T3_BALANCE', severity: 'error', year: 2019, findings: 2, reports: 1 },
        { rule: 'NARRATIVE', severity: 'warning', year: 2021, findings: 1, reports: 1 },
      ],
      [2019, 2020, 2021],
    );
    expect(chart.categories).toEqual(['2019', '2020', '2021']);
    expect(chart.series.map((s) => [s.key, s.values])).toEqual([
      ['T3_BALANCE', [2, 0, 0]],
      ['NARRATIVE', [0, 0, 1]],
    ]);
  });

  it('year gaps: the years of the range a body has no report for', () => {
    expect(yearGaps([{ body: '甲', years: [2019, 2021] }, { body: '乙', years: [2019, 2020, 2021] }], 2019, 2021)).toEqual([{ body: '甲', years: [2019, 2021], missing: [2020] }]);
  });
});

describe('report detail layout', () => {
  it('reads each state as the source wrote it', () => {
    expect(cellText({ value: 3185, state: 'value' })).toBe('3,185');
    expect(cellText({ value: -40, state: 'value' })).toBe('-40');
    expect(cellText({ value: 5234.55, state: 'value' }, true)).toBe('5,234.55');
    expect(cellText({ value: null, state: 'slash' })).toBe('/');
    expect(cellText({ value: null, state: 'dash' })).toBe('—');
    expect(cellText({ value: null, state: 'blank' })).toBe('空白');
    expect(cellText({ value: null, state: 'ambiguous' })).toBe('无法确定');
  });

  it('says on which PDF page a cell’s text is, in its tooltip', () => {
    const [t3] = reportLayout('2021', [{ table: 't3', item: null, row: 'new', col: 'total', value: 131, state: 'value', raw: '131', page: 3 }], []).filter((t) => t.id === 't3');
    const cell = t3.rows.find((r) => r.cells.some((c) => c.ref === 't3.new.total'))!.cells.find((c) => c.ref === 't3.new.total')!;
    expect(cellTitle(cell)).toBe('原文（第 3 页）：131');
    expect(cellTitle({ ...cell, page: null })).toBe('原文：131');
  });

  it('lays out the seed in the 2019 template: five t2 items, 23 t3 rows with their groups, t4, findings on cells', async () => {
    const id = (await run<{ report_id: string }>({ sql: "SELECT report_id FROM reports WHERE body = '浙江省经济和信息化厅'", params: [] }))[0].report_id;
    const tables = reportLayout('2019', await run<ReportCellRow>(reportCells(id)), await run<FindingRow>(reportFindings(id)));
    const t2 = tables.filter((t) => t.id === 't2');
    expect(t2.map((t) => t.caption)).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项']);
    expect(t2[4].columns).toEqual(['采购项目数量', '采购总金额（万元）']);
    expect(t2[4].rows[0].cells.map((c) => [c.text, c.raw])).toEqual([['158', '158'], ['5,234.55', '5234.55万元']]);
    const t3 = tables.find((t) => t.id === 't3')!;
    expect(t3.rows).toHaveLength(23);
    expect(t3.rows.filter((r) => r.group).map((r) => [r.group!.label, r.group!.span])).toEqual([
      ['（三）不予公开', 8],
      ['（四）无法提供', 3],
      ['（五）不予处理', 5],
    ]);
    const newRow = t3.rows[0];
    expect(newRow.cells.map((c) => c.text)).toEqual([...Array(6).fill('无法确定'), '9']);
    // AMBIGUOUS_SPLIT names whole rows (t3.new …): every cell of the row carries it; its
    // applicant cells also stop T3_BALANCE and T3_ROW_SUM, whose NOT_EVALUATED name the row too.
    expect(newRow.cells.map((c) => c.findings.length)).toEqual(Array(7).fill(3));
    const t4 = tables.find((t) => t.id === 't4')!;
    expect(t4.rows.flatMap((r) => r.cells.map((c) => c.text))).toEqual(Array(15).fill('/'));
  });

  it('shows a row of the other version when the report has it (a 2021 report with the 2019 single 其他处理 row), and cells the source lacks as 缺失', () => {
    const tables = reportLayout('2021', [{ table: 't3', item: null, row: 'other', col: 'total', value: 2, state: 'value', raw: '2', page: null }], []);
    const t3 = tables.find((t) => t.id === 't3')!;
    const other = t3.rows.find((r) => r.label === '（六）其他处理（2019 版）')!;
    expect(other.cells.map((c) => c.text)).toEqual([...Array(6).fill('缺失'), '2']);
    expect(tables.filter((t) => t.id === 't2').map((t) => t.caption)).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
  });
});

describe('cells in words (findings, the report’s CSV)', () => {
  it('a reference reads as the template labels it; one the template lacks stays as it is', () => {
    expect(cellName('t3.new.total')).toBe('依申请·本年新收政府信息公开申请数量·总计');
    expect(cellName('t3.new.other_org')).toBe('依申请·本年新收政府信息公开申请数量·其他组织');
    expect(cellName('t3.denied.state_secret.natural_person')).toBe('依申请·不予公开：属于国家秘密·自然人');
    expect(cellName('t3.partial')).toBe('依申请·部分公开');
    expect(cellName('t2.art20_5.licensing.decisions')).toBe('主动公开·第二十条第（五）项·行政许可·处理决定数量');
    expect(cellName('t4.suit_direct.corrected')).toBe('复议诉讼·行政诉讼·未经复议直接起诉·结果纠正');
    expect(cellName('t3.nope.total')).toBe('t3.nope.total');
  });
});

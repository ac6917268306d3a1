import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/lib/checks';
import { parseFile, parseText, SEED, shownCells } from '../helpers';

// Written by hand from data/real/000_09f4574b615ba3f1.txt (the seed report). Each t3 row of the
// seed keeps only two numbers (`… | 9 | 9`): the last is 总计; the other cannot be
// placed in an applicant column, so those six cells are ambiguous with that text.
const amb = (raw: string) => Object.fromEntries(
  ['natural_person', 'business', 'research', 'social_org', 'legal_service', 'other_org'].map((c) => [c, `?${raw}`]),
);
const t3Row = (row: string, applicants: string, total: number | string) =>
  Object.fromEntries(Object.entries({ ...amb(applicants), total }).map(([col, v]) => [`t3.${row}.${col}`, v]));

const EXPECTED = {
  't2.art20_1.regulations.made': '/',
  't2.art20_1.regulations.published': '/',
  't2.art20_1.regulations.public_total': 8,
  't2.art20_1.normative_docs.made': 6,
  't2.art20_1.normative_docs.published': 6,
  't2.art20_1.normative_docs.public_total': 27,
  't2.art20_5.licensing.prev_items': 10,
  't2.art20_5.licensing.change': 1,
  't2.art20_5.licensing.decisions': 3185,
  't2.art20_5.other_services.prev_items': 72,
  't2.art20_5.other_services.change': -40,
  't2.art20_5.other_services.decisions': 3101,
  't2.art20_6.penalty.prev_items': 48,
  't2.art20_6.penalty.change': 3,
  't2.art20_6.penalty.decisions': 2,
  't2.art20_6.coercion.prev_items': 3,
  't2.art20_6.coercion.change': 0,
  't2.art20_6.coercion.decisions': 0,
  't2.art20_8.fees.prev_items': 2,
  't2.art20_8.fees.change': 0,
  't2.art20_9.procurement.projects': 158,
  't2.art20_9.procurement.amount': 5234.55,
  ...t3Row('new', '9', 9),
  ...t3Row('carried_over', '1', 1),
  ...t3Row('granted', '4', 4),
  ...t3Row('partial', '/', '/'),
  ...t3Row('denied.state_secret', '/', '/'),
  ...t3Row('denied.law_prohibited', '/', '/'),
  ...t3Row('denied.security', '/', '/'),
  ...t3Row('denied.third_party', '/', '/'),
  ...t3Row('denied.internal', '1', 1),
  ...t3Row('denied.process', '/', '/'),
  ...t3Row('denied.enforcement', '/', '/'),
  ...t3Row('denied.inquiry', '/', '/'),
  ...t3Row('unavailable.not_held', '4', 4),
  ...t3Row('unavailable.needs_creation', '/', '/'),
  ...t3Row('unavailable.unclear', '/', '/'),
  ...t3Row('rejected.petition', '/', '/'),
  ...t3Row('rejected.duplicate', '/', '/'),
  ...t3Row('rejected.publication', '/', '/'),
  ...t3Row('rejected.excessive', '/', '/'),
  ...t3Row('rejected.confirmation', '/', '/'),
  ...t3Row('other', '1', 1),
  ...t3Row('handled', '10', 10),
  ...t3Row('carried_forward', '/', '/'),
  ...Object.fromEntries(
    ['review', 'suit_direct', 'suit_after_review'].flatMap((g) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => [`t4.${g}.${c}`, '/'])),
  ),
};

describe('the real seed report (pipe-table text)', () => {
  const report = parseFile(SEED);

  it('is 浙江省经济和信息化厅, 2019, template 2019, read off its own text', () => {
    expect(report.body).toBe('浙江省经济和信息化厅');
    expect(report.year).toBe(2019);
    expect(report.template).toBe('2019');
    expect(report.metaSource).toBe('detected');
    expect(report.source.format).toBe('text');
    expect(report.source.encoding).toBe('utf-8');
  });

  it('has every t2, t3 and t4 cell of the 2019 template as the source writes it', () => {
    expect(shownCells(report)).toEqual(EXPECTED);
  });

  it('keeps the raw text of each cell, money normalised to 万元', () => {
    const amount = report.cells.find((c) => c.row === 'procurement' && c.col === 'amount')!;
    expect(amount).toMatchObject({ value: 5234.55, state: 'value', raw: '5234.55万元' });
    const change = report.cells.find((c) => c.row === 'other_services' && c.col === 'change')!;
    expect(change).toMatchObject({ value: -40, raw: '-40' });
  });

  it('marks the 2021-only cells not_in_template, neither 0 nor missing', () => {
    const notInTemplate = report.cells.filter((c) => c.state === 'not_in_template').map((c) => `${c.item ?? c.table}.${c.row}.${c.col}`);
    expect(notInTemplate).toContain('art20_1.regulations.in_force');
    expect(notInTemplate).toContain('art20_8.fees.amount');
    expect(notInTemplate).toContain('t3.other.no_correction.total');
    expect(report.cells.every((c) => c.state !== 'not_in_template' || (c.value === null && c.raw === null))).toBe(true);
  });

  it('holds T3_BALANCE on the total column and breaks no rule; it reports the ambiguous rows once', () => {
    const findings = checkReport(report);
    expect(findings.map((f) => f.rule)).toEqual(['AMBIGUOUS_SPLIT', 'NOT_EVALUATED', 'NOT_EVALUATED', 'NOT_EVALUATED']);
    expect(findings[0].cells).toHaveLength(23);
    expect(findings[0].cells).toContain('t3.new');
  });

  it('says which rules its flattened rows leave unchecked: every applicant column, every row, never a silent pass', () => {
    const unchecked = checkReport(report).filter((f) => f.rule === 'NOT_EVALUATED');
    // 23 rows, each with its 6 applicant cells ambiguous (only 总计 survived flattening):
    // T3_BALANCE and T3_HANDLED_SUM on the 6 applicant columns (the 总计 column is checked),
    // T3_ROW_SUM on all 23 rows; the cells: 4 rows × 6, 20 rows (19 outcomes and （七）总计) × 6, 23 × 6,
    // each row's six named by the row.
    expect(unchecked.map((f) => [f.uncheckedRule, f.severity, f.cells.length])).toEqual([
      ['T3_BALANCE', 'info', 4],
      ['T3_HANDLED_SUM', 'info', 20],
      ['T3_ROW_SUM', 'info', 23],
    ]);
    expect(unchecked[0].cells).toEqual(['t3.new', 't3.carried_over', 't3.handled', 't3.carried_forward']);
    expect(unchecked[0].message).toBe('“申请数量平衡”有 6 处未能检查：所需单元格无法确定 24 个（依申请·本年新收政府信息公开申请数量、依申请·上年结转政府信息公开申请数量、依申请·办理结果总计、依申请·结转下年度继续办理）');
    expect(unchecked[2].message).toMatch(/^“申请人合计”有 23 处未能检查：所需单元格无法确定 138 个/);
  });

  /** The seed with one passage replaced. */
  const seedWith = (passage: string, replacement: string) => {
    const text = readFileSync(SEED, 'utf8');
    expect(text).toContain(passage);
    return parseText(text.replace(passage, replacement), 'edited.txt');
  };

  it('its t3 cut in two by a 续表 line (a table over a page) reads the same', () => {
    const split = seedWith('\n(四)无法提供 |', '\n\n续表\n(四)无法提供 |');
    expect(shownCells(split)).toEqual(EXPECTED);
    expect(checkReport(split).map((f) => f.rule)).toEqual(['AMBIGUOUS_SPLIT', 'NOT_EVALUATED', 'NOT_EVALUATED', 'NOT_EVALUATED']);
  });

  it('a table of other figures right after t4 is not read into it: t4’s lost data row stays missing', () => {
    const t4Values = '/ | / | / | / | / | / | / | / | / | / | / | / | / | / | / |';
    const report = seedWith(t4Values, '\n政务新媒体 | 发布条数 | 关注人数 |\n微信公众号 | 3000 | 310000 |');
    expect(report.cells.filter((c) => c.table === 't4').map((c) => c.state)).toEqual(Array(15).fill('missing'));
    expect(report.findings.find((f) => f.rule === 'CELLS_MISSING')?.cells).toContain('t4.review.upheld');
  });

  it('the prose agrees: 共受理依申请公开事项9件 = new 9; no review or suit = t4 all /', () => {
    expect(checkReport(report).filter((f) => f.rule === 'NARRATIVE')).toEqual([]);
    expect(readFileSync(SEED, 'utf8')).toContain('共受理依申请公开事项9件');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/lib/checks';
import { cellsByRef, fixture, manifestEntry, parseText, shown } from '../helpers';

// full-2021.txt writes every row whole (`label | 7 values`); expected values are its figures, by hand.
const full = readFileSync(fixture('text/full-2021.txt'), 'utf8');
const entry = manifestEntry('r.txt', '示例市文化和旅游局', 2022);
const NEW_ROW = '一、本年新收政府信息公开申请数量 | 20 | 5 | 1 | 0 | 2 | 1 | 29';
const read = (text: string) => parseText(text, 'r.txt', entry);
const newRow = (text: string) => {
  const cells = cellsByRef(read(text));
  return ['natural_person', 'business', 'research', 'social_org', 'legal_service', 'other_org', 'total'].map((c) => shown(cells.get(`t3.new.${c}`)));
};

describe('a blank cell at the end of a text row is never taken for padding when the table is not padded', () => {
  it('a blank 总计 (`… | 1 | 1 | `) in a table of whole rows: the six figures keep their columns, 总计 is blank', () => {
    const text = full.replace(NEW_ROW, '一、本年新收政府信息公开申请数量 | 20 | 5 | 1 | 0 | 2 | 1 | ');
    expect(newRow(text)).toEqual([20, 5, 1, 0, 2, 1, '']);
    expect(read(text).findings.map((f) => f.rule)).not.toContain('AMBIGUOUS_SPLIT');
    // The blank 总计 is a 0 to the rules: the row no longer adds up, and says so.
    expect(checkReport(read(text)).filter((f) => f.rule === 'T3_ROW_SUM').map((f) => [f.expected, f.actual])).toEqual([[29, 0]]);
  });

  it('the same with every row ended by a separator (`| 29 |`): the separator is no cell', () => {
    const ended = full.split('\n').map((line) => (/^[一二三四（\d].*\|.*\d$/.test(line) ? `${line} |` : line)).join('\n');
    expect(newRow(ended)).toEqual([20, 5, 1, 0, 2, 1, 29]);
    expect(newRow(ended.replace(`${NEW_ROW} |`, '一、本年新收政府信息公开申请数量 | 20 | 5 | 1 | 0 | 2 | 1 | |'))).toEqual([20, 5, 1, 0, 2, 1, '']);
  });

  it('in a padded table (every row filled out to one width, as flattening does) the last text is still 总计, the rest unplaced', () => {
    const padded = full.split('\n').map((line) => (line.includes('|') ? [...line.split(' | '), '', '', ''].slice(0, 11).join(' | ') : line)).join('\n');
    expect(newRow(padded)).toEqual([20, 5, 1, 0, 2, 1, 29]);
    const flattened = padded.replace(/一、本年新收政府信息公开申请数量 \| 20 \| 5 \| 1 \| 0 \| 2 \| 1 \| 29[ |]*/, '一、本年新收政府信息公开申请数量 | 20 | 5 | 1 | 2 | 1 | 29 |  |  | ');
    expect(newRow(flattened)).toEqual([...Array(6).fill('?20 | 5 | 1 | 2 | 1'), 29]);
  });

  it('t4: a blank last 总计 under a header row naming all 15 columns', () => {
    const t4 = '1 | 1 | 0 | 1 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1';
    const cells = cellsByRef(read(full.replace(t4, '1 | 1 | 0 | 1 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | ')));
    expect(shown(cells.get('t4.suit_after_review.pending'))).toBe(1);
    expect(shown(cells.get('t4.suit_after_review.total'))).toBe('');
    expect(shown(cells.get('t4.review.total'))).toBe(3);
  });
});

describe('t2 header rows are told by their column words', () => {
  const seed = readFileSync(fixture('../../data/real/000_09f4574b615ba3f1.txt'), 'utf8');
  const seedEntry = manifestEntry('seed.txt', '浙江省经济和信息化厅', 2019);

  it('采购项目数量 | 采购总金额（元） without 信息内容 is a header: its 元 converts the amount, with no guess', () => {
    const text = seed.replace('信息内容 | 采购项目数量 | 采购总金额 | |', '采购项目数量 | 采购总金额（元） | |').replace('5234.55万元', '52345500');
    const report = parseText(text, 'seed.txt', seedEntry);
    const cells = cellsByRef(report);
    expect(shown(cells.get('t2.art20_9.procurement.projects'))).toBe(158);
    expect(shown(cells.get('t2.art20_9.procurement.amount'))).toBe(5234.55);
    expect(report.findings.map((f) => f.rule)).not.toContain('MONEY_UNIT_INFERRED');
  });

  it('columns in another order are mapped by their words: 采购总金额（万元） | 采购项目数量', () => {
    const text = seed.replace('信息内容 | 采购项目数量 | 采购总金额 | |', '信息内容 | 采购总金额（万元） | 采购项目数量 | |').replace('政府集中采购 | 158 | 5234.55万元 |', '政府集中采购 | 5234.55 | 158 |');
    const cells = cellsByRef(parseText(text, 'seed.txt', seedEntry));
    expect(shown(cells.get('t2.art20_9.procurement.projects'))).toBe(158);
    expect(shown(cells.get('t2.art20_9.procurement.amount'))).toBe(5234.55);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/lib/checks';
import { decideVersions } from '../../src/lib/reader/report';
import { cellsByRef, fixture, manifestEntry, parseText, SEED, shown } from '../helpers';

const full = readFileSync(fixture('text/full-2021.txt'), 'utf8');
const seed = readFileSync(SEED, 'utf8');
const between = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to));
const T2 = '二、主动公开政府信息情况';
const T3 = '三、收到和处理政府信息公开申请情况';
const T4 = '四、政府信息公开行政复议、行政诉讼情况';

// A 2022 report whose t2 follows the 2019 template (the seed's) and whose t3 and t4 follow 2021's (full-2021.txt's).
const mixed = full.slice(0, full.indexOf(T2)) + between(seed, T2, T3) + full.slice(full.indexOf(T3));
const read = (text: string, year = 2022) => parseText(text, 'r.txt', manifestEntry('r.txt', '示例市文化和旅游局', year));

describe('template version: each table its own, the report’s from all tables and the year', () => {
  it('a 2022 report with a 2019-style t2 and a 2021-style t3 is read as 2021, and VERSION_MIX says which table follows which', () => {
    const report = read(mixed);
    expect(report.template).toBe('2021');
    const mix = report.findings.filter((f) => f.rule === 'VERSION_MIX');
    expect(mix.map((f) => f.message)).toEqual(['t2 按2019版，t3 按2021版填写；报告按2021版读取（2022 年度），每个表格按它自己的版本检查']);
    expect(report.findings.map((f) => f.rule)).not.toContain('META_CONFLICT');
  });

  it('each table is complete against its own version: the 2019 t2 cells are read, its 2021 cells are not in its template, nothing is missing', () => {
    const report = read(mixed);
    const cells = cellsByRef(report);
    expect(shown(cells.get('t2.art20_5.licensing.decisions'))).toBe(3185);
    expect(shown(cells.get('t2.art20_1.normative_docs.public_total'))).toBe(27);
    expect(shown(cells.get('t2.art20_9.procurement.amount'))).toBe(5234.55);
    expect(shown(cells.get('t2.art20_1.regulations.in_force'))).toBe('×');
    expect(shown(cells.get('t3.other.no_correction.total'))).toBe(1);
    expect(shown(cells.get('t3.other.total'))).toBe('×');
    expect(report.cells.filter((c) => c.state === 'missing')).toEqual([]);
    expect(checkReport(report).map((f) => f.rule).filter((r) => r !== 'VERSION_MIX')).toEqual([]);
  });

  it('a broken sum in a mixed report is still found: T3_HANDLED_SUM over the 2021 rows its t3 has', () => {
    const broken = mixed.replace('（七）总计 | 20 | 6 | 1 | 0 | 2 | 1 | 30', '（七）总计 | 20 | 6 | 1 | 0 | 2 | 1 | 31');
    const findings = checkReport(read(broken)).filter((f) => f.rule === 'T3_HANDLED_SUM');
    expect(findings.map((f) => [f.expected, f.actual])).toEqual([[30, 31]]);
  });

  it('a 2021 report whose t3 gives （六）其他处理 as one row (2019’s) is checked against 2019’s t3: no cell missing, its sums checked', () => {
    const otherRows = between(full, '（六）其他处理 | 1.申请人无正当理由', '（七）总计');
    const oneRow = full.replace(otherRows, '（六）其他处理 | 1 | 1 | 0 | 0 | 0 | 0 | 2\n');
    const report = read(oneRow);
    expect(report.template).toBe('2021');
    expect(report.findings.find((f) => f.rule === 'VERSION_MIX')?.message).toBe('t2 按2021版，t3 按2019版填写；报告按2021版读取（2022 年度），每个表格按它自己的版本检查');
    expect(report.cells.filter((c) => c.state === 'missing')).toEqual([]);
    expect(shown(cellsByRef(report).get('t3.other.other.total'))).toBe('×');
    const rules = checkReport(report).map((f) => f.rule);
    expect(rules).not.toContain('NOT_EVALUATED');
    expect(rules).not.toContain('T3_HANDLED_SUM');
  });

  it('the tables decide before the year: both tables in the 2021 version → 2021, even for a report listed as 2019', () => {
    expect(decideVersions({ t2: ['2021', '2021'], t3: ['2021'] }, 2019)).toMatchObject({ report: '2021', tables: { t2: '2021', t3: '2021', t4: '2021' }, mix: null });
    expect(decideVersions({ t2: [], t3: [] }, 2020)).toMatchObject({ report: '2019', mix: null });
    expect(decideVersions({ t2: ['2019', '2019', '2021'], t3: ['2021'] }, 2020)).toMatchObject({ report: '2019', tables: { t2: '2019', t3: '2021', t4: '2019' } });
    expect(decideVersions({ t2: ['2019', '2019', '2021'], t3: ['2021'] }, 2020).mix).toBe('t2 按2019版，t3 按2021版填写；t2 同时有2019版（2 处）和2021版（1 处）的行或列；报告按2019版读取（2020 年度），每个表格按它自己的版本检查');
  });
});

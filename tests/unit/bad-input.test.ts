import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/lib/checks';
import { ReportError } from '../../src/lib/reader';
import { cellsByRef, fixture, manifestEntry, parseBytes, parseFile, parseText, SEED, shown } from '../helpers';

const seedText = readFileSync(SEED, 'utf8');

function failure(run: () => unknown): ReportError {
  try {
    run();
  } catch (e) {
    if (e instanceof ReportError) return e;
    throw e;
  }
  throw new Error('expected a ReportError');
}

describe('files that are not readable reports get a clear reason', () => {
  it('an empty file', () => {
    const e = failure(() => parseBytes(new Uint8Array()));
    expect(e.code).toBe('empty');
    expect(e.message).toContain('文件为空');
  });

  it('an image (a PNG) is named as one', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const e = failure(() => parseBytes(png));
    expect(e.code).toBe('unsupported');
    expect(e.message).toContain('PNG 图片');
  });

  it('a binary file of no known kind', () => {
    expect(failure(() => parseBytes(new Uint8Array([0x01, 0x02, 0x00, 0x00, 0x05, 0x06]))).code).toBe('binary');
  });

  it('text that is neither UTF-8 nor GBK', () => {
    const e = failure(() => parseBytes(new Uint8Array([0x41, 0x81, 0x20, 0x41, 0x0a])));
    expect(e.code).toBe('encoding');
    expect(e.message).toContain('UTF-8');
  });

  it('a page that is not an annual report', () => {
    const e = failure(() => parseFile(fixture('html/not-a-report.html')));
    expect(e.code).toBe('not_a_report');
    expect(e.message).toContain('不像政府信息公开工作年度报告');
  });

  it('a report whose body and year cannot be read off the text, without a manifest', () => {
    const anonymous = seedText.replaceAll('浙江省经济和信息化厅', '本厅');
    const e = failure(() => parseText(anonymous));
    expect(e.code).toBe('no_metadata');
    expect(e.message).toContain('manifest.csv');
  });
});

describe('files built to exhaust the reader are refused quickly, each with its reason', () => {
  const quickly = (make: () => Uint8Array | string) => {
    const input = make();
    const started = performance.now();
    const e = failure(() => (typeof input === 'string' ? parseText(input) : parseBytes(input)));
    return { e, ms: performance.now() - started };
  };

  it('an HTML table of rowspan=1000 colspan=1000 cells (a grid of millions of slots)', () => {
    const { e, ms } = quickly(() => `<html><body><table>${'<tr><td rowspan=1000 colspan=1000>1</td></tr>'.repeat(1100)}</table></body></html>`);
    expect([e.code, e.message]).toEqual(['too_large', '文件中的表格过大（超过 20000 个单元格），不像年度报告的表格（table grid too large）']);
    expect(ms).toBeLessThan(3000);
  });

  it('HTML nested 10,000 deep', () => {
    const { e } = quickly(() => `<html><body>${'<div>'.repeat(10_000)}x${'</div>'.repeat(10_000)}</body></html>`);
    expect(e.code).toBe('unsupported');
    expect(e.message).toContain('HTML 嵌套层级过深');
  });

  it('a t3 of 130,000 rows is read without overflowing the stack (then refused: the text names no body)', () => {
    const { e, ms } = quickly(() => `标题\n一、本年新收政府信息公开申请数量 | 1 | 2\n${'x | 1 | 2\n'.repeat(130_000)}`);
    expect(e.code).toBe('no_metadata');
    expect(ms).toBeLessThan(5000);
  });
});

describe('damaged reports are kept, with findings', () => {
  it('GBK-encoded text is decoded, not garbled', () => {
    const report = parseFile(fixture('text/seed-gbk.txt'));
    expect(report.source.encoding).toBe('gbk');
    expect(report.body).toBe('浙江省经济和信息化厅');
    const cells = cellsByRef(report);
    expect(shown(cells.get('t2.art20_5.licensing.decisions'))).toBe(3185);
    expect(shown(cells.get('t2.art20_9.procurement.amount'))).toBe(5234.55);
    expect(shown(cells.get('t3.handled.total'))).toBe(10);
  });

  it('UTF-16 text with its byte-order mark (Notepad’s “Unicode”), either byte order, reads as the same report', () => {
    const lf = parseText(seedText);
    const le = Buffer.from(`\uFEFF${seedText}`, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [bytes, encoding] of [[le, 'utf-16le'], [be, 'utf-16be']] as const) {
      const report = parseBytes(new Uint8Array(bytes));
      expect(report.source.encoding).toBe(encoding);
      expect(shown(cellsByRef(report).get('t2.art20_9.procurement.amount'))).toBe(5234.55);
      expect(report.cells).toEqual(lf.cells);
    }
    // An odd byte at the end: not UTF-16 after all.
    const e = failure(() => parseBytes(new Uint8Array([0xff, 0xfe, 0x2d, 0x4e, 0x41])));
    expect(e.code).toBe('encoding');
    expect(e.message).toContain('UTF-16LE');
  });

  it('UTF-16 saved without a byte-order mark reads as the same report; a binary file with zero bytes stays binary', () => {
    const lf = parseText(seedText);
    const le = Buffer.from(seedText, 'utf16le');
    for (const [bytes, encoding] of [[le, 'utf-16le'], [Buffer.from(le).swap16(), 'utf-16be']] as const) {
      const report = parseBytes(new Uint8Array(bytes));
      expect(report.source.encoding).toBe(encoding);
      expect(report.cells).toEqual(lf.cells);
    }
    expect(failure(() => parseBytes(new Uint8Array(Array.from({ length: 400 }, (_, i) => (i % 2 ? 0 : 1 + (i % 7)))))).code).toBe('binary');
  });

  it('GB18030’s four-byte characters (beyond GBK) are decoded, not refused', () => {
    // 浙 in GBK, then U+3400 (㐀) as GB18030 writes it in four bytes, then a line of the seed.
    const head = new Uint8Array([0xd5, 0xe3, 0x81, 0x39, 0xee, 0x39, 0x0a]);
    const gbkSeed = readFileSync(fixture('text/seed-gbk.txt'));
    const report = parseBytes(new Uint8Array([...head, ...gbkSeed]));
    expect(report.source.encoding).toBe('gbk');
    expect(report.prose.startsWith('浙㐀')).toBe(true);
  });

  it('a UTF-8 file cut short inside a character is read up to the cut', () => {
    const bytes = Buffer.from(`${seedText}\n附：浙`, 'utf8');
    const report = parseBytes(new Uint8Array(bytes.subarray(0, bytes.length - 1)));
    expect(report.source.encoding).toBe('utf-8');
    expect(shown(cellsByRef(report).get('t2.art20_9.procurement.amount'))).toBe(5234.55);
    expect(report.prose.endsWith('附：')).toBe(true);
  });

  it('a text saved on Windows (CRLF line breaks, or a lone CR) reads as the same report', () => {
    const lf = parseText(seedText);
    for (const crlf of [seedText.replaceAll('\n', '\r\n'), seedText.replaceAll('\n', '\r')]) {
      const report = parseText(crlf);
      const cells = cellsByRef(report);
      expect(shown(cells.get('t2.art20_5.licensing.decisions'))).toBe(3185);
      expect(shown(cells.get('t3.handled.total'))).toBe(10);
      expect(report.cells).toEqual(lf.cells);
      expect(report.prose).toBe(lf.prose);
    }
  });

  it('a report missing a table (t4 cut off): the other tables are read, TABLE_MISSING names the table', () => {
    const withoutT4 = seedText.slice(0, seedText.indexOf('四、政府信息公开行政复议、行政诉讼情况'));
    const report = parseText(withoutT4);
    expect(report.cells.filter((c) => c.table === 't4').map((c) => c.state)).toEqual(Array(15).fill('missing'));
    expect(shown(cellsByRef(report).get('t3.new.total'))).toBe(9);
    const missing = checkReport(report).filter((f) => f.rule === 'TABLE_MISSING');
    expect(missing.map((f) => f.message)).toEqual(['缺少表格“四、政府信息公开行政复议、行政诉讼情况”']);
    expect(missing[0].severity).toBe('error');
    expect(missing[0].cells).toHaveLength(15);
    expect(missing[0].cells).toContain('t4.suit_after_review.total');
  });

  it('a truncated t3: the rows read are kept, the rest listed as CELLS_MISSING', () => {
    const cut = seedText.slice(0, seedText.indexOf('2.没有现成信息需要另行制作'));
    const report = parseText(cut);
    const cells = cellsByRef(report);
    expect(shown(cells.get('t3.unavailable.not_held.total'))).toBe(4);
    expect(cells.get('t3.handled.total')?.state).toBe('missing');
    const findings = checkReport(report);
    const missing = findings.find((f) => f.rule === 'CELLS_MISSING')!;
    // Whole rows are named by the row: the 10 rows from 2.没有现成信息需要另行制作 on, 7 cells each.
    expect(missing.message).toBe('表格“三、收到和处理政府信息公开申请情况”缺少 70 个单元格（表格可能被截断）：依申请·无法提供：没有现成信息需要另行制作、依申请·无法提供：补正后申请内容仍不明确、依申请·不予处理：信访举报投诉类申请、依申请·不予处理：重复申请、依申请·不予处理：要求提供公开出版物、依申请·不予处理：无正当理由大量反复申请 等');
    expect(missing.cells).toContain('t3.handled.total');
    expect(missing.cells).toContain('t3.unavailable.needs_creation.natural_person');
    expect(findings.map((f) => f.rule)).toEqual(['AMBIGUOUS_SPLIT', 'CELLS_MISSING', 'TABLE_MISSING', ...Array(5).fill('NOT_EVALUATED')]);
    // The missing cells stop rules too, and each rule says so: t3's three, t4's (its table is gone), and the
    // prose's 未发生…行政复议或行政诉讼 against t4.
    expect(findings.filter((f) => f.rule === 'NOT_EVALUATED').map((f) => f.uncheckedRule)).toEqual(['T3_BALANCE', 'T3_HANDLED_SUM', 'T3_ROW_SUM', 'T4_GROUP_SUM', 'NARRATIVE']);
    expect(findings.find((f) => f.uncheckedRule === 'T3_HANDLED_SUM')?.message).toMatch(/^“办理结果合计”有 7 处未能检查：所需单元格无法确定 \d+ 个、缺失 \d+ 个/);
  });

  it('an unreadable cell is kept as ambiguous with its text, and named', () => {
    const text = readFileSync(fixture('text/full-2021.txt'), 'utf8').replace('行政许可 | 1520', '行政许可 | 约1500');
    const report = parseText(text);
    expect(cellsByRef(report).get('t2.art20_5.licensing.decisions')).toMatchObject({ state: 'ambiguous', value: null, raw: '约1500' });
    expect(checkReport(report).map((f) => [f.rule, f.message])).toEqual([['UNREADABLE_CELL', '无法识别的单元格：主动公开·第二十条第（五）项·行政许可·处理决定数量“约1500”']]);
  });

  it('text with no figure in a row’s first value column (=HYPERLINK("x"), a,b) is that column’s unreadable cell: the row and its other cells are kept', () => {
    const html = readFileSync(fixture('html/dept-2021.html'), 'utf8');
    // dept-2021.html's 予以公开 row: 41 | 10 | 1 | 1 | 4 | 2 | 59 (tests/fixtures/html/dept-2021.expected.ts).
    for (const text of ['=HYPERLINK("x")', 'a,b']) {
      const report = parseText(html.replace('<td>41</td><td>10</td><td>1</td><td>1</td><td>4</td><td>2</td><td>59</td>', `<td>${text}</td><td>10</td><td>1</td><td>1</td><td>4</td><td>2</td><td>59</td>`), 'r.html');
      const cells = cellsByRef(report);
      expect(cells.get('t3.granted.natural_person')).toMatchObject({ state: 'ambiguous', raw: text });
      expect([shown(cells.get('t3.granted.business')), shown(cells.get('t3.granted.total'))]).toEqual([10, 59]);
      expect(report.findings.map((f) => f.rule)).toContain('UNREADABLE_CELL');
      expect(report.findings.map((f) => f.rule)).not.toContain('CELLS_MISSING');
    }
    // The same in the seed's t2 (行政许可 | 10 | 1 | 3185 under 上一年项目数量 | 本年增/减 | 处理决定数量).
    const t2 = parseText(seedText.replace('行政许可 | 10 | 1 | 3185 |', '行政许可 | =HYPERLINK("x") | 1 | 3185 |'), 'seed.txt');
    const cells = cellsByRef(t2);
    expect(['prev_items', 'change', 'decisions'].map((c) => shown(cells.get(`t2.art20_5.licensing.${c}`)))).toEqual(['?=HYPERLINK("x")', 1, 3185]);
    expect(t2.findings.map((f) => f.rule)).not.toContain('CELLS_MISSING');
  });
});

describe('a manifest row that contradicts its report, and a table given twice, are findings, not silence', () => {
  it('the manifest says 2019, the title 2023', () => {
    const text = `浙江省经济和信息化厅2023年政府信息公开工作年度报告\n${seedText}`;
    const report = parseText(text, 'seed.txt', manifestEntry('seed.txt', '浙江省经济和信息化厅', 2019));
    expect(report.findings.filter((f) => f.rule === 'META_CONFLICT').map((f) => [f.expected, f.actual, f.message])).toEqual([
      [2019, 2023, '清单写 2019 年，报告标题写 2023 年：请核对清单'],
    ]);
  });

  it('a 2021-version report listed as 2019', () => {
    const report = parseFile(fixture('html/dept-2021.html'), manifestEntry('dept-2021.html', '浙江省生态环境厅', 2019));
    // Its title says 2022: that is the first thing the manifest contradicts.
    expect(report.findings.filter((f) => f.rule === 'META_CONFLICT').map((f) => f.message)).toEqual(['清单写 2019 年，报告标题写 2022 年：请核对清单']);
    const untitled = parseText(readFileSync(fixture('html/dept-2021.html'), 'utf8').replace(/浙江省生态环境厅2022年政府信息公开工作年度报告/g, '政府信息公开'), 'd.html', manifestEntry('d.html', '浙江省生态环境厅', 2019));
    expect(untitled.findings.filter((f) => f.rule === 'META_CONFLICT').map((f) => f.message)).toEqual(['清单写 2019 年，表格却按 2021 版模板填写（2019 年度报告应按 2019 版）：请核对清单的年度']);
  });

  it('the manifest agreeing with the report gives no such finding', () => {
    expect(parseFile(SEED, manifestEntry('seed.txt', '浙江省经济和信息化厅', 2019)).findings.filter((f) => f.rule === 'META_CONFLICT')).toEqual([]);
  });

  it('a second copy of t3 with other figures: the first is read, the rows that differ are named', () => {
    const second = seedText.replace('四、政府信息公开行政复议、行政诉讼情况', '（附）依申请公开情况\n本年新收政府信息公开申请数量 | 1 | 2 | 3 | 4 | 5 | 6 | 21 |\n四、政府信息公开行政复议、行政诉讼情况');
    expect(second).not.toBe(seedText);
    const report = parseText(second, 'seed.txt', manifestEntry('seed.txt', '浙江省经济和信息化厅', 2019));
    expect(cellsByRef(report).get('t3.new.total')?.value).toBe(9);
    const duplicate = report.findings.filter((f) => f.rule === 'DUPLICATE_TABLE');
    expect(duplicate.map((f) => f.cells)).toEqual([['t3.new']]);
    expect(duplicate[0].message).toContain('“1 | 2 | 3 | 4 | 5 | 6 | 21”');
  });
});

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from '../../src/lib/checks';
import { readReport, ReportError, type ParsedReport } from '../../src/lib/reader';
import { cellRef } from '../../src/lib/template';
import { expected as dept2019 } from '../fixtures/html/dept-2019.expected';
import { expected as dept2021, expectedFindings as dept2021Findings } from '../fixtures/html/dept-2021.expected';
import { buildPdf } from '../pdf-builder';
import { pdfBlocks } from '../../src/lib/reader/pdf';
import { fixture, readFile, shownCells } from '../helpers';

const published = (file: string) => fixture(`published/${file}`);

// The PDFs were made from the HTML fixtures (tests/fixtures/published/make.sh):
// every cell reads as the hand-written expectation of that HTML.
describe.each([
  ['dept-2019.writer.pdf', 'exported by a word processor (ruled tables, text run by run)', dept2019],
  ['dept-2021.writer.pdf', 'exported by a word processor; t3 and t4 cut by page breaks', dept2021],
  ['dept-2019.chromium.pdf', 'printed by a browser (borders as thin filled boxes, CJK as Kangxi radicals)', dept2019],
  ['dept-2021.chromium.pdf', 'printed by a browser; a row-spanning label cut by a page break', dept2021],
  ['dept-2021-landscape.chromium.pdf', 'landscape pages, tables in an 8 pt font', dept2021],
  ['dept-2021.turned-pages.pdf', 'the pages of t3 and t4 turned a quarter: their text runs down the page', dept2021],
  ['dept-2021-repeat-header.writer.pdf', 't3 cut by a page break with its header rows repeated (Word’s 重复标题行)', dept2021],
  ['dept-2019.chromium-furniture.pdf', 'a running header (date, the title) and footer (address, page “2/6”) on every page', dept2019],
  ['dept-2021.owner-password.pdf', 'encrypted with an owner password only (opens without asking)', dept2021],
  ['dept-2021.300-pages.pdf', 'the report followed by 295 pages of appendix', dept2021],
])('PDF %s (%s)', (file, _how, expected) => {
  let report: ParsedReport;
  it('reads body, year and version from its own text', async () => {
    report = await readFile(published(file));
    expect({ body: report.body, year: report.year, template: report.template, format: report.source.format }).toEqual({
      body: expected.body,
      year: expected.year,
      template: expected.template,
      format: 'pdf',
    });
  });

  it('reads every cell of its version exactly', () => {
    expect(shownCells(report)).toEqual(expected.cells);
  });
});

describe('a PDF whose tables are set without ruling lines (columns only where the figures line up)', () => {
  let report: ParsedReport;
  let flagged: Set<string>;
  beforeAll(async () => {
    report = await readFile(published('dept-2021-borderless.chromium.pdf'));
    flagged = new Set(checkReport(report).flatMap((f) => (f.rule === 'CELLS_MISSING' || f.rule === 'AMBIGUOUS_SPLIT' || f.rule === 'UNREADABLE_CELL' ? f.cells : [])));
  });

  it('never gives a wrong figure: each cell reads as written, or is reported missing or unplaceable', () => {
    const shown = shownCells(report);
    const wrongAndSilent = Object.entries(dept2021.cells).filter(([ref, value]) => shown[ref] !== value && !flagged.has(ref) && !flagged.has(ref.split('.').slice(0, 3).join('.')));
    expect(wrongAndSilent).toEqual([]);
  });

  it('reads the figures of whole rows, blank cells kept in their columns', () => {
    const shown = shownCells(report);
    for (const row of ['new', 'carried_over', 'granted', 'handled', 'carried_forward', 'unavailable.not_held', 'other.unpaid_fee']) {
      for (const col of ['natural_person', 'business', 'research', 'social_org', 'legal_service', 'other_org', 'total']) {
        const ref = `t3.${row}.${col}`;
        expect([ref, shown[ref]]).toEqual([ref, dept2021.cells[ref as keyof typeof dept2021.cells]]);
      }
    }
  });
});

describe('a PDF whose Chinese font is not embedded (only named, with a standard encoding such as UniGB-UCS2-H)', () => {
  it('reads as the characters, with nothing fetched', async () => {
    const { blocks } = await pdfBlocks(buildPdf([{ chinese: ['示例市统计局2023年政府信息公开工作年度报告', '一、总体情况'] }]));
    expect(blocks).toEqual([
      { kind: 'text', text: '示例市统计局2023年政府信息公开工作年度报告' },
      { kind: 'text', text: '一、总体情况' },
    ]);
  });
});

describe('a page shown turned (/Rotate 90, 180, 270) over content drawn upright', () => {
  it.each([90, 180, 270])('/Rotate %i: its lines read left to right, top to bottom', async (rotate) => {
    const { blocks } = await pdfBlocks(buildPdf([{ rotate, chinese: ['示例市统计局2023年政府信息公开工作年度报告', '一、总体情况'] }]));
    expect(blocks).toEqual([
      { kind: 'text', text: '示例市统计局2023年政府信息公开工作年度报告' },
      { kind: 'text', text: '一、总体情况' },
    ]);
  });
});

describe('each PDF cell keeps the page its text is on', () => {
  it('t2 on page 2, t3 from page 3 onto page 4, t4 on page 4 (as the rendered pages show them)', async () => {
    const report = await readFile(published('dept-2021.writer.pdf'));
    const page = (ref: string) => report.cells.find((c) => cellRef(c) === ref)?.page;
    expect(['t2.art20_6.penalty.decisions', 't3.new.total', 't3.unavailable.unclear.total', 't3.rejected.petition.total', 't3.carried_forward.total', 't4.review.total'].map(page)).toEqual([2, 3, 3, 4, 4, 4]);
  });

  it('a cell of a format without pages has none', async () => {
    const report = await readFile(fixture('html/dept-2021.html'));
    expect(report.cells.filter((c) => c.page !== undefined)).toEqual([]);
  });
});

describe('findings on PDF reports are those of the same report as HTML', () => {
  it('dept-2019 as a PDF has none', async () => {
    expect(checkReport(await readFile(published('dept-2019.writer.pdf')))).toEqual([]);
  });

  it('dept-2021 as a PDF: exactly the rule instances its blank 总计 cells break', async () => {
    const findings = checkReport(await readFile(published('dept-2021.chromium.pdf')));
    expect(findings.map((f) => [f.rule, f.cells[0], f.expected, f.actual])).toEqual(dept2021Findings);
  });
});

describe('PDFs that cannot be read say why', () => {
  const read = (bytes: Uint8Array) => readReport({ bytes, source: { file: 'x.pdf', sha256: 'test', bytes: bytes.length } });
  const failure = async (bytes: Uint8Array) => {
    try {
      await read(bytes);
    } catch (e) {
      return { code: (e as ReportError).code, message: (e as Error).message, isReportError: e instanceof ReportError };
    }
    return null;
  };

  it('a scan (pages that are images, no text layer) needs OCR; nothing is guessed', async () => {
    const result = await failure(buildPdf([{ image: true }, { image: true }]));
    expect(result).toMatchObject({ code: 'scanned', isReportError: true });
    expect(result!.message).toContain('扫描');
    expect(result!.message).toContain('OCR');
  });

  it('a PDF that needs a password to open', async () => {
    const result = await failure(readFileSync(published('dept-2021.user-password.pdf')));
    expect(result).toMatchObject({ code: 'encrypted', isReportError: true });
    expect(result!.message).toContain('密码');
  });

  it('a PDF cut short (a broken download)', async () => {
    const whole = readFileSync(published('dept-2021.writer.pdf'));
    for (const length of [3000, Math.floor(whole.length / 2)]) {
      const result = await failure(whole.subarray(0, length));
      expect(result).toMatchObject({ code: 'corrupt', isReportError: true });
      expect(result!.message).toContain('损坏');
    }
  });

  it('a PDF that is not an annual report', async () => {
    const result = await failure(buildPdf([{ lines: ['Quarterly bulletin', 'Nothing here is an annual report.'] }]));
    expect(result).toMatchObject({ code: 'not_a_report', isReportError: true });
  });

  it('a PDF that takes longer than its time limit is given up, with a reason, and leaves nothing running', async () => {
    const bytes = readFileSync(published('dept-2021.300-pages.pdf'));
    const started = performance.now();
    await expect(pdfBlocks(bytes, {}, 0.01)).rejects.toMatchObject({ code: 'too_large', message: expect.stringContaining('PDF 读取超过 0.01 秒仍未完成') });
    expect(performance.now() - started).toBeLessThan(2000);
    // The next PDF reads as usual.
    expect((await pdfBlocks(readFileSync(published('dept-2019.writer.pdf')))).pages).toBe(6);
  });

  it('is told by its content, not its name: a PDF named .txt is read as a PDF', async () => {
    const bytes = readFileSync(published('dept-2019.writer.pdf'));
    const { report } = await readReport({ bytes, source: { file: 'report.txt', sha256: 'test', bytes: bytes.length } });
    expect(report.source.format).toBe('pdf');
    expect(report.cells.find((c) => c.table === 't3' && c.row === 'new' && c.col === 'total')?.value).toBe(dept2019.cells['t3.new.total']);
  });
});

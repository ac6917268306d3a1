import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/lib/reader/blocks';
import type { Ruling, TextRun } from '../../src/lib/reader/pdf/geometry';
import { pdfPageBlocks, type Page } from '../../src/lib/reader/pdf/layout';

// Pages drawn by hand in display space (points, y down, A4), as the PDF reader hands them over.
const SIZE = 10;
const run = (text: string, x0: number, y: number, width = text.length * SIZE): TextRun => ({ text, x0, x1: x0 + width, y, size: SIZE });
const h = (at: number, from: number, to: number): Ruling => ({ horizontal: true, at, from, to });
const v = (at: number, from: number, to: number): Ruling => ({ horizontal: false, at, from, to });
const page = (runs: TextRun[], rulings: Ruling[] = []): Page => ({ width: 595, height: 842, runs, rulings });

/** A ruled grid: column edges xs, row edges ys, every border drawn. */
function grid(xs: number[], ys: number[]): Ruling[] {
  return [...ys.map((y) => h(y, xs[0], xs[xs.length - 1])), ...xs.map((x) => v(x, ys[0], ys[ys.length - 1]))];
}

const rowsOf = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'table' ? [b.rows.map((r) => r.map((c) => (c.carried ? `^${c.text}` : c.text)))] : []));
const textsOf = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));

describe('PDF tables from ruling lines', () => {
  it('a figure too wide for its column, wrapped onto a second line, is one figure (272 / 5 → 2725)', () => {
    const blocks = pdfPageBlocks([page([run('一、本年新收', 60, 215), run('272', 205, 210, 18), run('5', 205, 222, 6)], grid([50, 200, 230], [200, 230]))]);
    expect(rowsOf(blocks)).toEqual([[['一、本年新收', '2725']]]);
  });

  it('a merged cell (no border between two slots) is one cell; a blank cell keeps its column; an empty corner cell is a label slot', () => {
    const rulings = [...grid([50, 150, 250, 350], [100, 130, 160]).filter((r) => !(r.horizontal === false && r.at === 250)), v(250, 130, 160)];
    const blocks = pdfPageBlocks([page([run('法人或其他组织', 160, 120), run('行政许可', 60, 150), run('7', 300, 150)], rulings)]);
    expect(rowsOf(blocks)).toEqual([[['^', '法人或其他组织'], ['行政许可', '', '7']]]);
  });

  it('a box around the whole page is a frame, not a table: the table inside it and the prose around it are read', () => {
    const rulings = [...grid([40, 555], [40, 800]), ...grid([50, 200, 300], [300, 330, 360])];
    const runs = [run('浙江省示例厅2023年政府信息公开工作年度报告', 60, 100), run('行政许可', 60, 320), run('12', 210, 320), run('行政处罚', 60, 350), run('3', 210, 350)];
    const blocks = pdfPageBlocks([page(runs, rulings)]);
    expect(textsOf(blocks)).toEqual(['浙江省示例厅2023年政府信息公开工作年度报告']);
    expect(rowsOf(blocks)).toEqual([[['行政许可', '12'], ['行政处罚', '3']]]);
  });

  it('a table cut by a page break: the part on the next page has no top border, and a label cell that spans rows goes on empty', () => {
    const first = page([run('（三）不予公开', 60, 790), run('1.属于国家秘密', 160, 790), run('0', 260, 790)], [...grid([50, 150, 250, 300], [770, 800]), v(50, 800, 812), v(150, 800, 812), v(250, 800, 812), v(300, 800, 812)]);
    const second = page([run('2.其他法律行政法规禁止公开', 155, 50, 90), run('4', 260, 50)], [v(50, 30, 60), v(150, 30, 60), v(250, 30, 60), v(300, 30, 60), h(60, 50, 300)]);
    const tables = rowsOf(pdfPageBlocks([first, second]));
    expect(tables[1]).toEqual([['^', '2.其他法律行政法规禁止公开', '4']]);
  });
});

describe('PDF page furniture', () => {
  it('page numbers in the margins and a running header repeated on every page are dropped; the same words in the body are kept', () => {
    const pages = [1, 2, 3].map((n) => page([run('浙江省示例厅政务公开', 250, 40), run(`第${n}页正文，引用浙江省示例厅政务公开`, 60, 400), run(`- ${n} -`, 290, 810)]));
    expect(textsOf(pdfPageBlocks(pages))).toEqual(['第1页正文，引用浙江省示例厅政务公开', '第2页正文，引用浙江省示例厅政务公开', '第3页正文，引用浙江省示例厅政务公开']);
  });
});

describe('PDF tables set without lines', () => {
  it('figures placed in the columns they line up in; a label wrapped onto its own line joins the nearer row', () => {
    const runs = [
      run('一、本年新收', 60, 300), run('5', 300, 300, 6), run('2', 360, 300, 6), run('7', 420, 300, 6),
      run('（二）部分公开（区分处理的，', 60, 320), run('1', 300, 320, 6), run('1', 420, 320, 6),
      run('只计这一情形）', 60, 332),
      run('（七）总计', 60, 352), run('6', 300, 352, 6), run('2', 360, 352, 6), run('8', 420, 352, 6),
    ];
    expect(rowsOf(pdfPageBlocks([page(runs)]))).toEqual([
      [
        ['一、本年新收', '5', '2', '7'],
        ['（二）部分公开（区分处理的，只计这一情形）', '1', '', '1'],
        ['（七）总计', '6', '2', '8'],
      ],
    ]);
  });
});

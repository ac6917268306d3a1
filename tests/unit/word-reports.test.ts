import { readFileSync } from 'node:fs';
import CFB from 'cfb';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docBlocks } from '../../src/lib/reader/doc-blocks';
import { docxBlocks } from '../../src/lib/reader/docx-blocks';
import { parseBlocks } from '../../src/lib/reader/report';
import { ReportError, type ReportErrorCode } from '../../src/lib/reader/types';
import type { Block } from '../../src/lib/reader/blocks';
import { expected as dept2019 } from '../fixtures/html/dept-2019.expected';
import { expected as dept2021 } from '../fixtures/html/dept-2021.expected';
import { fixture, shownCells } from '../helpers';

const read = (name: string) => new Uint8Array(readFileSync(fixture(`published/${name}`)));

function parse(file: string) {
  const bytes = read(file);
  const format = file.endsWith('.docx') ? 'docx' : 'doc';
  const blocks = format === 'docx' ? docxBlocks(bytes) : docBlocks(bytes);
  return parseBlocks({ blocks, format, encoding: 'utf-8', source: { file, sha256: 'test', bytes: bytes.length } });
}

function codeOf(run: () => unknown): ReportErrorCode | 'no error' {
  try {
    run();
  } catch (e) {
    if (e instanceof ReportError) return e.code;
    throw e;
  }
  return 'no error';
}

const tables = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'table' ? [b.rows.map((row) => row.map((c) => (c.carried ? `^${c.text}` : c.text)))] : []));

describe.each([
  ['dept-2019.docx', dept2019],
  ['dept-2021.docx', dept2021],
  ['dept-2019.doc', dept2019],
  ['dept-2021.doc', dept2021],
])('Word report %s (made by LibreOffice from the HTML fixture)', (file, expected) => {
  const report = parse(file);

  it('reads body, year and the template version from the text', () => {
    expect({ body: report.body, year: report.year, template: report.template }).toEqual({
      body: expected.body,
      year: expected.year,
      template: expected.template,
    });
    expect(report.source.format).toBe(file.endsWith('.docx') ? 'docx' : 'doc');
  });

  it('extracts every cell exactly as from the HTML', () => {
    expect(shownCells(report)).toEqual(expected.cells);
  });
});

describe.each(['shanghai-2019.docx', 'shanghai-2019.doc'])('the Shanghai 2019 report as %s', (file) => {
  const report = parse(file);

  it('reads body, year and cells of the real report', () => {
    expect({ body: report.body, year: report.year, template: report.template }).toEqual({ body: '上海市人民政府办公厅', year: 2019, template: '2019' });
    const cells = shownCells(report);
    expect({
      't2.art20_1.regulations.made': cells['t2.art20_1.regulations.made'],
      't2.art20_1.regulations.public_total': cells['t2.art20_1.regulations.public_total'],
      't2.art20_9.procurement.projects': cells['t2.art20_9.procurement.projects'],
      't2.art20_9.procurement.amount': cells['t2.art20_9.procurement.amount'],
      't3.new.natural_person': cells['t3.new.natural_person'],
      't3.new.business': cells['t3.new.business'],
      't3.new.research': cells['t3.new.research'],
      't3.new.total': cells['t3.new.total'],
      't3.carried_over.total': cells['t3.carried_over.total'],
      't3.granted.natural_person': cells['t3.granted.natural_person'],
      't3.unavailable.not_held.legal_service': cells['t3.unavailable.not_held.legal_service'],
      't3.handled.total': cells['t3.handled.total'],
      't3.carried_forward.total': cells['t3.carried_forward.total'],
      't4.review.upheld': cells['t4.review.upheld'],
      't4.review.total': cells['t4.review.total'],
      't4.suit_direct.pending': cells['t4.suit_direct.pending'],
      't4.suit_direct.total': cells['t4.suit_direct.total'],
      't4.suit_after_review.total': cells['t4.suit_after_review.total'],
    }).toEqual({
      't2.art20_1.regulations.made': 13,
      't2.art20_1.regulations.public_total': 524,
      't2.art20_9.procurement.projects': 6,
      't2.art20_9.procurement.amount': 25.1, // written 251000元
      't3.new.natural_person': 821,
      't3.new.business': 35,
      't3.new.research': '',
      't3.new.total': 859,
      't3.carried_over.total': 18,
      't3.granted.natural_person': 258,
      't3.unavailable.not_held.legal_service': 1,
      't3.handled.total': 805,
      't3.carried_forward.total': 72,
      't4.review.upheld': 5,
      't4.review.total': 7,
      't4.suit_direct.pending': 1,
      't4.suit_direct.total': 9,
      't4.suit_after_review.total': '',
    });
  });
});

/** A DOCX of one document.xml body (and the parts a zip reader does not need left out). */
function docx(body: string): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}</w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) });
}

const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (content: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${content}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;

describe('Word table structure', () => {
  it('vMerge and gridSpan: a continued cell is the cell above, carried; a spanning cell is one cell', () => {
    const body = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
      ${tr(tc(p('三、本年度办理结果'), '<w:vMerge w:val="restart"/>'), tc(p('（一）予以公开'), '<w:gridSpan w:val="2"/>'), tc(p('59')))}
      ${tr(tc(p(''), '<w:vMerge/>'), tc(p('（三）不予公开'), '<w:vMerge w:val="restart"/>'), tc(p('1.属于国家秘密')), tc(p('0')))}
      ${tr(tc(p(''), '<w:vMerge w:val="continue"/>'), tc(p(''), '<w:vMerge/>'), tc(p('2.其他法律行政法规禁止公开')), tc(p('')))}
      <w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${tc(p('x'))}${tc(p('7'))}</w:tr>
      </w:tbl>`;
    expect(tables(docxBlocks(docx(body)))).toEqual([
      [
        ['三、本年度办理结果', '（一）予以公开', '59'],
        ['^三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '0'],
        ['^三、本年度办理结果', '^（三）不予公开', '2.其他法律行政法规禁止公开', ''],
        ['x', '7'],
      ],
    ]);
  });

  it('paragraphs in a cell join without a space in Chinese, with one between Latin words; breaks, tabs and runs', () => {
    const body = `<w:tbl>${tr(
      tc(p('本年新') + p('制作数量')),
      tc(`<w:p><w:r><w:t>Total</w:t><w:br/><w:t>count</w:t></w:r></w:p>`),
      tc(`<w:p><w:r><w:t>总计</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>[1]</w:t></w:r></w:p>`),
    )}</w:tbl>
    <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="709"/></w:tabs></w:pPr><w:r><w:t>第一行</w:t><w:tab/><w:t>续</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>`;
    expect(docxBlocks(docx(body))).toEqual([
      { kind: 'table', rows: [[{ text: '本年新制作数量', carried: false }, { text: 'Total count', carried: false }, { text: '总计[1]', carried: false }]] },
      { kind: 'text', text: '第一行 续' },
      { kind: 'text', text: '第二行' },
    ]);
  });

  it('keeps insertions, hyperlinks, content controls, smart tags, simple fields and field results; drops deletions and field codes', () => {
    const r = (t: string) => `<w:r><w:t>${t}</w:t></w:r>`;
    const body = `<w:p>${r('甲')}<w:ins>${r('乙')}</w:ins><w:del><w:r><w:delText>删</w:delText></w:r></w:del><w:hyperlink>${r('丙')}</w:hyperlink>
      <w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${r('丁')}</w:sdtContent></w:sdt><w:smartTag>${r('戊')}</w:smartTag>
      <w:fldSimple w:instr=" PAGE ">${r('己')}</w:fldSimple>
      <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('庚')}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`;
    expect(docxBlocks(docx(body))).toEqual([{ kind: 'text', text: '甲乙丙丁戊己庚' }]);
  });

  it('reads a text box once (mc:Choice, not also its mc:Fallback), as its own line', () => {
    const box = `<w:txbxContent>${p('框内文字')}</w:txbxContent>`;
    const body = `<w:p><w:r><w:t>前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>${box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>后</w:t></w:r></w:p>`;
    expect(docxBlocks(docx(body))).toEqual([
      { kind: 'text', text: '前' },
      { kind: 'text', text: '框内文字' },
      { kind: 'text', text: '后' },
    ]);
  });

  it('a table holding a table is layout: its text in order, the inner table as data', () => {
    const inner = `<w:tbl>${tr(tc(p('规章')), tc(p('2')))}</w:tbl>`;
    const body = `<w:tbl>${tr(tc(p('标题') + inner + p('注')))}</w:tbl>`;
    expect(docxBlocks(docx(body))).toEqual([
      { kind: 'text', text: '标题' },
      { kind: 'table', rows: [[{ text: '规章', carried: false }, { text: '2', carried: false }]] },
      { kind: 'text', text: '注' },
    ]);
  });

  it('dept-2021.docx from LibreOffice has its t3 merges as vMerge/gridSpan: the rowspan label is carried', () => {
    const t3 = tables(docxBlocks(read('dept-2021.docx'))).find((t) => t.some((row) => row.includes('（七）总计')))!;
    expect(t3.find((row) => row.includes('2.重复申请'))).toEqual(['^三、本年度办理结果', '^（五）不予处理', '2.重复申请', '3', '1', '0', '0', '0', '0', '']);
  });

  it('dept-2021.doc: the same merges from the rows\' cell edges and merge flags', () => {
    const t3 = tables(docBlocks(read('dept-2021.doc'))).find((t) => t.some((row) => row.includes('（七）总计')))!;
    expect(t3.find((row) => row.includes('2.重复申请'))).toEqual(['^三、本年度办理结果', '^（五）不予处理', '2.重复申请', '3', '1', '0', '0', '0', '0', '']);
    expect(t3[2]).toEqual(['^（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '^自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '^总计[1]']);
  });

  it('a DOC and the DOCX it was saved from read as the same blocks', () => {
    for (const name of ['dept-2019', 'dept-2021', 'shanghai-2019']) expect(docBlocks(read(`${name}.doc`))).toEqual(docxBlocks(read(`${name}.docx`)));
  });
});

describe('files that are not readable Word reports', () => {
  it('a DOCX cut in half is corrupt', () => {
    const bytes = read('dept-2021.docx');
    expect(codeOf(() => docxBlocks(bytes.subarray(0, bytes.length >> 1)))).toBe('corrupt');
  });

  it('a DOC cut in half is corrupt', () => {
    const bytes = read('dept-2021.doc');
    expect(codeOf(() => docBlocks(bytes.subarray(0, bytes.length >> 1)))).toBe('corrupt');
  });

  it('random bytes after a zip signature are corrupt', () => {
    const bytes = new Uint8Array(4096);
    let seed = 7;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    expect(codeOf(() => docxBlocks(bytes))).toBe('corrupt');
  });

  it('an XLSX, a PPTX and an ODT are unsupported, named as what they are', () => {
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    const pptx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'ppt/presentation.xml': strToU8('<p/>') });
    const odt = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<office:document-content/>') });
    for (const [bytes, name] of [[xlsx, 'XLSX'], [pptx, 'PPTX'], [odt, 'ODT']] as const) {
      let error: unknown;
      try {
        docxBlocks(bytes);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ReportError);
      expect((error as ReportError).code).toBe('unsupported');
      expect((error as ReportError).message).toContain(name);
    }
  });

  /** An OLE compound file holding these streams. */
  const ole = (...streams: string[]) => {
    const container = CFB.utils.cfb_new();
    for (const name of streams) CFB.utils.cfb_add(container, name, new Uint8Array(600).fill(1));
    return new Uint8Array(CFB.write(container, { type: 'array' }) as ArrayLike<number>);
  };

  it('a password-protected DOCX (an OLE file with EncryptionInfo) is encrypted, whichever reader gets it', () => {
    const bytes = ole('EncryptionInfo', 'EncryptedPackage');
    expect(codeOf(() => docxBlocks(bytes))).toBe('encrypted');
    expect(codeOf(() => docBlocks(bytes))).toBe('encrypted');
  });

  it('an XLS or PPT (OLE files without a WordDocument stream) is unsupported', () => {
    expect(() => docBlocks(ole('Workbook'))).toThrow(/XLS/);
    expect(() => docBlocks(ole('PowerPoint Document'))).toThrow(/PPT/);
    expect(codeOf(() => docBlocks(ole('Workbook')))).toBe('unsupported');
  });

  it('a DOC with the encrypted flag in its file information block is encrypted', () => {
    const bytes = read('dept-2021.doc');
    const container = CFB.read(bytes, { type: 'array' });
    const word = CFB.find(container, 'WordDocument')!.content as Uint8Array;
    word[0x0b] |= 0x01; // fEncrypted (bit 8 of the flags at 0x0A)
    const encrypted = new Uint8Array(CFB.write(container, { type: 'array' }) as ArrayLike<number>);
    expect(codeOf(() => docBlocks(encrypted))).toBe('encrypted');
  });

  it('a DOCX named .doc and a DOC named .docx are read all the same', () => {
    expect(docBlocks(read('dept-2021.docx'))).toEqual(docxBlocks(read('dept-2021.docx')));
    expect(docxBlocks(read('dept-2021.doc'))).toEqual(docBlocks(read('dept-2021.doc')));
  });

  it('a 300×300 table is refused quickly', () => {
    const row = tr(tc(p('1')).repeat(300));
    const bytes = docx(`<w:tbl>${row.repeat(300)}</w:tbl>`);
    const start = performance.now();
    expect(codeOf(() => docxBlocks(bytes))).toBe('too_large');
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('a zip whose document.xml claims to inflate to gigabytes is refused before inflating', () => {
    const bytes = docx(p('x'));
    // Patch the declared size (central directory) of word/document.xml to 4 GB − 1.
    const view = new DataView(bytes.buffer);
    for (let at = bytes.length - 22; at >= 0; at--) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(at + 28, true);
      const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
      if (name === 'word/document.xml') view.setUint32(at + 24, 0xffffffff, true);
    }
    expect(codeOf(() => docxBlocks(bytes))).toBe('too_large');
  });
});

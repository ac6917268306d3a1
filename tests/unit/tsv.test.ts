import { describe, expect, it } from 'vitest';
import { textBlocks } from '../../src/lib/reader/blocks';
import { checkReport } from '../../src/lib/checks';
import { parseText, shownCells } from '../helpers';

// A 2021-version report whose tables were copied from Excel into a .txt: one line per
// row, cells separated by a tab, every row as wide as its sheet, a merged cell written
// once and then as empty cells (to its right, and below it). Written by hand.
const row = (...cells: string[]) => cells.join('\t');
const values = (...numbers: (number | string)[]) => numbers.map(String);

const REPORT = [
  '示例县农业农村局2023年政府信息公开工作年度报告',
  '一、总体情况',
  '\t2023年，示例县农业农村局认真贯彻落实《中华人民共和国政府信息公开条例》，本年度共收到政府信息公开申请12件，上年结转1件。',
  '\t全年在门户网站主动公开政府信息214条。',
  '二、主动公开政府信息情况',
  row('第二十条第（一）项', '', '', ''),
  row('信息内容', '本年制发件数', '本年废止件数', '现行有效件数'),
  row('规章', '0', '0', '0'),
  row('行政规范性文件', '3', '1', '12'),
  row('第二十条第（五）项', '', '', ''),
  row('信息内容', '本年处理决定数量', '', ''),
  row('行政许可', '245', '', ''),
  row('第二十条第（六）项', '', '', ''),
  row('信息内容', '本年处理决定数量', '', ''),
  row('行政处罚', '36', '', ''),
  row('行政强制', '2', '', ''),
  row('第二十条第（八）项', '', '', ''),
  row('信息内容', '本年收费金额（单位：万元）', '', ''),
  row('行政事业性收费', '0', '', ''),
  '三、收到和处理政府信息公开申请情况',
  row('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况', '', '', '', '', '', ''),
  row('', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'),
  row('', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''),
  row('一、本年新收政府信息公开申请数量', '', '', ...values(9, 2, 0, 0, 1, 0, 12)),
  row('二、上年结转政府信息公开申请数量', '', '', ...values(1, 0, 0, 0, 0, 0, 1)),
  row('三、本年度办理结果', '（一）予以公开', '', ...values(5, 1, 0, 0, 0, 0, 6)),
  row('', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '', ...values(1, 0, 0, 0, 0, 0, 1)),
  row('', '（三）不予公开', '1.属于国家秘密', ...values(0, 0, 0, 0, 0, 0, 0)),
  row('', '', '2.其他法律行政法规禁止公开', ...values(0, 0, 0, 0, 0, 0, 0)),
  // An empty cell amid the values (科研机构): Excel writes nothing between the tabs.
  row('', '', '3.危及“三安全一稳定”', ...values(0, 0, '', 0, 0, 0, 0)),
  row('', '', '4.保护第三方合法权益', ...values(1, 0, 0, 0, 0, 0, 1)),
  row('', '', '5.属于三类内部事务信息', ...values(0, 0, 0, 0, 0, 0, 0)),
  row('', '', '6.属于四类过程性信息', ...values(0, 0, 0, 0, 0, 0, 0)),
  row('', '', '7.属于行政执法案卷', ...values(0, 0, 0, 0, 0, 0, 0)),
  row('', '', '8.属于行政查询事项', ...values(0, 0, 0, 0, 0, 0, 0)),
  row('', '（四）无法提供', '1.本机关不掌握相关政府信息', ...values(2, 1, 0, 0, 0, 0, 3)),
  row('', '', '2.没有现成信息需要另行制作', ...values(0, 0, 0, 0, 0, 0, 0)),
  row('', '', '3.补正后申请内容仍不明确', ...values(0, 0, 0, 0, 0, 0, 0)),
  row('', '（五）不予处理', '1.信访举报投诉类申请', ...values(0, 0, 0, 0, 0, 0, 0)),
  row('', '', '2.重复申请', ...values(0, 0, 0, 0, 0, 0, 0)),
  row('', '', '3.要求提供公开出版物', ...values(0, 0, 0, 0, 0, 0, 0)),
  row('', '', '4.无正当理由大量反复申请', ...values(0, 0, 0, 0, 0, 0, 0)),
  row('', '', '5.要求行政机关确认或重新出具已获取信息', ...values(0, 0, 0, 0, 0, 0, 0)),
  row('', '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ...values(0, 0, 0, 0, 1, 0, 1)),
  row('', '', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ...values(0, 0, 0, 0, 0, 0, 0)),
  row('', '', '3.其他', ...values(0, 0, 0, 0, 0, 0, 0)),
  row('', '（七）总计', '', ...values(9, 2, 0, 0, 1, 0, 12)),
  row('四、结转下年度继续办理', '', '', ...values(1, 0, 0, 0, 0, 0, 1)),
  '四、政府信息公开行政复议、行政诉讼情况',
  row('行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', ''),
  row('结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''),
  row('', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'),
  row(...values(1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0)),
  '五、存在的主要问题及改进情况',
  '联系电话：\t0571-88886666',
  '六、其他需要报告的事项',
  '本年度未收取信息处理费。',
].join('\n');

const t3 = (key: string, ...cells: (number | string)[]) =>
  Object.fromEntries(
    ['natural_person', 'business', 'research', 'social_org', 'legal_service', 'other_org', 'total'].map((col, i) => [`t3.${key}.${col}`, cells[i]]),
  );
const zeros = [0, 0, 0, 0, 0, 0, 0];

const EXPECTED_T3 = {
  ...t3('new', 9, 2, 0, 0, 1, 0, 12),
  ...t3('carried_over', 1, 0, 0, 0, 0, 0, 1),
  ...t3('granted', 5, 1, 0, 0, 0, 0, 6),
  ...t3('partial', 1, 0, 0, 0, 0, 0, 1),
  ...t3('denied.state_secret', ...zeros),
  ...t3('denied.law_prohibited', ...zeros),
  ...t3('denied.security', 0, 0, '', 0, 0, 0, 0),
  ...t3('denied.third_party', 1, 0, 0, 0, 0, 0, 1),
  ...t3('denied.internal', ...zeros),
  ...t3('denied.process', ...zeros),
  ...t3('denied.enforcement', ...zeros),
  ...t3('denied.inquiry', ...zeros),
  ...t3('unavailable.not_held', 2, 1, 0, 0, 0, 0, 3),
  ...t3('unavailable.needs_creation', ...zeros),
  ...t3('unavailable.unclear', ...zeros),
  ...t3('rejected.petition', ...zeros),
  ...t3('rejected.duplicate', ...zeros),
  ...t3('rejected.publication', ...zeros),
  ...t3('rejected.excessive', ...zeros),
  ...t3('rejected.confirmation', ...zeros),
  ...t3('other.no_correction', 0, 0, 0, 0, 1, 0, 1),
  ...t3('other.unpaid_fee', ...zeros),
  ...t3('other.other', ...zeros),
  ...t3('handled', 9, 2, 0, 0, 1, 0, 12),
  ...t3('carried_forward', 1, 0, 0, 0, 0, 0, 1),
};

const EXPECTED_T4 = {
  't4.review.upheld': 1, 't4.review.corrected': 0, 't4.review.other': 0, 't4.review.pending': 0, 't4.review.total': 1,
  't4.suit_direct.upheld': 0, 't4.suit_direct.corrected': 0, 't4.suit_direct.other': 0, 't4.suit_direct.pending': 1, 't4.suit_direct.total': 1,
  't4.suit_after_review.upheld': 0, 't4.suit_after_review.corrected': 0, 't4.suit_after_review.other': 0, 't4.suit_after_review.pending': 0, 't4.suit_after_review.total': 0,
};

const EXPECTED_T2 = {
  't2.art20_1.regulations.issued': 0, 't2.art20_1.regulations.repealed': 0, 't2.art20_1.regulations.in_force': 0,
  't2.art20_1.normative_docs.issued': 3, 't2.art20_1.normative_docs.repealed': 1, 't2.art20_1.normative_docs.in_force': 12,
  't2.art20_5.licensing.decisions': 245,
  't2.art20_6.penalty.decisions': 36,
  't2.art20_6.coercion.decisions': 2,
  't2.art20_8.fees.amount': 0,
};

describe('tab-separated text (tables copied from a browser or Excel)', () => {
  const report = parseText(REPORT, 'copied.txt');
  const ofTable = (table: string) => shownCells(report, (c) => c.table === table && c.state !== 'not_in_template');

  it('reads body and year from the prose lines around the tables', () => {
    expect([report.body, report.year, report.template, report.source.format]).toEqual(['示例县农业农村局', 2023, '2021', 'text']);
  });

  it('reads every t3 cell, an empty cell between tabs kept as blank at its place', () => {
    expect(ofTable('t3')).toEqual(EXPECTED_T3);
  });

  it('reads t4 and t2 from their padded rows', () => {
    expect(ofTable('t4')).toEqual(EXPECTED_T4);
    expect(ofTable('t2')).toEqual(EXPECTED_T2);
  });

  it('breaks no rule, and the prose agrees with the tables', () => {
    expect(checkReport(report)).toEqual([]);
  });
});

describe('a table copied from a browser (one cell per <td>, no padding)', () => {
  const COPIED = [
    '浙江省生态环境厅2022年政府信息公开工作年度报告',
    '三、收到和处理政府信息公开申请情况',
    row('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'),
    row('自然人', '法人或其他组织', '总计'),
    row('商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'),
    row('一、本年新收政府信息公开申请数量', '131', '24', '3', '', '5', '2', '165'),
    row('二、上年结转政府信息公开申请数量', '4', '1', '0', '0', '0', '0', '5'),
    '四、政府信息公开行政复议、行政诉讼情况',
  ].join('\n');

  it('reads the rows by position, the empty 社会公益组织 cell blank', () => {
    const cells = shownCells(parseText(COPIED), (c) => c.table === 't3' && (c.row === 'new' || c.row === 'carried_over'));
    expect(cells).toEqual({
      ...t3('new', 131, 24, 3, '', 5, 2, 165),
      ...t3('carried_over', 4, 1, 0, 0, 0, 0, 5),
    });
  });
});

describe('textBlocks: which lines are tab-separated rows', () => {
  // Rows as their cells' texts, without the trailing empty cells (marked: padding or the row's own blanks, as its table decides).
  const shape = (text: string) => textBlocks(text).map((b) => (b.kind === 'text' ? b.text : b.rows.map((r) => r.filter((c) => !c.trailing).map((c) => c.text))));

  it('a run of two lines with tabs between cells is a table; empty cells kept, trailing ones marked', () => {
    expect(shape('行政许可\t245\t\n行政处罚\t\t36\t\t\n')).toEqual([[['行政许可', '245'], ['行政处罚', '', '36']]]);
    const [table] = textBlocks('行政许可\t245\t\n行政处罚\t\t36\t\t\n');
    expect(table.kind === 'table' && table.rows[1].map((c) => c.trailing ?? false)).toEqual([false, false, false, true, true]);
  });

  it('a lone line with a tab is prose, and so are paragraphs indented by a tab', () => {
    expect(shape('联系电话：\t0571-88886666\n\t一、总体情况\n\t2023年，本局认真贯彻落实条例。')).toEqual([
      '联系电话：\t0571-88886666',
      '一、总体情况',
      '2023年，本局认真贯彻落实条例。',
    ]);
  });

  it('a label row with only trailing tabs stays in its table; a blank line ends it', () => {
    expect(shape('第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\n规章\t2\n\n规章\t2\n')).toEqual([
      [['第二十条第（一）项'], ['信息内容', '本年制发件数'], ['规章', '2']],
      '规章\t2',
    ]);
  });

  it('pipe rows read as before, tabs inside them are no separators', () => {
    expect(shape('规章 | 2\t1 | 15 | |\n规范性文件 | 6 | 27')).toEqual([[['规章', '2\t1', '15'], ['规范性文件', '6', '27']]]);
  });
});

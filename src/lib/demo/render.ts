import {
  t2Items,
  t3Rows,
  T3_COLUMNS,
  T3_GROUPS,
  T4_COLUMNS,
  T4_GROUPS,
  TABLE_HEADINGS,
  type TemplateVersion,
} from '../template';
import type { Figures } from './figures';
import type { WritingStyle } from './style';

/** What a rendered report says besides its tables. */
export interface ReportText {
  title: string;
  body: string;
  year: number;
  version: TemplateVersion;
  figures: Figures;
  style: WritingStyle;
  /** Defects that change how the report is written. */
  omitT4?: boolean;
  /** Write zero applicant cells empty, then flatten (drop empty cells), as the seed does. */
  flattenRows?: boolean;
  /** The number of requests the prose states (normally the table's). */
  statedRequests: number;
}

const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const RESULTS = '三、本年度办理结果';

function cellText(report: ReportText, ref: string, money = false): string {
  const v = report.figures.get(ref) ?? 0;
  const { style } = report;
  if (money) {
    if (style.money === 'yuan') return `${Math.round(v * 10000)}元`;
    return style.money === 'wan-unit' ? `${v.toFixed(2)}万元` : v.toFixed(2);
  }
  if (v === 0) return style.zero;
  return ref.endsWith('.change') && style.signedChange && v > 0 ? `+${v}` : String(v);
}

function prose(report: ReportText): { intro: string[]; outro: string[] } {
  const f = report.figures;
  const reviews = f.get('t4.review.total') ?? 0;
  const suits = (f.get('t4.suit_direct.total') ?? 0) + (f.get('t4.suit_after_review.total') ?? 0);
  const litigation =
    reviews + suits === 0
      ? '本年度未发生政府信息公开行政复议和行政诉讼。'
      : `本年度发生政府信息公开行政复议${reviews}件、行政诉讼${suits}件。`;
  return {
    intro: [
      report.title,
      '一、总体情况',
      `${report.year}年，${report.body}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，持续深化政务公开。`,
      '（一）主动公开',
      '依托门户网站政府信息公开专栏，及时公开机构职能、政策文件、规划计划等信息，做好政策解读和回应关切。',
      '（二）依申请公开',
      `本年度共收到政府信息公开申请${report.statedRequests}件，上年结转${f.get('t3.carried_over.total') ?? 0}件，均在法定期限内答复。`,
      '（三）行政复议和行政诉讼',
      litigation,
    ],
    outro: [
      '五、存在的主要问题及改进情况',
      '政策解读的形式还不够丰富，依申请公开办理的规范化水平有待提高。下一步将加强培训，完善工作机制。',
      '六、其他需要报告的事项',
      report.version === '2021' ? '本年度未收取信息处理费。' : '无。',
    ],
  };
}

// ---- text: the pipe-table form HTML pages flatten to (as in the seed) ------------

function pipeRow(labels: string[], values: string[], width: number, flatten: boolean): string {
  const cells = [...labels, ...(flatten ? values.filter((v) => v !== '') : values)];
  return [...cells, ...Array(Math.max(0, width - cells.length)).fill('')].join(' | ').trimEnd();
}

function t3Labels(version: TemplateVersion): { row: string; labels: string[] }[] {
  const rows = t3Rows(version);
  const firstOfGroup = new Set(T3_GROUPS.map((g) => rows.find((r) => r.group === g.key)?.key));
  return rows.map((r) => {
    const group = T3_GROUPS.find((g) => g.key === r.group);
    const labels = [
      ...(r.key === 'granted' ? [RESULTS] : []),
      ...(group && firstOfGroup.has(r.key) ? [group.label] : []),
      r.label,
    ];
    return { row: r.key, labels };
  });
}

export function renderText(report: ReportText): string {
  const { intro, outro } = prose(report);
  const lines = [...intro, TABLE_HEADINGS.t2];
  for (const item of t2Items(report.version)) {
    lines.push(`${item.label} | ||||`);
    lines.push(['信息内容', ...item.cols.map((c) => c.label), ''].join(' | '));
    for (const row of item.rows)
      lines.push([row.label, ...item.cols.map((c) => cellText(report, `t2.${item.item}.${row.key}.${c.key}`, c.money)), ''].join(' | '));
  }
  lines.push(TABLE_HEADINGS.t3);
  lines.push(`${T3_NOTE} | 申请人情况 | ||||||||`);
  lines.push('自然人 | 法人或其他组织 | 总计 | |||||||');
  lines.push('商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |||||');
  for (const { row, labels } of t3Labels(report.version)) {
    const values = T3_COLUMNS.map((c) => {
      const text = cellText(report, `t3.${row}.${c.key}`);
      return report.flattenRows && c.key !== 'total' && (report.figures.get(`t3.${row}.${c.key}`) ?? 0) === 0 ? '' : text;
    });
    lines.push(pipeRow(labels, values, 10, report.flattenRows ?? false));
  }
  if (!report.omitT4) {
    lines.push(TABLE_HEADINGS.t4);
    const results = T4_COLUMNS.map((c) => c.label);
    lines.push('行政复议 | 行政诉讼 | |||||||||||||');
    lines.push([...results, '未经复议直接起诉', '复议后起诉', ''].join(' | '));
    lines.push([...results, ...results, ...results].join(' | '));
    lines.push(T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => cellText(report, `t4.${g.key}.${c.key}`))).join(' | '));
  }
  return `${[...lines, ...outro].join('\n')}\n`;
}

// ---- HTML: tables with rowspan/colspan, as government sites publish them ---------

const td = (text: string, attrs = '') => `<td${attrs}>${text === '' ? '&nbsp;' : text}</td>`;
const tr = (cells: string[]) => `<tr>${cells.join('')}</tr>`;

function htmlT2(report: ReportText): string[] {
  const tables: string[][] = [];
  for (const item of t2Items(report.version)) {
    const rows = [
      tr([td(item.label, ' colspan="4"')]),
      tr([td('信息内容'), ...item.cols.map((c) => td(c.label))]),
      ...item.rows.map((row) => tr([td(row.label), ...item.cols.map((c) => td(cellText(report, `t2.${item.item}.${row.key}.${c.key}`, c.money)))])),
    ];
    if (report.style.t2Split || tables.length === 0) tables.push(rows);
    else tables[0].push(...rows);
  }
  return tables.map((rows) => `<table border="1" cellspacing="0">${rows.join('')}</table>`);
}

function htmlT3(report: ReportText): string {
  const rows = t3Rows(report.version);
  const header = [
    tr([td(T3_NOTE, ' colspan="3" rowspan="3"'), td('申请人情况', ' colspan="7"')]),
    tr([td('自然人', ' rowspan="2"'), td('法人或其他组织', ' colspan="5"'), td('总计', ' rowspan="2"')]),
    tr(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((l) => td(l))),
  ];
  const resultRows = rows.filter((r) => !['new', 'carried_over', 'carried_forward'].includes(r.key)).length;
  const body = rows.map((r) => {
    const values = T3_COLUMNS.map((c) => td(cellText(report, `t3.${r.key}.${c.key}`)));
    if (['new', 'carried_over', 'carried_forward'].includes(r.key)) return tr([td(r.label, ' colspan="3"'), ...values]);
    const labels = r.key === 'granted' ? [td(RESULTS, ` rowspan="${resultRows}"`)] : [];
    const group = T3_GROUPS.find((g) => g.key === r.group);
    if (group) {
      const members = rows.filter((m) => m.group === r.group);
      if (members[0].key === r.key) labels.push(td(group.label, ` rowspan="${members.length}"`));
      labels.push(td(r.label));
    } else labels.push(td(r.label, ' colspan="2"'));
    return tr([...labels, ...values]);
  });
  return `<table border="1" cellspacing="0">${[...header, ...body].join('')}</table>`;
}

function htmlT4(report: ReportText): string {
  const results = T4_COLUMNS.map((c) => c.label);
  return `<table border="1" cellspacing="0">${[
    tr([td('行政复议', ' colspan="5"'), td('行政诉讼', ' colspan="10"')]),
    tr([...results.map((l) => td(l, ' rowspan="2"')), td('未经复议直接起诉', ' colspan="5"'), td('复议后起诉', ' colspan="5"')]),
    tr([...results, ...results].map((l) => td(l))),
    tr(T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => td(cellText(report, `t4.${g.key}.${c.key}`))))),
  ].join('')}</table>`;
}

export function renderHtml(report: ReportText): string {
  const { intro, outro } = prose(report);
  const [title, ...paragraphs] = intro;
  const p = (text: string) => `<p>${text}</p>`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>
<body><div class="header">政务公开 &gt; 政府信息公开年报</div>
<div class="article"><h1>${title}</h1>
${paragraphs.map(p).join('\n')}
${p(TABLE_HEADINGS.t2)}
${htmlT2(report).join('\n')}
${p(TABLE_HEADINGS.t3)}
${htmlT3(report)}
${report.omitT4 ? '' : `${p(TABLE_HEADINGS.t4)}\n${htmlT4(report)}`}
${outro.map(p).join('\n')}
</div></body></html>
`;
}

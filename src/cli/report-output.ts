import { cellRef, t2Items, t3Rows, T3_COLUMNS, T4_COLUMNS, T4_GROUPS, TABLE_HEADINGS, type Cell, type Finding } from '../lib/template';
import type { ParsedReport } from '../lib/reader';

/** The parse command's JSON: TEMPLATE.md keys, t2 rows prefixed by their item, money in 万元. */
export function reportJson(report: ParsedReport, findings: Finding[]) {
  return {
    body: report.body,
    year: report.year,
    template: report.template,
    cells: report.cells.map((c) => ({
      table: c.table,
      row: c.item ? `${c.item}.${c.row}` : c.row,
      col: c.col,
      value: c.value,
      state: c.state,
      raw: c.raw,
    })),
    findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, cells: f.cells, expected: f.expected, actual: f.actual, message: f.message })),
  };
}

const SHOWN: Record<Cell['state'], (c: Cell) => string> = {
  value: (c) => String(c.value),
  slash: () => '/',
  dash: () => '—',
  blank: () => '',
  not_in_template: () => '×',
  ambiguous: () => '?',
  missing: () => '（缺）',
};

/** The report's tables as a person reads them, then its findings. */
export function reportText(report: ParsedReport, findings: Finding[]): string {
  const byRef = new Map(report.cells.map((c) => [cellRef(c), c]));
  const show = (ref: string) => {
    const c = byRef.get(ref);
    return c ? SHOWN[c.state](c) : '（缺）';
  };
  const out = [
    `${report.body} ${report.year} 年度报告 · 模板 ${report.template} 版 · ${report.source.file} (${report.source.format}, ${report.source.encoding}) sha256 ${report.source.sha256}`,
    '记号：/ 斜杠 · — 横线 · 空白 · ? 无法确定属于哪一列（原文见 --json 的 raw）· × 不在该版模板中 · （缺）未找到；金额单位 万元',
    '',
    TABLE_HEADINGS.t2,
  ];
  for (const item of t2Items(report.template)) {
    out.push(...grid(item.label, item.cols.map((c) => c.label), item.rows.map((r) => [r.label, item.cols.map((c) => show(`t2.${item.item}.${r.key}.${c.key}`))])));
  }
  out.push('', TABLE_HEADINGS.t3);
  out.push(...grid('', T3_COLUMNS.map((c) => c.label), t3Rows(report.template).map((r) => [r.label, T3_COLUMNS.map((c) => show(`t3.${r.key}.${c.key}`))])));
  out.push('', TABLE_HEADINGS.t4);
  out.push(...grid('', T4_COLUMNS.map((c) => c.label), T4_GROUPS.map((g) => [g.label, T4_COLUMNS.map((c) => show(`t4.${g.key}.${c.key}`))])));
  out.push('', findings.length === 0 ? '发现：无' : `发现（${findings.length}）：`);
  for (const f of findings) out.push(`  [${f.severity}] ${f.rule}: ${f.message}`);
  return out.join('\n');
}

function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, w: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, w - width(text)));
  return right ? fill + text : text + fill;
}

function grid(title: string, columns: string[], rows: [string, string[]][]): string[] {
  const labelWidth = Math.min(36, Math.max(width(title), ...rows.map(([l]) => width(l))));
  const colWidths = columns.map((c, i) => Math.max(width(c), ...rows.map(([, v]) => width(v[i]))));
  const clip = (l: string) => (width(l) > labelWidth ? `${[...l].slice(0, labelWidth / 2 - 1).join('')}…` : l);
  return [
    `  ${pad(clip(title), labelWidth)} │ ${columns.map((c, i) => pad(c, colWidths[i], true)).join(' │ ')}`,
    ...rows.map(([label, values]) => `  ${pad(clip(label), labelWidth)} │ ${values.map((v, i) => pad(v, colWidths[i], true)).join(' │ ')}`),
  ];
}

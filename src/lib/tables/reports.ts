import { formatCount } from '../format/numbers';
import { KIND_LABELS } from '../queries/filters';
import type { FindingRow, ReportRow } from '../queries/report';
import { cellName, REPORT_STATUS_LABELS, SEVERITY_LABELS, type Severity } from '../template';
import { ruleColumns, type Column } from './table';

/** A body's reports: year, version, source, status; each links to its detail. */
export function reportColumns(href: (id: string) => string): Column<ReportRow>[] {
  return [
    { key: 'year', label: '年度', numeric: true, value: (r) => r.year, href: (r) => href(r.report_id) },
    { key: 'template', label: '模板版本', value: (r) => `${r.template} 版` },
    { key: 'kind', label: '报告类型', value: (r) => (r.kind ? (KIND_LABELS[r.kind] ?? r.kind) : '') },
    { key: 'source', label: '源文件', wrap: true, value: (r) => (r.imported ? `${r.source_file}（导入）` : r.source_file) },
    { key: 'status', label: '检查结果', value: (r) => REPORT_STATUS_LABELS[r.status] ?? r.status },
    { key: 'errors', label: '错误', numeric: true, value: (r) => r.n_errors },
    { key: 'warnings', label: '警告', numeric: true, value: (r) => r.n_warnings },
    { key: 'counted', label: '计入合计', value: (r) => (r.superseded_by ? '否（同年另有一份报告计入）' : '是') },
  ];
}

const cellNames = (cells: string) => cells.split(' ').filter(Boolean).map(cellName);

/** A finding's cells in words, shortened for the screen (downloads keep them all). */
function cellList(cells: string): string {
  const names = cellNames(cells);
  return names.length <= 3 ? names.join('；') : `${names.slice(0, 2).join('；')} 等 ${names.length} 个`;
}

const countText = (n: number | null) => (n === null ? '' : formatCount(n));

/** Findings: where, which rule, how severe, expected against actual; each links to the report with its cells highlighted. */
export function findingColumns(href: (f: FindingRow) => string, withBody = true): Column<FindingRow>[] {
  return [
    ...(withBody ? [{ key: 'body', label: '机关', value: (f: FindingRow) => f.body }] : []),
    { key: 'year', label: '年度', numeric: true, value: (f) => f.year },
    ...ruleColumns<FindingRow>((f) => f.rule),
    { key: 'severity', label: '严重程度', value: (f) => SEVERITY_LABELS[f.severity as Severity] ?? f.severity },
    { key: 'expected', label: '应为', numeric: true, value: (f) => f.expected, text: (f) => countText(f.expected) },
    { key: 'actual', label: '实为', numeric: true, value: (f) => f.actual, text: (f) => countText(f.actual) },
    { key: 'message', label: '说明', wrap: true, value: (f) => f.message },
    { key: 'cells', label: '单元格', wrap: true, value: (f) => cellNames(f.cells).join('；'), text: (f) => cellList(f.cells) },
    { key: 'cell_refs', label: '单元格代码', value: (f) => f.cells, downloadOnly: true },
    { key: 'open', label: '报告', value: (f) => f.report_id, text: () => '在报告中查看', href },
  ];
}

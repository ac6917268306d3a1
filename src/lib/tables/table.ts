import { toCsv } from '../export/csv';
import { compareText } from '../format/collation';
import { escapeHtml } from '../format/html';
import { RULE_BY_ID, type RuleId } from '../template';

/** A column of a data table: what it holds (for sorting and downloads), how it reads, where it links. */
export interface Column<Row> {
  key: string;
  label: string;
  /** The value: sorted on, and written to CSV/JSON. */
  value: (row: Row) => string | number | null;
  /** How the cell reads on screen (default: the value). */
  text?: (row: Row) => string;
  /** A link for the cell (a report, a body). */
  href?: (row: Row) => string | null;
  numeric?: boolean;
  /** Long text (a message, a list): may wrap; other cells stay on one line. */
  wrap?: boolean;
  /** Only in downloads: a key for programs beside the words a person reads (rule ids, cell references). */
  downloadOnly?: boolean;
}

/** A rule as people read it (its label), with its id beside it in downloads only. */
export function ruleColumns<Row>(rule: (row: Row) => string, label = '规则', href?: (row: Row) => string | null): Column<Row>[] {
  return [
    { key: 'rule', label, value: (r) => RULE_BY_ID[rule(r) as RuleId]?.label ?? rule(r), href },
    { key: 'rule_id', label: '规则代码', value: rule, downloadOnly: true },
  ];
}

export type SortDirection = 'ascending' | 'descending';

/** Rows sorted by a column (pure, stable); empty values always last. */
export function sortRows<Row>(rows: readonly Row[], column: Column<Row> | undefined, direction: SortDirection): Row[] {
  if (!column) return [...rows];
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: column.value(row) }))
    .sort((x, y) => {
      const [a, b] = [x.v, y.v];
      if (a === null || a === '' || b === null || b === '') return (a === null || a === '' ? 1 : 0) - (b === null || b === '' ? 1 : 0) || x.i - y.i;
      const order = typeof a === 'number' && typeof b === 'number' ? a - b : compareText(String(a), String(b));
      return order * sign || x.i - y.i;
    })
    .map((x) => x.row);
}

export function tableCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  return toCsv(columns.map((c) => ({ label: c.label, value: c.value })), rows);
}

export function tableJson<Row>(title: string, columns: readonly Column<Row>[], rows: readonly Row[]): string {
  return JSON.stringify({ title, rows: rows.map((r) => Object.fromEntries(columns.map((c) => [c.label, c.value(r)]))) }, null, 2);
}

/**
 * A table's body rows as HTML (pure): the first column heads each row, a
 * cell with a link holds it. Written as one string, not built element by
 * element: a page's tables, a few thousand cells, are all rebuilt at each
 * change of filters, and the browser parses the string faster than the
 * framework creates the elements.
 */
export function tableRowsHtml<Row>(columns: readonly Column<Row>[], rows: readonly Row[], highlight?: (row: Row) => boolean): string {
  // Each column's opening and closing tags, made once per table.
  const tags = columns.map((c, k) => {
    const classes = [c.numeric ? 'numeric' : '', c.wrap ? 'wrap' : ''].filter(Boolean).join(' ');
    const [open, name] = k === 0 ? ['th scope="row"', 'th'] : ['td', 'td'];
    return [`<${open}${classes ? ` class="${classes}"` : ''}>`, `</${name}>`];
  });
  const cell = (c: Column<Row>, k: number, row: Row) => {
    const text = escapeHtml(c.text ? c.text(row) : String(c.value(row) ?? '—'));
    const href = c.href?.(row);
    return `${tags[k][0]}${href ? `<a href="${escapeHtml(href)}">${text}</a>` : text}${tags[k][1]}`;
  };
  return rows.map((row) => `<tr${highlight?.(row) ? ' class="highlight"' : ''}>${columns.map((c, k) => cell(c, k, row)).join('')}</tr>`).join('');
}

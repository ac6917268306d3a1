import { formatCount } from '../format/numbers';
import {
  cellRef,
  CELL_STATE_LABELS,
  columnName,
  stateLabel,
  T2_ITEMS,
  T2_ROW_HEADER,
  T3_COLUMNS,
  T3_GROUPS,
  T3_ROWS,
  T4_COLUMNS,
  T4_GROUPS,
  TABLE_HEADINGS,
  TEMPLATE_CELLS,
  templateIndex,
  type ColumnDef,
  type CellState,
  type T2Item,
  type TableId,
  type TemplateVersion,
} from '../template';
import type { FindingRow, ReportCellRow } from '../queries/report';

/** A cell as the report detail shows it: its text as the source has it ('/' as '/'), money in 万元. */
export interface ShownCell {
  ref: string;
  /** The cell's row (t3.new): findings on a whole row (AMBIGUOUS_SPLIT) name it. */
  rowRef: string;
  text: string;
  state: CellState;
  raw: string | null;
  /** The PDF page the source text is on. */
  page: number | null;
  /** Indexes into the report's findings that name this cell. */
  findings: number[];
}

export interface ShownRow {
  /** The group label (（三）不予公开 …) on the first row of its group, with how many rows it spans. */
  group?: { label: string; span: number };
  /** The row sits under a group label (its first row carries it). */
  inGroup?: boolean;
  label: string;
  cells: ShownCell[];
}

export interface ShownTable {
  id: TableId;
  /** t2 is one small table per 第二十条 item. */
  caption: string;
  columns: string[];
  rowHeader: string;
  rows: ShownRow[];
}

const money = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 });

/** How a cell of each state reads (pure): a number with separators, '/', '—', 空白, 无法确定, 缺失. */
export function cellText(cell: { value: number | null; state: string }, isMoney = false): string {
  switch (cell.state) {
    case 'value':
      return isMoney ? money.format(cell.value!) : formatCount(cell.value);
    case 'slash':
      return '/';
    case 'dash':
      return '—';
    default:
      return stateLabel(cell.state);
  }
}

/** Where a cell's text stands in the source: 原文 (第 3 页) for a PDF. */
export function sourceText(cell: Pick<ShownCell, 'raw' | 'page'>): string {
  return `原文${cell.page ? `（第 ${cell.page} 页）` : ''}：${cell.raw || '（空白）'}`;
}

/** A cell's tooltip: the source's text and its page, or why there is none, and how many findings name it. */
export function cellTitle(cell: ShownCell): string {
  const source = cell.state === 'missing' ? '原文中没有此单元格（表格缺失或不完整）' : cell.state === 'not_in_template' ? CELL_STATE_LABELS.not_in_template : sourceText(cell);
  return `${source}${cell.findings.length ? `；涉及 ${cell.findings.length} 项发现` : ''}`;
}

const columnLabel = (c: ColumnDef) => (c.money ? `${c.label.replace(/（单位：万元）$/, '')}（万元）` : c.label);

/**
 * The report's three tables in its template version's layout, each cell with its
 * findings (pure). Rows and items of the other version are shown too when the
 * report has them (reports mix versions), marked with their version.
 */
export function reportLayout(version: TemplateVersion, cells: readonly ReportCellRow[], findings: readonly Pick<FindingRow, 'cells'>[]): ShownTable[] {
  const byRef = new Map(cells.map((c) => [cellRef(c), c]));
  const flagged = new Map<string, number[]>();
  findings.forEach((f, i) => f.cells.split(' ').filter(Boolean).forEach((ref) => flagged.set(ref, [...(flagged.get(ref) ?? []), i])));
  const shown = (key: { table: TableId; item: string | null; row: string; col: string }, isMoney = false): ShownCell => {
    const ref = cellRef(key);
    const rowRef = ref.slice(0, ref.lastIndexOf('.'));
    const cell = byRef.get(ref) ?? { value: null, state: 'missing', raw: null, page: null };
    const findingsOf = [...(flagged.get(ref) ?? []), ...(flagged.get(rowRef) ?? [])];
    return { ref, rowRef, text: cellText(cell, isMoney), state: cell.state as CellState, raw: cell.raw, page: cell.page ?? null, findings: findingsOf };
  };
  // Whether the report has cells that only the other version's template has (it mixes versions).
  const stored = (keys: { table: TableId; item: string | null; row: string; col: string }[]) =>
    keys.some((k) => {
      const ref = cellRef(k);
      return !TEMPLATE_CELLS[templateIndex(ref)!].versions.includes(version) && (byRef.get(ref)?.state ?? 'not_in_template') !== 'not_in_template';
    });
  const itemCells = (item: T2Item) => item.rows.flatMap((r) => item.cols.map((c) => ({ table: 't2' as const, item: item.item, row: r.key, col: c.key })));
  const otherVersion = (versions: readonly TemplateVersion[] | undefined, v: TemplateVersion) => (versions && !versions.includes(version) ? `（${v} 版）` : '');

  const t2: ShownTable[] = T2_ITEMS.filter((item) => item.version === version || stored(itemCells(item))).map((item) => ({
    id: 't2',
    caption: `${item.label}${otherVersion([item.version], item.version)}`,
    columns: item.cols.map(columnLabel),
    rowHeader: T2_ROW_HEADER,
    rows: item.rows.map((r) => ({ label: r.label, cells: item.cols.map((c) => shown({ table: 't2', item: item.item, row: r.key, col: c.key }, c.money)) })),
  }));

  const t3Keys = T3_ROWS.filter((r) => !r.versions || r.versions.includes(version) || stored(T3_COLUMNS.map((c) => ({ table: 't3', item: null, row: r.key, col: c.key }))));
  const t3: ShownTable = {
    id: 't3',
    caption: TABLE_HEADINGS.t3,
    columns: T3_COLUMNS.map(columnName),
    rowHeader: '项目',
    rows: t3Keys.map((r, i) => {
      const first = r.group && t3Keys[i - 1]?.group !== r.group;
      const group = first ? { label: T3_GROUPS.find((g) => g.key === r.group)!.label, span: t3Keys.filter((x) => x.group === r.group).length } : undefined;
      return {
        ...(group ? { group } : {}),
        ...(r.group ? { inGroup: true } : {}),
        label: `${r.label}${otherVersion(r.versions, r.versions?.[0] ?? version)}`,
        cells: T3_COLUMNS.map((c) => shown({ table: 't3', item: null, row: r.key, col: c.key })),
      };
    }),
  };

  const t4: ShownTable = {
    id: 't4',
    caption: TABLE_HEADINGS.t4,
    columns: T4_COLUMNS.map((c) => c.label),
    rowHeader: '类别',
    rows: T4_GROUPS.map((g) => ({ label: g.label, cells: T4_COLUMNS.map((c) => shown({ table: 't4', item: null, row: g.key, col: c.key })) })),
  };

  return [...t2, t3, t4];
}

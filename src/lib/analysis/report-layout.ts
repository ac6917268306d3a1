import { formatCount } from '../format/numbers';
import {
  cellRef,
  CELL_STATE_LABELS,
  T3_COLUMNS,
  T3_GROUPS,
  t2Items,
  t3Rows,
  T4_COLUMNS,
  T4_GROUPS,
  TABLE_HEADINGS,
  type CellState,
  type ColumnDef,
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

/** How a cell of each state reads (pure): a number with separators, '/', '—', 空白, 无法确定. */
export function cellText(cell: Pick<ReportCellRow, 'value' | 'state'>, isMoney = false): string {
  switch (cell.state) {
    case 'value':
      return isMoney ? money.format(cell.value!) : formatCount(cell.value);
    case 'slash':
      return '/';
    case 'dash':
      return '—';
    default:
      return CELL_STATE_LABELS[cell.state as CellState] ?? cell.state;
  }
}

const columnLabel = (c: ColumnDef) => (c.money ? `${c.label.replace(/（单位：万元）$/, '')}（万元）` : c.label);

/** The report's three tables in its template version's layout, each cell with its findings (pure). */
export function reportLayout(version: TemplateVersion, cells: readonly ReportCellRow[], findings: readonly Pick<FindingRow, 'cells'>[]): ShownTable[] {
  const byRef = new Map(cells.map((c) => [cellRef(c), c]));
  const flagged = new Map<string, number[]>();
  findings.forEach((f, i) => f.cells.split(' ').filter(Boolean).forEach((ref) => flagged.set(ref, [...(flagged.get(ref) ?? []), i])));
  const shown = (key: { table: TableId; item: string | null; row: string; col: string }, isMoney = false): ShownCell => {
    const ref = cellRef(key);
    const rowRef = ref.slice(0, ref.lastIndexOf('.'));
    const cell = byRef.get(ref) ?? { value: null, state: 'not_in_template', raw: null };
    const findingsOf = [...(flagged.get(ref) ?? []), ...(flagged.get(rowRef) ?? [])];
    return { ref, rowRef, text: cellText(cell, isMoney), state: cell.state as CellState, raw: cell.raw, findings: findingsOf };
  };

  const t2: ShownTable[] = t2Items(version).map((item) => ({
    id: 't2',
    caption: item.label,
    columns: item.cols.map(columnLabel),
    rowHeader: '信息内容',
    rows: item.rows.map((r) => ({ label: r.label, cells: item.cols.map((c) => shown({ table: 't2', item: item.item, row: r.key, col: c.key }, c.money)) })),
  }));

  const t3Keys = t3Rows(version);
  const t3: ShownTable = {
    id: 't3',
    caption: TABLE_HEADINGS.t3,
    columns: T3_COLUMNS.map((c) => (c.key === 'other_org' ? '其他组织' : c.label)),
    rowHeader: '项目',
    rows: t3Keys.map((r, i) => {
      const first = r.group && t3Keys[i - 1]?.group !== r.group;
      const group = first ? { label: T3_GROUPS.find((g) => g.key === r.group)!.label, span: t3Keys.filter((x) => x.group === r.group).length } : undefined;
      return { ...(group ? { group } : {}), ...(r.group ? { inGroup: true } : {}), label: r.label, cells: T3_COLUMNS.map((c) => shown({ table: 't3', item: null, row: r.key, col: c.key })) };
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

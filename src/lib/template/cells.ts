import { columnName, T2_ITEMS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS, type ColumnDef, type TableId } from './tables';
import type { CellState } from './states';
import type { TemplateVersion } from './versions';

/** Where a cell sits: t2 cells have an item (art20_5 …); t3 and t4 cells do not. */
export interface CellKey {
  table: TableId;
  item: string | null;
  row: string;
  col: string;
}

export interface Cell extends CellKey {
  /** Position in TEMPLATE_CELLS: a compact key for the same cell in every report. */
  templateIndex: number;
  value: number | null;
  state: CellState;
  /** The text as the source wrote it; null for cells the source cannot have (not_in_template). */
  raw: string | null;
  /** The PDF page the text is on (1-based); absent for other formats. */
  page?: number;
}

/** One string per cell, used in findings and tests: `t2.art20_5.licensing.decisions`, `t3.new.total`, `t4.review.total`. */
export function cellRef(key: CellKey): string {
  return key.item ? `${key.table}.${key.item}.${key.row}.${key.col}` : `${key.table}.${key.row}.${key.col}`;
}

/** Cells (or rows) named for a message, in the template's words: the first few, then 等 (the finding's cells list them all). */
export function cellNames(refs: readonly string[]): string {
  const names = refs.slice(0, 6).map(cellName);
  return refs.length <= 6 ? names.join('、') : `${names.join('、')} 等`;
}

export interface TemplateCell extends CellKey {
  ref: string;
  /** Versions whose template has this cell. */
  versions: readonly TemplateVersion[];
}

function buildTemplateCells(): TemplateCell[] {
  const cells = new Map<string, TemplateCell>();
  const add = (key: CellKey, version: TemplateVersion) => {
    const ref = cellRef(key);
    const known = cells.get(ref);
    if (known) known.versions = [...known.versions, version];
    else cells.set(ref, { ...key, ref, versions: [version] });
  };
  for (const version of ['2019', '2021'] as const) {
    for (const it of T2_ITEMS.filter((i) => i.version === version))
      for (const r of it.rows) for (const c of it.cols) add({ table: 't2', item: it.item, row: r.key, col: c.key }, version);
    for (const r of T3_ROWS.filter((r) => !r.versions || r.versions.includes(version)))
      for (const c of T3_COLUMNS) add({ table: 't3', item: null, row: r.key, col: c.key }, version);
    for (const g of T4_GROUPS) for (const c of T4_COLUMNS) add({ table: 't4', item: null, row: g.key, col: c.key }, version);
  }
  return [...cells.values()];
}

/**
 * Every cell of either version, in template order. A report carries all of them:
 * those its version lacks have state not_in_template (neither 0 nor missing).
 */
export const TEMPLATE_CELLS: readonly TemplateCell[] = buildTemplateCells();

const INDEX_BY_REF = new Map(TEMPLATE_CELLS.map((c, i) => [c.ref, i]));

/** The TEMPLATE_CELLS position of a cell reference, or undefined for a reference the template does not have. */
export function templateIndex(ref: string): number | undefined {
  return INDEX_BY_REF.get(ref);
}

// Row and column keys together name a template cell uniquely across tables and items;
// looking up by the template's own key strings avoids building a reference per cell.
const INDEX_BY_ROW_COL = new Map<string, Map<string, number>>();
TEMPLATE_CELLS.forEach((c, i) => {
  const cols = INDEX_BY_ROW_COL.get(c.row) ?? new Map<string, number>();
  if (cols.has(c.col)) throw new Error(`template keys are not unique: ${c.row}.${c.col}`);
  INDEX_BY_ROW_COL.set(c.row, cols.set(c.col, i));
});

/** The TEMPLATE_CELLS position of a cell key, or undefined for a key the template does not have. */
export function templateIndexOf(key: CellKey): number | undefined {
  const i = INDEX_BY_ROW_COL.get(key.row)?.get(key.col);
  return i !== undefined && TEMPLATE_CELLS[i].table === key.table && TEMPLATE_CELLS[i].item === key.item ? i : undefined;
}

export function inTemplate(cell: TemplateCell, version: TemplateVersion): boolean {
  return cell.versions.includes(version);
}

// Each template cell's row (t3.new, t4.review, t2.art20_5.licensing …) by number, and each row's reference and width.
const ROW_REFS: string[] = [];
const ROW_WIDTHS: number[] = [];
const ROW_OF = Int32Array.from(TEMPLATE_CELLS, (cell) => {
  const ref = cell.ref.slice(0, cell.ref.lastIndexOf('.'));
  let row = ROW_REFS.indexOf(ref);
  if (row < 0) row = ROW_REFS.push(ref) - 1;
  ROW_WIDTHS[row] = (ROW_WIDTHS[row] ?? 0) + 1;
  return row;
});
const perRow = new Int32Array(ROW_REFS.length);

/**
 * References of cells (TEMPLATE_CELLS positions), a row's named by the row
 * (t3.new) when all its cells or all but one are (a flattened row's six
 * applicant cells): findings stay short, and the report page marks the row.
 */
export function refsByRow(indices: readonly number[]): string[] {
  for (const i of indices) perRow[ROW_OF[i]]++;
  const refs = new Set<string>();
  for (const i of indices) {
    const row = ROW_OF[i];
    refs.add(ROW_WIDTHS[row] > 2 && perRow[row] >= ROW_WIDTHS[row] - 1 ? ROW_REFS[row] : TEMPLATE_CELLS[i].ref);
  }
  for (const i of indices) perRow[ROW_OF[i]] = 0;
  return [...refs];
}

const SHORT_TABLE: Record<TableId, string> = { t2: '主动公开', t3: '依申请', t4: '复议诉讼' };
const T3_GROUP_LABELS: Record<string, string> = { denied: '不予公开', unavailable: '无法提供', rejected: '不予处理', other: '其他处理' };

/** The part of a reference the template names: a whole row (t3.new) or one cell (t3.new.total). */
function namesOf(ref: string): { table: TableId; item?: string; row: string; col?: string } | null {
  const parts = ref.split('.');
  const table = parts[0] as TableId;
  if (table === 't2') return parts.length >= 3 ? { table, item: parts[1], row: parts[2], col: parts[3] } : null;
  if (table === 't3') {
    // t3 rows are one key or group.key: the last part is a column when it names one.
    const last = parts.at(-1)!;
    const col = parts.length > 2 && T3_COLUMNS.some((c) => c.key === last) ? last : undefined;
    return { table, row: parts.slice(1, col ? -1 : undefined).join('.'), col };
  }
  if (table === 't4') return parts.length >= 2 ? { table, row: parts[1], col: parts[2] } : null;
  return null;
}

/**
 * A cell or row reference in words a reader of the report knows, from the
 * template's own labels: t3.new.total → 依申请·本年新收政府信息公开申请数量·总计,
 * t2.art20_5.licensing.decisions → 主动公开·第二十条第（五）项·行政许可·本年处理决定数量.
 * A reference the template does not have is given back as it is.
 */
export function cellName(ref: string): string {
  const names = namesOf(ref);
  if (!names) return ref;
  const strip = (label: string) => label.replace(/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）|^\d+\./, '').replace(/（区分处理的.*）$/, '');
  let row: string | undefined;
  let column: ColumnDef | undefined;
  if (names.table === 't2') {
    const item = T2_ITEMS.find((i) => i.item === names.item);
    const label = item?.rows.find((r) => r.key === names.row)?.label;
    row = item && label && `${item.label}·${label}`;
    column = item?.cols.find((c) => c.key === names.col);
  } else if (names.table === 't3') {
    const def = T3_ROWS.find((r) => r.key === names.row);
    row = def && (def.group ? `${T3_GROUP_LABELS[def.group]}：${strip(def.label)}` : (def.name ?? strip(def.label)));
    column = T3_COLUMNS.find((c) => c.key === names.col);
  } else {
    row = T4_GROUPS.find((g) => g.key === names.row)?.label;
    column = T4_COLUMNS.find((c) => c.key === names.col);
  }
  if (!row || (names.col && !column)) return ref;
  return [SHORT_TABLE[names.table], row, ...(column ? [columnName(column)] : [])].join('·');
}

import { TEMPLATE_CELLS, type CellKey } from './cells';
import { T3_ROWS, T4_GROUPS, type TableId } from './tables';

/** A sum of cells: the dashboard's measures, defined once over template keys. */
export interface Measure {
  key: string;
  label: string;
  table: TableId;
  rows: string[];
  col: string;
  /** Money, in 万元. */
  money?: boolean;
}

const t3 = (key: string, label: string, rows: string[]): Measure => ({ key, label, table: 't3', rows, col: 'total' });
const groupRows = (group: string) => T3_ROWS.filter((r) => r.group === group).map((r) => r.key);
const label = (key: string) => {
  const row = T3_ROWS.find((r) => r.key === key)!;
  return row.name ?? row.label.replace(/^[一二三四五六七八九十]+、|（[一二三四五六七]）/, '');
};

export const MEASURES = {
  new_requests: t3('new_requests', label('new'), ['new']),
  carried_over: t3('carried_over', label('carried_over'), ['carried_over']),
  handled: t3('handled', label('handled'), ['handled']),
  carried_forward: t3('carried_forward', label('carried_forward'), ['carried_forward']),
  granted: t3('granted', '予以公开', ['granted']),
  partial: t3('partial', '部分公开', ['partial']),
  denied: t3('denied', '不予公开', groupRows('denied')),
  unavailable: t3('unavailable', '无法提供', groupRows('unavailable')),
  rejected: t3('rejected', '不予处理', groupRows('rejected')),
  other: t3('other', '其他处理', ['other', ...groupRows('other')]),
  review_total: { key: 'review_total', label: `${T4_GROUPS[0].label}`, table: 't4', rows: ['review'], col: 'total' },
  review_corrected: { key: 'review_corrected', label: `${T4_GROUPS[0].label}·结果纠正`, table: 't4', rows: ['review'], col: 'corrected' },
  suit_total: { key: 'suit_total', label: '行政诉讼', table: 't4', rows: ['suit_direct', 'suit_after_review'], col: 'total' },
  suit_corrected: { key: 'suit_corrected', label: '行政诉讼·结果纠正', table: 't4', rows: ['suit_direct', 'suit_after_review'], col: 'corrected' },
  licensing: { key: 'licensing', label: '行政许可处理决定', table: 't2', rows: ['licensing'], col: 'decisions' },
  penalty: { key: 'penalty', label: '行政处罚处理决定', table: 't2', rows: ['penalty'], col: 'decisions' },
  coercion: { key: 'coercion', label: '行政强制处理决定', table: 't2', rows: ['coercion'], col: 'decisions' },
  licensing_items: { key: 'licensing_items', label: '行政许可事项（上一年项目数量）', table: 't2', rows: ['licensing'], col: 'prev_items' },
  licensing_items_change: { key: 'licensing_items_change', label: '行政许可事项本年增/减', table: 't2', rows: ['licensing'], col: 'change' },
  penalty_items: { key: 'penalty_items', label: '行政处罚事项（上一年项目数量）', table: 't2', rows: ['penalty'], col: 'prev_items' },
  penalty_items_change: { key: 'penalty_items_change', label: '行政处罚事项本年增/减', table: 't2', rows: ['penalty'], col: 'change' },
  fees_items: { key: 'fees_items', label: '行政事业性收费事项（上一年项目数量）', table: 't2', rows: ['fees'], col: 'prev_items' },
  fees_amount: { key: 'fees_amount', label: '行政事业性收费金额', table: 't2', rows: ['fees'], col: 'amount', money: true },
  docs_public_total: { key: 'docs_public_total', label: '规章和规范性文件对外公开总数量', table: 't2', rows: ['regulations', 'normative_docs'], col: 'public_total' },
  docs_in_force: { key: 'docs_in_force', label: '规章和行政规范性文件现行有效件数', table: 't2', rows: ['regulations', 'normative_docs'], col: 'in_force' },
  procurement_projects: { key: 'procurement_projects', label: '政府集中采购项目', table: 't2', rows: ['procurement'], col: 'projects' },
  procurement_amount: { key: 'procurement_amount', label: '政府集中采购金额', table: 't2', rows: ['procurement'], col: 'amount', money: true },
} satisfies Record<string, Measure>;

export type MeasureKey = keyof typeof MEASURES;

/** The measures in their order (the columns of report_measures and of the yearly rows). */
export const MEASURE_LIST: readonly Measure[] = Object.values(MEASURES);

/**
 * Whether a measure sums this cell (of any t2 item). A measure's sum adds the
 * values of its cells: '/', '—' and blank count as 0, an ambiguous cell adds
 * nothing, and a report or year with no value at all gives null.
 */
export function measureHasCell(m: Measure, key: Pick<CellKey, 'table' | 'row' | 'col'>): boolean {
  return key.table === m.table && m.rows.includes(key.row) && key.col === m.col;
}

/**
 * The rates of TEMPLATE.md ("Derived measures"): a sum of measures over a sum
 * of measures, taken only over the reports that have every cell of both (none
 * missing or ambiguous), so that part and base always come from the same
 * reports; n is the base summed over them.
 */
export interface RateDef {
  key: string;
  part: readonly MeasureKey[];
  base: readonly MeasureKey[];
}

export const RATES = {
  disclosure_rate: { key: 'disclosure_rate', part: ['granted', 'partial'], base: ['handled'] },
  refusal_rate: { key: 'refusal_rate', part: ['denied'], base: ['handled'] },
  unavailable_rate: { key: 'unavailable_rate', part: ['unavailable'], base: ['handled'] },
  review_correction_rate: { key: 'review_correction_rate', part: ['review_corrected'], base: ['review_total'] },
  suit_correction_rate: { key: 'suit_correction_rate', part: ['suit_corrected'], base: ['suit_total'] },
} as const satisfies Record<string, RateDef>;

export type RateKey = keyof typeof RATES;
export const RATE_LIST: readonly RateDef[] = Object.values(RATES);

/** A rate's columns per report: its part and base (null for a report without every cell of both), and 1 for a report that has them, else 0. */
export type RateColumn = `${RateKey}_${'part' | 'base' | 'reports'}`;

export function rateColumns(rate: RateDef): { part: RateColumn; base: RateColumn; reports: RateColumn } {
  return { part: `${rate.key}_part` as RateColumn, base: `${rate.key}_base` as RateColumn, reports: `${rate.key}_reports` as RateColumn };
}

/** A value for every summed column (null: no report had one). */
export type MeasureSums = Record<MeasureKey | RateColumn, number | null>;

/** A year's measures summed over its reports: the overview's rows (queries/yearly.ts), and the prepared first view's. */
export type YearlyRow = { year: number; reports: number; procurement_reports: number } & MeasureSums;

/** What a cube's row is summed over, and what the filters but bodies select by (queries/filters.ts inScopeRow): a year, region, level, kind and source. */
export interface ScopeColumns {
  year: number;
  region: string | null;
  level: string | null;
  kind: string | null;
  /** Imported in this browser (导入). */
  imported: boolean;
}

/** A row of the yearly cube: every measure summed over the reports that count of one scope (queries/yearly.ts yearlyCube, dataset/overview.ts overviewCube). */
export type YearlyCubeRow = YearlyRow & ScopeColumns;

/** Every column of report_measures that sums over reports: the measures, then each rate's part, base and report count. */
export const SUMMED_COLUMNS: readonly (MeasureKey | RateColumn)[] = [
  ...MEASURE_LIST.map((m) => m.key as MeasureKey),
  ...RATE_LIST.flatMap((r) => Object.values(rateColumns(r))),
];

/**
 * The cells the dashboard sums over many reports: every measure's, t3's new
 * requests by applicant type, t3's totals column (the outcomes and their
 * reasons) and all of t4. About a quarter of all cells; the others are read
 * only report by report.
 */
export function isSummaryCell(key: Pick<CellKey, 'table' | 'row' | 'col'>): boolean {
  return key.table === 't4' || (key.table === 't3' && (key.row === 'new' || key.col === 'total')) || MEASURE_LIST.some((m) => measureHasCell(m, key));
}

/** FNV-1a, 32 bits, as hex: a short, stable name for a text. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The summary cells of t3 and t4 (the applicant split, the outcomes and their
 * reasons, reviews and suits), by reference: what the trend pages sum per year
 * beside the measures, and so the columns of the cell cube the ingest
 * prepares (dataset/overview.ts cellCube).
 */
export const CUBE_CELL_REFS: readonly string[] = TEMPLATE_CELLS.filter((c) => c.table !== 't2' && isSummaryCell(c)).map((c) => c.ref);

/** Each cube cell's column in the cube cells file, a report's value of it: its reference with underscores (cell_t3_new_natural_person). */
export const CUBE_CELL_COLUMNS: readonly string[] = CUBE_CELL_REFS.map((ref) => `cell_${ref.replaceAll('.', '_')}`);

/** The cube cells file's column of the new requests a report's applicant split leaves undetermined (template/cube-cells.ts). */
export const UNDETERMINED_COLUMN = 'new_requests_undetermined';

/** The measures file's column of a report's cells in a state (cells_value … cells_missing). */
export const stateCountColumn = (state: string) => `cells_${state}`;

/**
 * A short name for the definitions above (the measures, rates and cube cells),
 * written in dataset.json: a dataset whose measures were summed by other
 * definitions (an older ingest) is not read as if they were these.
 */
export const MEASURE_DEFINITIONS = fingerprint(JSON.stringify({ measures: MEASURE_LIST, rates: RATE_LIST, cubeCells: CUBE_CELL_REFS }));

/**
 * A row of the cell cube, over the reports that count of one scope: each of CUBE_CELL_REFS summed (null: no report had a value
 * there), and the new requests whose applicant split the sources cannot give
 * (null: no report with such a split).
 */
export interface CellCubeRow extends ScopeColumns {
  cells: (number | null)[];
  undetermined: number | null;
}

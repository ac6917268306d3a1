import { makeVector, Table, type Vector } from 'apache-arrow';
import { CELL_STATES, CUBE_CELL_COLUMNS, MEASURE_LIST, measureHasCell, MEASURES, RATE_LIST, rateColumns, ReportCubeCells, SHOWN_STATES, stateCountColumn, SUMMED_COLUMNS, TEMPLATE_CELLS, UNDETERMINED_COLUMN, UNKNOWN_STATES } from '../template';
import { float64NaNAsNull, utf8Column } from './columns';
import type { CellRange, PackedReport } from './packed';
import { CUBE_CELL_FILE_COLUMNS, MEASURE_COLUMNS } from './schema';

/** For each template cell, the measures it counts in, and the rates it is part (0) or base (1) of. */
const MEASURES_OF_CELL: number[][] = TEMPLATE_CELLS.map((cell) => MEASURE_LIST.flatMap((m, i) => (measureHasCell(m, cell) ? [i] : [])));
const RATES_OF_CELL: [number, 0 | 1][][] = TEMPLATE_CELLS.map((cell) =>
  RATE_LIST.flatMap((r, i): [number, 0 | 1][] => {
    const has = (keys: readonly string[]) => MEASURE_LIST.some((m) => keys.includes(m.key) && measureHasCell(m, cell));
    return has(r.part) ? [[i, 0]] : has(r.base) ? [[i, 1]] : [];
  }),
);
const NOT_IN_TEMPLATE = CELL_STATES.indexOf('not_in_template');
const UNKNOWN = new Set(UNKNOWN_STATES.map((s) => CELL_STATES.indexOf(s)));
const PROCUREMENT = MEASURE_LIST.indexOf(MEASURES.procurement_amount);
const SHOWN = SHOWN_STATES.map((s) => CELL_STATES.indexOf(s));
const COLUMN_OF = new Map<string, number>(SUMMED_COLUMNS.map((key, i) => [key, i]));

/**
 * Every report's measures, column by column (reports in dataset order):
 * `sums[k][r]` is SUMMED_COLUMNS[k] of report r (NaN: null), `procurement[r]`
 * 1 when its template has procurement, `states[s][r]` its cells in
 * SHOWN_STATES[s], `cube` its cells of the cell cube. The one place the
 * measures are summed: the measures file, the prepared first view and so
 * every page's figures come from these.
 */
export interface MeasureColumns {
  reportIds: string[];
  sums: Float64Array[];
  procurement: Int32Array;
  states: Int32Array[];
  cube: ReportCubeCells;
}

/**
 * One report's measures, by the rules of template/measures.ts, into row `r`
 * of `out`: a measure's cells with no value add nothing (none at all: null);
 * a rate's part and base only when every cell of both is in the report's
 * template and none is missing or ambiguous.
 */
export function sumReport({ packed, start, count }: CellRange, r: number, out: MeasureColumns): void {
  const measures: (number | null)[] = MEASURE_LIST.map(() => null);
  const rates = RATE_LIST.map(() => ({ part: 0, base: 0, unknown: false, inTemplate: false }));
  const states = new Int32Array(CELL_STATES.length);
  for (let i = start; i < start + count; i++) {
    const value = packed.value[i];
    const cell = packed.templateIndex[i];
    const state = packed.state[i];
    states[state]++;
    out.cube.add(r, cell, state, value);
    for (const m of MEASURES_OF_CELL[cell]) {
      if (!Number.isNaN(value)) measures[m] = (measures[m] ?? 0) + value;
      if (m === PROCUREMENT && state !== NOT_IN_TEMPLATE) out.procurement[r] = 1;
    }
    for (const [k, role] of RATES_OF_CELL[cell]) {
      const rate = rates[k];
      if (UNKNOWN.has(state)) rate.unknown = true;
      if (state !== NOT_IN_TEMPLATE) rate.inTemplate = true;
      if (!Number.isNaN(value)) rate[role === 0 ? 'part' : 'base'] += value;
    }
  }
  MEASURE_LIST.forEach((m, i) => (out.sums[COLUMN_OF.get(m.key)!][r] = measures[i] ?? Number.NaN));
  RATE_LIST.forEach((rate, i) => {
    const known = rates[i].inTemplate && !rates[i].unknown;
    const columns = rateColumns(rate);
    out.sums[COLUMN_OF.get(columns.part)!][r] = known ? rates[i].part : Number.NaN;
    out.sums[COLUMN_OF.get(columns.base)!][r] = known ? rates[i].base : Number.NaN;
    out.sums[COLUMN_OF.get(columns.reports)!][r] = known ? 1 : 0;
  });
  SHOWN.forEach((state, s) => (out.states[s][r] = states[state]));
}

/** Room for `reports` reports' measures, summed into by sumReport (reportIds set when they are ordered). */
export function emptyMeasures(reports: number): MeasureColumns {
  return {
    reportIds: [],
    sums: SUMMED_COLUMNS.map(() => new Float64Array(reports)),
    procurement: new Int32Array(reports),
    states: SHOWN_STATES.map(() => new Int32Array(reports)),
    cube: new ReportCubeCells(reports),
  };
}

const EMPTY = new Float64Array(0);

/**
 * The same measures in another order: row i of the copy is row order[i] of
 * `m` (room for `reports` rows). `m` is emptied column by column as it is
 * copied, so a million reports' measures are not held twice.
 */
export function reorderedMeasures(m: MeasureColumns, order: ArrayLike<number>, reportIds: string[], reports = order.length): MeasureColumns {
  const take = <T extends Float64Array | Int32Array>(from: T, to: T) => {
    for (let i = 0; i < order.length; i++) to[i] = from[order[i]];
    return to;
  };
  const sums = m.sums.map((column, k) => {
    m.sums[k] = EMPTY;
    return take(column, new Float64Array(reports));
  });
  return {
    reportIds,
    sums,
    procurement: take(m.procurement, new Int32Array(reports)),
    states: m.states.map((column) => take(column, new Int32Array(reports))),
    cube: m.cube.reordered(order, reports),
  };
}

/** The measures file's columns, as handed to the thread that writes it: its buffers transferred, not copied. */
export type MeasureFileColumns = Pick<MeasureColumns, 'reportIds' | 'sums' | 'procurement' | 'states'>;

/** Only the measures file's columns: a message with the cube cells too would copy them (or meet them already transferred). */
export function measureFileColumns({ reportIds, sums, procurement, states }: MeasureColumns): MeasureFileColumns {
  return { reportIds, sums, procurement, states };
}

/** The cube cells file's columns, as handed to the thread that writes it. */
export interface CubeCellFileColumns {
  reportIds: string[];
  /** Per cube column, each report's value (NaN: none). */
  values: Float64Array[];
  /** Each report's new requests its applicant split leaves undetermined (NaN: none). */
  undetermined: Float64Array;
}

export function cubeCellFileColumns(m: MeasureColumns): CubeCellFileColumns {
  return { reportIds: m.reportIds, values: m.cube.values, undetermined: Float64Array.from({ length: m.reportIds.length }, (_, r) => m.cube.undetermined(r) ?? Number.NaN) };
}

/** The measures file's table (MEASURE_COLUMNS). */
export function measuresTable(m: MeasureFileColumns): Table {
  const columns: Record<string, Vector> = {
    report_id: utf8Column(m.reportIds),
    procurement_reports: makeVector(m.procurement),
    ...Object.fromEntries(SUMMED_COLUMNS.map((key, k) => [key, float64NaNAsNull(m.sums[k])])),
    ...Object.fromEntries(SHOWN_STATES.map((state, s) => [stateCountColumn(state), makeVector(m.states[s])])),
  };
  return new Table(Object.fromEntries(MEASURE_COLUMNS.map((c) => [c.name, columns[c.name]])));
}

/** The cube cells file's table (CUBE_CELL_FILE_COLUMNS): each report's cells of the cell cube. */
export function cubeCellsTable(c: CubeCellFileColumns): Table {
  const columns: Record<string, Vector> = {
    report_id: utf8Column(c.reportIds),
    ...Object.fromEntries(CUBE_CELL_COLUMNS.map((name, k) => [name, float64NaNAsNull(c.values[k])])),
    [UNDETERMINED_COLUMN]: float64NaNAsNull(c.undetermined),
  };
  return new Table(Object.fromEntries(CUBE_CELL_FILE_COLUMNS.map((col) => [col.name, columns[col.name]])));
}

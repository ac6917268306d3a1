import { templateIndex, TEMPLATE_CELLS } from './cells';
import { CUBE_CELL_REFS } from './measures';
import { CELL_STATES } from './states';
import { T3_APPLICANT_COLUMNS } from './tables';

/** For each template position, its column in the cell cube (CUBE_CELL_REFS; -1: not in it). */
const CUBE_COLUMN = Int16Array.from(TEMPLATE_CELLS, (cell) => CUBE_CELL_REFS.indexOf(cell.ref));
const APPLICANT_CELL = Uint8Array.from(TEMPLATE_CELLS, (cell) => (T3_APPLICANT_COLUMNS.some((c) => cell.ref === `t3.new.${c.key}`) ? 1 : 0));
const NEW_TOTAL = templateIndex('t3.new.total')!;
const AMBIGUOUS = CELL_STATES.indexOf('ambiguous');
const EMPTY = new Float64Array(0);

/**
 * Each report's cells of the cell cube (CUBE_CELL_REFS), taken cell by cell in
 * any order (a report's packed cells at ingest, written to the cube cells
 * file as CUBE_CELL_COLUMNS): the one definition of what a report adds to
 * the cube. `values`: per cube column, each report's value (NaN: none). A report
 * whose applicant cells are ambiguous (a flattened row) leaves its 新收 总计
 * less what is known (each null as 0) undetermined, as queries/requests.ts
 * requestsByApplicant counts it.
 */
export class ReportCubeCells {
  readonly values: Float64Array[];
  private readonly ambiguous: Uint8Array;
  private readonly known: Float64Array;
  private readonly total: Float64Array;

  constructor(readonly reports: number) {
    this.values = CUBE_CELL_REFS.map(() => new Float64Array(reports).fill(Number.NaN));
    this.ambiguous = new Uint8Array(reports);
    this.known = new Float64Array(reports);
    this.total = new Float64Array(reports);
  }

  /** Cell `templatePosition` of report `report`, in state CELL_STATES[state], with its value (NaN: none). */
  add(report: number, templatePosition: number, state: number, value: number): void {
    const column = CUBE_COLUMN[templatePosition];
    if (column < 0) return;
    const hasValue = !Number.isNaN(value);
    this.values[column][report] = value;
    if (APPLICANT_CELL[templatePosition]) {
      if (state === AMBIGUOUS) this.ambiguous[report] = 1;
      if (hasValue) this.known[report] += value;
    } else if (templatePosition === NEW_TOTAL && hasValue) this.total[report] = value;
  }

  /**
   * The same reports in another order: report i of the copy is report
   * order[i] of this one (room for `reports` of them). This one's values are
   * let go column by column as they are copied: it is not to be used after.
   */
  reordered(order: ArrayLike<number>, reports = order.length): ReportCubeCells {
    const copy = new ReportCubeCells(reports);
    const take = <T extends Float64Array | Uint8Array>(from: T, to: T) => {
      for (let i = 0; i < order.length; i++) to[i] = from[order[i]];
    };
    this.values.forEach((values, column) => {
      take(values, copy.values[column]);
      this.values[column] = EMPTY;
    });
    take(this.ambiguous, copy.ambiguous);
    take(this.known, copy.known);
    take(this.total, copy.total);
    return copy;
  }

  /** The new requests of a report its applicant split leaves undetermined; null when the split is not ambiguous. */
  undetermined(report: number): number | null {
    return this.ambiguous[report] ? this.total[report] - this.known[report] : null;
  }
}

import { TEMPLATE_CELLS, templateIndex, type Cell } from '../template';

// Rules name the same few hundred references for every report.
const indexCache = new Map<string, number>();

/** A report's cells by reference, read as rules read them. */
export class CellValues {
  private readonly byIndex: (Cell | undefined)[] = new Array(TEMPLATE_CELLS.length);

  constructor(cells: readonly Cell[]) {
    for (const cell of cells) this.byIndex[cell.templateIndex] = cell;
  }

  private cell(ref: string): Cell | undefined {
    let i = indexCache.get(ref);
    if (i === undefined) {
      i = templateIndex(ref) ?? -1;
      indexCache.set(ref, i);
    }
    return i < 0 ? undefined : this.byIndex[i];
  }

  /** The number a rule uses for the cell at a TEMPLATE_CELLS position (see number()). */
  numberAt(index: number): number | undefined {
    return numberOf(this.byIndex[index]);
  }

  /** The state of a cell (undefined: the template has no such cell). */
  state(ref: string): Cell['state'] | undefined {
    return this.cell(ref)?.state;
  }

  /** The state of the cell at a TEMPLATE_CELLS position. */
  stateAt(index: number): Cell['state'] | undefined {
    return this.byIndex[index]?.state;
  }

  /** False only for a cell this report's template version does not have (a missing cell still applies). */
  appliesAt(index: number): boolean {
    return this.byIndex[index]?.state !== 'not_in_template';
  }

  /** False only for a cell this report's template version does not have (a missing cell still applies). */
  applies(ref: string): boolean {
    return this.cell(ref)?.state !== 'not_in_template';
  }

  /**
   * The number a rule uses: '/', '—' and blank count as 0 (TEMPLATE.md); an
   * ambiguous, missing or not-in-template cell has none, and the rule instance
   * that needs it is not evaluated.
   */
  number(ref: string): number | undefined {
    return numberOf(this.cell(ref));
  }

  /** The sum of the cells, or undefined when any has no number. */
  sum(refs: readonly string[]): number | undefined {
    let total = 0;
    for (const ref of refs) {
      const n = this.number(ref);
      if (n === undefined) return undefined;
      total += n;
    }
    return total;
  }
}

function numberOf(cell: Cell | undefined): number | undefined {
  if (!cell) return undefined;
  switch (cell.state) {
    case 'value':
      return cell.value ?? undefined;
    case 'slash':
    case 'dash':
    case 'blank':
      return 0;
    default:
      return undefined;
  }
}

export function differ(a: number, b: number): boolean {
  return Math.abs(a - b) > 1e-6;
}

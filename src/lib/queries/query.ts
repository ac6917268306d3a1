import { sqlString } from '../db/inline-params';

/**
 * The cells with their text (the view `cells`) a query reads, which are
 * loaded when a query first needs them: one report's, or those of the years
 * from .. to (null: open).
 */
export type CellsNeed = { report: string } | { from: number | null; to: number | null };

/** A query as a value: SQL with ? placeholders and its parameters, built by a pure function, run by the page. */
export interface Query {
  sql: string;
  params: unknown[];
  /** What the query reads of the cells, when it reads them. */
  cells?: CellsNeed;
  /** It reads summary_cells, inserted when a query first needs them. */
  summary?: true;
}

/** A SQL list of string literals, for constants of ours (template keys); user input always goes through params. */
export function list(texts: readonly string[]): string {
  return texts.map(sqlString).join(', ');
}

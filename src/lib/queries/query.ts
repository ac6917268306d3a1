import { sqlString } from '../db/inline-params';

/** A query as a value: SQL with ? placeholders and its parameters, built by a pure function, run by the page. */
export interface Query {
  sql: string;
  params: unknown[];
}

/** A SQL list of string literals, for constants of ours (template keys); user input always goes through params. */
export function list(texts: readonly string[]): string {
  return texts.map(sqlString).join(', ');
}

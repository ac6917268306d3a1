/** A query as a value: SQL with ? placeholders and its parameters, built by a pure function, run by the page. */
export interface Query {
  sql: string;
  params: unknown[];
}

/** A SQL string literal for a constant of ours (template keys); user input always goes through params. */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export function list(texts: readonly string[]): string {
  return texts.map(literal).join(', ');
}

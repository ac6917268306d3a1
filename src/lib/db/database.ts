import type { Table } from 'apache-arrow';

/** A DuckDB the queries run on: duckdb-wasm in a Web Worker in the browser, the same wasm in Node for tests. */
export interface Database {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Load an Arrow IPC stream as table `name` (appending when it exists). */
  insertArrowIPC(name: string, ipc: Uint8Array, append: boolean): Promise<void>;
}

/** Arrow rows → plain objects; DuckDB's 64-bit integers (COUNT, SUM of ints) become numbers. */
export function plainRows<Row>(table: Table): Row[] {
  const fields = table.schema.fields.map((f) => f.name);
  const columns = fields.map((f) => table.getChild(f)!);
  const rows: Row[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    fields.forEach((f, k) => {
      const v = columns[k].get(i);
      row[f] = typeof v === 'bigint' ? Number(v) : v;
    });
    rows[i] = row as Row;
  }
  return rows;
}

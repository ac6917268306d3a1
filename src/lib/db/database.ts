import type { Table, Vector } from 'apache-arrow';

/** A DuckDB the queries run on: duckdb-wasm in a Web Worker in the browser, the same wasm in Node for tests. */
export interface Database {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** The answer as Arrow columns, for answers too long to hold as objects (see queries/reports-by-body.ts). */
  queryTable(sql: string, params?: readonly unknown[]): Promise<Table>;
  /** Load an Arrow IPC stream as table `name` (appending when it exists). */
  insertArrowIPC(name: string, ipc: Uint8Array, append: boolean): Promise<void>;
}

/** Arrow rows → plain objects; DuckDB's 64-bit integers (COUNT, SUM of ints) become numbers and LISTs arrays. */
export function plainRows<Row>(table: Table): Row[] {
  const fields = table.schema.fields.map((f) => f.name);
  const columns = fields.map((f) => table.getChild(f)!);
  const rows: Row[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    fields.forEach((f, k) => {
      row[f] = plainValue(columns[k].get(i));
    });
    rows[i] = row as Row;
  }
  return rows;
}

function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  // By shape, not instanceof: duckdb-wasm's Arrow classes need not be the ones this module imports.
  if (v !== null && typeof v === 'object' && Array.isArray((v as Vector).data) && typeof (v as Vector).toArray === 'function') return Array.from(v as Vector, plainValue);
  return v;
}

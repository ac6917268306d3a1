import { Table, tableToIPC } from 'apache-arrow';
import { float64Column, int16Column, utf8Column } from '../dataset/columns';
import { EXPORT_COLUMNS, type ExportRow } from '../queries/export';
import { toCsv } from './csv';

/** The filtered cells as CSV, with Chinese headers. */
export function exportCsv(rows: ExportRow[]): string {
  return toCsv(EXPORT_COLUMNS.map(([key, label]) => ({ label, value: (r: ExportRow) => r[key] })), rows);
}

/** The filtered cells as an Arrow IPC stream (keys as column names), ready for Parquet. */
export function exportArrow(rows: ExportRow[]): Uint8Array {
  const column = (key: keyof ExportRow) => rows.map((r) => r[key]);
  const columns = Object.fromEntries(
    EXPORT_COLUMNS.map(([key]) => [
      key,
      key === 'year' ? int16Column(column(key) as number[]) : key === 'value' ? float64Column(column(key) as (number | null)[]) : utf8Column(column(key) as (string | null)[]),
    ]),
  );
  return tableToIPC(new Table(columns), 'stream');
}

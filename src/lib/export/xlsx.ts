import writeExcelFile from 'write-excel-file/universal';
import type { CsvColumn } from './csv';

/** Characters a worksheet's name may not hold, and its length limit (Excel's rules). */
const SHEET_NAME = { invalid: /[\\/?*[\]:]/g, max: 31 };

/**
 * A table as an Excel workbook (the columns the CSV has, in one sheet): a
 * header row in bold, numbers as numbers, text as text (never run as a
 * formula: a text cell is text in a workbook whatever it starts with).
 */
export async function toXlsx<Row>(title: string, columns: readonly CsvColumn<Row>[], rows: readonly Row[]): Promise<Blob> {
  const header = columns.map((c) => ({ value: c.label, fontWeight: 'bold' as const }));
  const body = rows.map((row) =>
    columns.map((c) => {
      const value = c.value(row);
      if (typeof value === 'number') return Number.isFinite(value) ? { type: Number, value } : null;
      return value === null || value === undefined || value === '' ? null : { type: String, value };
    }),
  );
  const sheet = title.replace(SHEET_NAME.invalid, ' ').slice(0, SHEET_NAME.max) || 'Sheet1';
  const widths = columns.map((c, i) => ({ width: Math.min(60, Math.max(8, ...[c.label, ...rows.slice(0, 200).map((r) => String(columns[i].value(r) ?? ''))].map((t) => t.length * 1.6))) }));
  return writeExcelFile([header, ...body], { sheet, columns: widths, stickyRowsCount: 1 }).toBlob();
}

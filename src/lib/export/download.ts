import type { CsvColumn } from './csv';

/** Offer a file to the user (browser only). */
export function download(name: string, content: string | Uint8Array | Blob, type: string): void {
  const part = typeof content === 'string' || content instanceof Blob ? content : new Uint8Array(content);
  const url = URL.createObjectURL(new Blob([part as BlobPart], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadDataUrl(name: string, dataUrl: string): void {
  const a = Object.assign(document.createElement('a'), { href: dataUrl, download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A table offered as an Excel workbook (the workbook writer is loaded only when asked for). */
export async function downloadXlsx<Row>(title: string, columns: readonly CsvColumn<Row>[], rows: readonly Row[]): Promise<void> {
  const { toXlsx } = await import('./xlsx');
  download(`${title}.xlsx`, await toXlsx(title, columns, rows), XLSX_TYPE);
}

/**
 * A stable report id: the same file, body and year give the same id in every
 * ingest, so links to a report survive re-ingesting. Two 32-bit FNV-1a lanes
 * with different offsets, as 16 hex digits.
 */
export function reportId(file: string, body: string, year: number): string {
  const text = `${file}\u0000${body}\u0000${year}`;
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

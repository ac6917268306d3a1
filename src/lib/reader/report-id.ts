/**
 * A stable report id: the same file, body and year give the same id in every
 * ingest, so links to a report survive re-ingesting. FNV-1a, 64 bits, as hex.
 */
export function reportId(file: string, body: string, year: number): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(`${file}\u0000${body}\u0000${year}`)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/** The length of a text in UTF-8, as TextEncoder writes it (a lone surrogate becomes U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const encoder = new TextEncoder();

/**
 * Texts laid end to end as UTF-8 into target from byte `at`, each taking
 * utf8Length(text) bytes (total in all), in one encoding call. Should two
 * texts' ends join into a surrogate pair (a lone high one ending a text, a lone
 * low one starting the next), the joined encoding would not match: then they
 * are encoded one by one.
 */
export function encodeTexts(texts: readonly (string | null)[], total: number, target: Uint8Array, at: number): void {
  if (encoder.encodeInto(texts.join(''), target.subarray(at, at + total)).written === total) return;
  for (const text of texts) if (text) at += encoder.encodeInto(text, target.subarray(at)).written;
}

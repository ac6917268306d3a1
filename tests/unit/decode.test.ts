import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeUtf8 } from '../../src/lib/ingest/utf8';
import { decodeReport, decodeUtf8, type Utf8Decoder } from '../../src/lib/reader';
import { fixture, SEED } from '../helpers';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (text: string) => new TextEncoder().encode(text);

// The ingest decodes with nodeUtf8, the browser and the reader's default with decodeUtf8: both must read the same.
describe.each([
  ['decodeUtf8 (TextDecoder)', decodeUtf8],
  ['nodeUtf8 (isUtf8 + ICU)', nodeUtf8],
] as [string, Utf8Decoder][])('%s', (_, decode) => {
  it('reads valid UTF-8, a leading BOM dropped, characters beyond the BMP kept', () => {
    expect(decode(utf8('政府信息公开'))).toBe('政府信息公开');
    expect(decode(bytes(0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0xad, 0x41))).toBe('中A');
    expect(decode(utf8('𠀀年度报告'))).toBe('𠀀年度报告');
    // Only a leading BOM is dropped.
    expect(decode(bytes(0x41, 0xef, 0xbb, 0xbf))).toBe('A\uFEFF');
  });

  it('gives null for bytes that are not UTF-8: a stray byte, a cut sequence, an overlong form, an encoded surrogate', () => {
    expect(decode(bytes(0xe4, 0xb8, 0xad, 0xff, 0x41))).toBeNull();
    expect(decode(bytes(0x41, 0xe4, 0xb8))).toBeNull();
    expect(decode(bytes(0xc0, 0x80))).toBeNull();
    expect(decode(bytes(0xed, 0xa0, 0x80))).toBeNull();
  });

  it('decodes the seed, and a GBK file as GBK', () => {
    const seed = decodeReport(readFileSync(SEED), decode);
    expect(seed.encoding).toBe('utf-8');
    expect(seed.text.startsWith('一、总体情况\n2019年,省经信厅认真贯彻')).toBe(true);
    // seed-gbk.txt is the seed in GBK.
    const gbk = decodeReport(readFileSync(fixture('text/seed-gbk.txt')), decode);
    expect(gbk.encoding).toBe('gbk');
    expect(gbk.text).toBe(seed.text);
  });
});

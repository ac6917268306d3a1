import { describe, expect, it } from 'vitest';
import { ManifestError, parseManifest } from '../../src/lib/reader';

const gbk = (text: string) => {
  // The manifest as Excel saves “CSV” on Chinese Windows: GBK. Encoded here from a hand-made table of the few characters used.
  const codes: Record<string, number[]> = { 浙: [0xd5, 0xe3], 江: [0xbd, 0xad], 省: [0xca, 0xa1], 公: [0xb9, 0xab], 安: [0xb0, 0xb2], 厅: [0xcc, 0xfc] };
  return new Uint8Array([...text].flatMap((c) => codes[c] ?? [c.charCodeAt(0)]));
};
const failure = (csv: string | Uint8Array) => {
  try {
    parseManifest(csv);
  } catch (e) {
    expect(e).toBeInstanceOf(ManifestError);
    return (e as Error).message;
  }
  throw new Error('expected a ManifestError');
};

describe('manifests as people save them', () => {
  it('saved as GBK by Excel on Chinese Windows: the body reads as written, not as garbage', () => {
    const entries = parseManifest(gbk('file,body,year\n2023/a.html,浙江省公安厅,2023\n'));
    expect(entries.get('2023/a.html')?.body).toBe('浙江省公安厅');
  });

  it('saved as UTF-8 with a BOM, or as UTF-16 (Excel’s “Unicode text”)', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('file,body,year\na.html,浙江省公安厅,2023\n')]);
    expect(parseManifest(utf8).get('a.html')?.body).toBe('浙江省公安厅');
    const text = 'file,body,year\na.html,浙江省公安厅,2023\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(parseManifest(utf16).get('a.html')?.body).toBe('浙江省公安厅');
  });

  it('kind as people write it: Consolidated, 合并报告, 汇总 are consolidated; anything else is refused', () => {
    const entries = parseManifest('file,body,year,kind\na.html,X市,2023,Consolidated\nb.html,Y市,2023,合并报告\nc.html,Z市,2023,汇总\nd.html,某局,2023,部门\ne.html,某市人民政府,2023,GOVERNMENT\n');
    expect([...entries.values()].map((e) => e.kind)).toEqual(['consolidated', 'consolidated', 'consolidated', 'department', 'government']);
    expect(failure('file,body,year,kind\na.html,X市,2023,summary\n')).toMatch(/^manifest\.csv 第 2 行：kind “summary” 无法识别，可用 department（部门、部门报告、dept）、government/);
  });

  it('a year that is not four digits (0x7E5, 2e3), or a body of spaces, is refused with its row', () => {
    expect(failure('file,body,year\na.html,某局,0x7E5\n')).toBe('manifest.csv 第 2 行：file、body 不能为空，year 须为四位年份（得到 “0x7E5”）');
    expect(failure('file,body,year\na.html,某局,2e3\n')).toContain('第 2 行');
    expect(failure('file,body,year\na.html,\u3000\u3000,2023\n')).toContain('body 不能为空');
    expect(parseManifest('file,body,year\na.html,某局,２０２３\n').get('a.html')?.year).toBe(2023);
  });

  it('the same file listed twice with a different body or year is refused, naming both rows; listed twice alike, once', () => {
    expect(failure('file,body,year\na.html,某局,2023\nb.html,某局,2022\n./a.html,某局,2022\n')).toBe('manifest.csv 第 4 行：文件 a.html 已在第 2 行列出，两行的机关或年度不同：请只保留一行');
    expect(parseManifest('file,body,year\na.html,某局,2023\na.html,某局,2023\n').size).toBe(1);
  });

  it('paths: sub/../a.html and .\\\\b.html resolve inside the folder; absolute paths and paths out of it are refused', () => {
    const entries = parseManifest('file,body,year\nsub/../a.html,某局,2023\n.\\b.html,某局,2023\n');
    expect([...entries.keys()]).toEqual(['a.html', 'b.html']);
    for (const path of ['/srv/reports/a.html', 'C:\\reports\\a.html', '../a.html', 'sub/../../a.html'])
      expect(failure(`file,body,year\n${path},某局,2023\n`)).toBe(`manifest.csv 第 2 行：文件路径 “${path}” 须是清单所在文件夹内的相对路径（如 2023/公安厅.html）`);
  });

  it('bytes that are no known text encoding are refused, not read as garbage', () => {
    expect(failure(new Uint8Array([0x66, 0x69, 0x6c, 0x65, 0x2c, 0x81, 0x20, 0x0a]))).toMatch(/^manifest\.csv：无法识别文件编码，请另存为 UTF-8 或 GBK 编码的 CSV/);
  });

  it('a country’s manifest (a million lines, larger than any report may be) is read whole', () => {
    // 300,000 rows of about 73 bytes: past the 20 MB a report may have.
    const rows = Array.from({ length: 300_000 }, (_, i) => `${2016 + (i % 7)}/b${String(i).padStart(6, '0')}.html,测试市第${i}局,${2016 + (i % 7)},浙江省,市级,department`);
    const csv = new TextEncoder().encode(['file,body,year,region,level,kind', ...rows].join('\n'));
    expect(csv.length).toBeGreaterThan(20 * 1024 * 1024);
    const entries = parseManifest(csv);
    expect(entries.size).toBe(300_000);
    expect(entries.get('2016/b299999.html')).toEqual({ file: '2016/b299999.html', body: '测试市第299999局', year: 2016, region: '浙江省', level: '市级', kind: 'department', origin: 'real' });
  });
});

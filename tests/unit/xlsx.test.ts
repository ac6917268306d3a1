import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toXlsx } from '../../src/lib/export/xlsx';

/** A workbook's first sheet as rows of [type, text]: 'n' numbers, 's' text (shared strings resolved). */
async function sheetRows(blob: Blob): Promise<[string, string][][]> {
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  const shared = [...strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array()).matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => m[1]);
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
  expect(sheet).not.toContain('<f>');
  return [...sheet.matchAll(/<row[^>]*>(.*?)<\/row>/g)].map((row) =>
    [...row[1].matchAll(/<c ([^>]*?)(?:\/>|>(.*?)<\/c>)/g)].map(([, attrs, inner = '']) => {
      const value = /<v>([^<]*)<\/v>/.exec(inner)?.[1] ?? /<t[^>]*>([^<]*)<\/t>/.exec(inner)?.[1] ?? '';
      return / t="s"/.test(attrs) ? ['s', shared[Number(value)]] : / t="inlineStr"| t="str"/.test(attrs) ? ['s', value] : ['n', value];
    }),
  );
}

describe('.xlsx downloads', () => {
  it('a header row, numbers as numbers, text as text (a formula-like name stays text), blanks empty', async () => {
    const rows = [
      { body: '浙江省生态环境厅', amount: 5234.55, n: 12 },
      { body: '=HYPERLINK("http://x")', amount: null, n: 0 },
    ];
    const blob = await toXlsx('政府采购：总金额/年度 [万元]', [
      { label: '机关', value: (r: (typeof rows)[number]) => r.body },
      { label: '金额（万元）', value: (r: (typeof rows)[number]) => r.amount },
      { label: '项目数', value: (r: (typeof rows)[number]) => r.n },
    ], rows);
    const sheet = await sheetRows(blob);
    expect(sheet[0]).toEqual([['s', '机关'], ['s', '金额（万元）'], ['s', '项目数']]);
    expect(sheet[1]).toEqual([['s', '浙江省生态环境厅'], ['n', '5234.55'], ['n', '12']]);
    expect(sheet[2].filter(([, v]) => v !== '')).toEqual([['s', '=HYPERLINK("http://x")'], ['n', '0']]);
    const workbook = strFromU8(unzipSync(new Uint8Array(await blob.arrayBuffer()))['xl/workbook.xml']);
    // The sheet is named by the title, without the characters Excel refuses, at most 31 long.
    expect(/<sheet [^>]*name="([^"]*)"/.exec(workbook)?.[1]).toBe('政府采购：总金额 年度  万元 ');
  });
});

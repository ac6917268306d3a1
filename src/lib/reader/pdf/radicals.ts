/**
 * Some PDF generators (Chromium's, with Noto CJK fonts, among others) map a
 * character's glyph to its look-alike radical: ⼈ (U+2F08) for 人, ⺠ (U+2EA0)
 * for 民. Kangxi radicals decompose to the characters under NFKC; the CJK
 * Radicals Supplement mostly does not, so the ones that stand for a whole
 * character are listed here (radical-only forms such as 氵 are left as they are).
 */
const SUPPLEMENT: Record<string, string> = {
  '\u2e81': '厂', '\u2e87': '几', '\u2e8a': '卜', '\u2e8c': '小', '\u2e97': '心', '\u2e9d': '月', '\u2e9f': '母',
  '\u2ea0': '民', '\u2ea9': '王', '\u2eae': '竹', '\u2eb6': '羊', '\u2ec1': '虎', '\u2ec4': '西', '\u2ec5': '见',
  '\u2ec6': '角', '\u2ec9': '贝', '\u2eca': '足', '\u2ecb': '车', '\u2ed3': '长', '\u2ed4': '门', '\u2ed8': '青',
  '\u2ed9': '韦', '\u2eda': '页', '\u2edb': '风', '\u2edc': '飞', '\u2edd': '食', '\u2ee2': '马', '\u2ee3': '骨',
  '\u2ee4': '鬼', '\u2ee5': '鱼', '\u2ee6': '鸟', '\u2ee8': '麦', '\u2ee9': '黄', '\u2eec': '齐', '\u2eee': '齿',
  '\u2ef0': '龙', '\u2ef3': '龟',
};

const RADICAL = /[\u2e80-\u2fdf]/;

export function unifyRadicals(text: string): string {
  if (!RADICAL.test(text)) return text;
  return text.replace(/[\u2e80-\u2fdf]/g, (c) => SUPPLEMENT[c] ?? c.normalize('NFKC'));
}

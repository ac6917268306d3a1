import { CJK } from '../cjk';
import { apply, multiply, type Matrix, type TextRun } from './geometry';
import type { PdfChar } from './pdfium';
import { unifyRadicals } from './radicals';

/**
 * How far apart two characters on a line may be, as a share of the font size:
 * closer than TIGHT they are one word; up to RUN_GAP apart, a space between
 * words; further, a new run (a new column or cell). Beside a Chinese character
 * a gap up to CJK_SPACING is the room Word, WPS and Writer set between Chinese
 * and Latin letters or figures (2022 年 as typeset is 2022年), not a space.
 */
const TIGHT = 0.102;
const CJK_SPACING = 0.35;
export const RUN_GAP = 0.6;

/** The characters of a page, in the order the PDF draws them, as runs of text in display space (`view`). */
export function textRuns(chars: PdfChar[], view: Matrix): TextRun[] {
  const runs: TextRun[] = [];
  let run: TextRun | null = null;
  // The character before: whitespace, Chinese.
  let lastBlank = false;
  let lastCjk = false;
  for (const ch of chars) {
    const text = unifyRadicals(String.fromCodePoint(ch.code));
    const [left, top] = apply(view, ch.left, ch.top);
    const [right, bottom] = apply(view, ch.right, ch.bottom);
    const x0 = Math.min(left, right);
    const x1 = Math.max(left, right);
    const y = apply(view, ch.x, ch.y)[1];
    const m = multiply(view, ch.matrix);
    const size = ch.fontSize * Math.hypot(m[2], m[3]) || Math.abs(bottom - top) || 10;
    const blank = /\s/.test(text);
    const cjk = CJK.test(text);
    const gap = run ? x0 - run.x1 : 0;
    if (run && Math.abs(y - run.y) <= run.size * 0.5 && gap >= -run.size * 0.2 && gap <= run.size * RUN_GAP) {
      if (gap > run.size * (cjk || lastCjk ? CJK_SPACING : TIGHT) && !blank && !lastBlank) run.text += ' ';
      run.text += text;
      run.x1 = Math.max(run.x1, x1);
    } else {
      run = { text, x0, x1, y, size };
      runs.push(run);
    }
    lastBlank = blank;
    lastCjk = cjk;
  }
  return runs;
}

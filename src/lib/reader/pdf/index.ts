import type { Block } from '../blocks';
import { ReportError } from '../types';
import { multiply, type Matrix } from './geometry';
import { mayHoldTable, pdfPageBlocks, type Page } from './layout';
import { discardPdfium, loadPdfium, openPdf, type PdfAssets, type PdfPage } from './pdfium';
import { pageRulings } from './rulings';
import { textRuns } from './runs';

export type { PdfAssets } from './pdfium';

/** More pages than any annual report has (the longest run to about 60). */
export const MAX_PDF_PAGES = 500;
/** A 300-page PDF reads in a tenth of a second here. */
export const MAX_PDF_SECONDS = 60;

/** A PDF's pages, as prose lines and tables (see pdfPageBlocks). */
export async function pdfBlocks(bytes: Uint8Array, assets: PdfAssets = {}, maxSeconds = MAX_PDF_SECONDS): Promise<{ blocks: Block[]; pages: number }> {
  const doc = openPdf(await loadPdfium(assets), bytes);
  // No file may hold the run up: pages are read one by one against the time (a page takes milliseconds).
  const deadline = performance.now() + maxSeconds * 1000;
  try {
    if (doc.pages > MAX_PDF_PAGES) throw new ReportError('too_large', `PDF 共 ${doc.pages} 页，超过 ${MAX_PDF_PAGES} 页上限：不像一份年度报告（too many pages for an annual report）`);
    const pages: Page[] = [];
    let images = 0;
    for (let n = 0; n < doc.pages; n++) {
      if (performance.now() > deadline) throw new ReportError('too_large', `PDF 读取超过 ${maxSeconds} 秒仍未完成：内容过于复杂，不像一份年度报告（PDF took too long to read）`);
      const read = doc.withPage(n, readPage);
      pages.push(read.page);
      images += read.images;
    }
    checkText(pages, images);
    return { blocks: pdfPageBlocks(pages), pages: pages.length };
  } catch (e) {
    if (e instanceof ReportError) throw e;
    discardPdfium();
    throw new ReportError('corrupt', `PDF 文件已损坏，无法读取页面内容：${(e as Error)?.message ?? e}（damaged PDF）`);
  } finally {
    // After a crash inside the engine there is nothing left to close.
    try {
      doc.close();
    } catch {
      discardPdfium();
    }
  }
}

function readPage(pdf: PdfPage): { page: Page; images: number } {
  const chars = pdf.chars();
  const shown = pageView(pdf.box, pdf.rotation);
  const { view, width, height } = upright(shown.view, shown.width, shown.height, chars.map((c) => c.matrix));
  const runs = textRuns(chars, view);
  // A page with no text may be a scanned image: its drawing says so.
  if (!mayHoldTable(runs) && runs.some((r) => r.text.trim())) return { page: { width, height, runs, rulings: [] }, images: 0 };
  const { paths, images } = pdf.paths();
  return { page: { width, height, runs, rulings: pageRulings(paths, view) }, images };
}

/** The page as shown (its /Rotate applied): user space → display space, origin top left, y down (as pdf.js's viewport at scale 1). */
function pageView([x0, y0, x1, y1]: [number, number, number, number], quarterTurns: number): { view: Matrix; width: number; height: number } {
  const [a, b, c, d] = ([[1, 0, 0, -1], [0, 1, 1, 0], [-1, 0, 0, 1], [0, -1, -1, 0]] as const)[((quarterTurns % 4) + 4) % 4];
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const sideways = a === 0;
  const [offsetX, offsetY] = sideways ? [Math.abs(cy - y0), Math.abs(cx - x0)] : [Math.abs(cx - x0), Math.abs(cy - y0)];
  const [width, height] = sideways ? [y1 - y0, x1 - x0] : [x1 - x0, y1 - y0];
  return { view: [a, b, c, d, offsetX - a * cx - c * cy, offsetY - b * cx - d * cy], width, height };
}

/**
 * The page as its text reads: a wide table turned a quarter on a portrait page
 * (its text running down or up the page), or a page shown upside down, is
 * turned back, so that its rows run left to right like any other page's.
 */
function upright(view: Matrix, width: number, height: number, texts: Matrix[]): { view: Matrix; width: number; height: number } {
  let right = 0;
  let left = 0;
  let down = 0;
  let up = 0;
  for (const t of texts) {
    const [a, b] = multiply(view, t);
    if (Math.abs(b) > Math.abs(a)) {
      if (b > 0) down++;
      else up++;
    } else if (a >= 0) right++;
    else left++;
  }
  if (right + left >= down + up) return left > right ? { view: multiply([-1, 0, 0, -1, width, height], view), width, height } : { view, width, height };
  const turn: Matrix = down >= up ? [0, -1, 1, 0, 0, width] : [0, 1, -1, 0, height, 0];
  return { view: multiply(turn, view), width: height, height: width };
}

/** A scan has no text to read; text in private-use characters is a font without a Unicode map: nothing to guess from either. */
function checkText(pages: Page[], images: number): void {
  let chars = 0;
  let unmapped = 0;
  for (const page of pages) {
    for (const run of page.runs) {
      for (const ch of run.text) {
        if (/\s/.test(ch)) continue;
        chars++;
        const code = ch.codePointAt(0)!;
        if ((code >= 0xe000 && code <= 0xf8ff) || code === 0xfffd || code < 0x20) unmapped++;
      }
    }
  }
  if (chars < 20)
    throw new ReportError(
      'scanned',
      images > 0
        ? 'PDF 是扫描图片，没有文字层：需要先做文字识别（OCR），或提供原始的 Word/WPS 文件或带文字的 PDF（scanned PDF, no text layer）'
        : 'PDF 中没有可读取的文字（PDF has no text）',
    );
  if (unmapped > chars * 0.3)
    throw new ReportError('encoding', 'PDF 的字体缺少文字编码映射，提取出的文字是乱码：请从原始文件重新导出 PDF（嵌入字体），或提供 Word/WPS 文件（PDF text cannot be mapped to Unicode）');
}

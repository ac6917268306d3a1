import type { Block } from '../blocks';
import { ReportError } from '../types';
import { multiply, type Matrix, type TextRun } from './geometry';
import { mayHoldTable, pdfPageBlocks, type Page } from './layout';
import { unifyRadicals } from './radicals';
import { pageRulings, type PathOps } from './rulings';

/** More pages than any annual report has (the longest run to about 60). */
export const MAX_PDF_PAGES = 500;
/** A 300-page PDF reads in about 3 s here. */
export const MAX_PDF_SECONDS = 60;

/** Where pdf.js finds its character maps (CJK fonts not embedded) and standard fonts: a folder path in Node, a URL in the browser. */
export interface PdfAssets {
  cMapUrl?: string;
  standardFontDataUrl?: string;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  return (pdfjs ??= (async () => {
    // The legacy build's core-js swaps some built-ins for slower copies for
    // every caller (Array.prototype.push alone cost an eighth of a PDF's
    // reading, and slowed the text reader in the same thread): the native
    // ones are put back once pdf.js and its worker are loaded.
    const natives = [
      [Array.prototype, 'push', Array.prototype.push],
      [JSON, 'parse', JSON.parse],
      [JSON, 'stringify', JSON.stringify],
      [Function.prototype, 'toString', Function.prototype.toString],
    ] as const;
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // Loaded here rather than by pdf.js at its first document, so that it is loaded before the built-ins are put back.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    for (const [owner, name, native] of natives) Object.defineProperty(owner, name, { value: native, writable: true, configurable: true, enumerable: false });
    return lib;
  })());
}

/** A PDF's pages, as prose lines and tables (see pdfPageBlocks). */
export async function pdfBlocks(bytes: Uint8Array, assets: PdfAssets = {}, maxSeconds = MAX_PDF_SECONDS): Promise<{ blocks: Block[]; pages: number }> {
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    // pdf.js takes the buffer over; the caller keeps its bytes.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    cMapPacked: true,
    ...assets,
  });
  // No file may hold the run up. pdf.js in this thread runs on promises, so its
  // pages are counted against the time (a page's work ends in milliseconds);
  // the timer covers waits on anything else (its font and map files).
  const overtime = () => new ReportError('too_large', `PDF 读取超过 ${maxSeconds} 秒仍未完成：内容过于复杂，不像一份年度报告（PDF took too long to read）`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(overtime()), maxSeconds * 1000)));
  timedOut.catch(() => {});
  const deadline = performance.now() + maxSeconds * 1000;
  try {
    return await Promise.race([readDocument(lib, task, () => performance.now() > deadline && overtime()), timedOut]);
  } finally {
    clearTimeout(timer);
    await task.destroy();
  }
}

async function readDocument(lib: PdfJs, task: ReturnType<PdfJs['getDocument']>, late: () => ReportError | false): Promise<{ blocks: Block[]; pages: number }> {
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    throw openError(e);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new ReportError('too_large', `PDF 共 ${doc.numPages} 页，超过 ${MAX_PDF_PAGES} 页上限：不像一份年度报告（too many pages for an annual report）`);
    const pages: Page[] = [];
    let images = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const overdue = late();
      if (overdue) throw overdue;
      const page = await doc.getPage(n);
      const { page: read, images: pageImages } = await readPage(lib, page);
      pages.push(read);
      images += pageImages;
      page.cleanup();
    }
    checkText(pages, images);
    return { blocks: pdfPageBlocks(pages), pages: pages.length };
  } catch (e) {
    if (e instanceof ReportError) throw e;
    throw new ReportError('corrupt', `PDF 文件已损坏，无法读取页面内容：${(e as Error)?.message ?? e}（damaged PDF）`);
  }
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

async function readPage(lib: PdfJs, page: PdfPage): Promise<{ page: Page; images: number }> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items = content.items.filter((item): item is Extract<typeof item, { str: string }> => 'str' in item && !!item.str);
  const { view, width, height } = upright(viewport.transform as Matrix, viewport.width, viewport.height, items.map((i) => i.transform as Matrix));
  const runs: TextRun[] = [];
  for (const item of items) {
    const m = multiply(view, item.transform as Matrix);
    const size = Math.hypot(m[2], m[3]);
    const advance = Math.hypot(m[0], m[1]);
    // Width is in text space scaled to the page: along the text's direction in display space.
    const width = (item.width * advance) / Math.max(Math.hypot(item.transform[0], item.transform[1]), 1e-6);
    const dir = advance > 0 ? m[0] / advance : 1;
    runs.push({ text: unifyRadicals(item.str), x0: m[4], x1: m[4] + width * dir, y: m[5], size: size || 10 });
  }
  // A page with no text may be a scanned image: its drawing says so.
  if (!mayHoldTable(runs) && runs.some((r) => r.text.trim())) return { page: { width, height, runs, rulings: [] }, images: 0 };
  const ops = await page.getOperatorList();
  const OPS = lib.OPS as unknown as PathOps & { paintImageXObject: number; paintInlineImageXObject: number; paintImageMaskXObject: number };
  let images = 0;
  for (const fn of ops.fnArray) if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) images++;
  const rulings = pageRulings(ops.fnArray, ops.argsArray, OPS, view);
  return { page: { width, height, runs, rulings }, images };
}

/**
 * The page as its text reads: a wide table turned a quarter on a portrait page
 * (its text running down or up the page) is turned back, so that its rows run
 * left to right like any other page's.
 */
function upright(view: Matrix, width: number, height: number, texts: Matrix[]): { view: Matrix; width: number; height: number } {
  let down = 0;
  let up = 0;
  let across = 0;
  for (const t of texts) {
    const [a, b] = multiply(view, t);
    if (Math.abs(b) <= Math.abs(a)) across++;
    else if (b > 0) down++;
    else up++;
  }
  if (across >= down + up) return { view, width, height };
  const turn: Matrix = down >= up ? [0, -1, 1, 0, 0, width] : [0, 1, -1, 0, height, 0];
  return { view: multiply(turn, view), width: height, height: width };
}

function openError(e: unknown): ReportError {
  const name = (e as Error)?.name;
  if (name === 'PasswordException')
    return new ReportError('encrypted', 'PDF 设有打开密码，无法读取：请提供未加密的 PDF，或另存为不设打开密码的副本（password-protected PDF）');
  return new ReportError('corrupt', `PDF 文件已损坏或不完整，无法打开：请重新下载或重新导出（damaged PDF: ${(e as Error)?.message ?? e}）`);
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

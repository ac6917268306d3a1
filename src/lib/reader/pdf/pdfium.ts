import type { WrappedPdfiumModule } from '@embedpdf/pdfium';
import { ReportError } from '../types';
import { IDENTITY, multiply, type Matrix } from './geometry';
import { PATH, type DrawnPath } from './rulings';

/** Where the PDF engine's code is: pdfium.wasm's URL in the browser (the site serves it); in Node, left out (found beside the package). */
export interface PdfAssets {
  wasm?: string;
}

type Pdfium = WrappedPdfiumModule;
/** Emscripten's views of the engine's memory: exported by the build (kept current as memory grows), absent from its types. */
type Memory = { HEAPU8: Uint8Array; HEAPU32: Uint32Array; HEAPF32: Float32Array; HEAPF64: Float64Array };

let engine: Promise<Pdfium> | null = null;

/** PDFium (Google's PDF engine, as WebAssembly), started once per thread. */
export function loadPdfium(assets: PdfAssets): Promise<Pdfium> {
  return (engine ??= (async () => {
    // Its URL as well as its bytes: the engine asks where its .wasm is even when handed the bytes.
    const overrides = assets.wasm ? { wasmBinary: await fetchWasm(assets.wasm), locateFile: () => assets.wasm! } : {};
    // Loaded at the first PDF: a run or a page without PDFs never loads the engine.
    const { init } = await import('@embedpdf/pdfium');
    const pdfium = await init(overrides);
    pdfium.PDFiumExt_Init();
    return pdfium;
  })().catch((e) => {
    engine = null;
    throw e instanceof ReportError
      ? e
      : new ReportError('unavailable', `PDF 读取组件（pdfium.wasm）无法启动：${(e as Error)?.message ?? e}；请刷新页面重试，或请管理员检查网站是否完整部署（PDF reader failed to start）`);
  }));
}

/** After the engine failed inside (a crash leaves a WebAssembly instance unusable): the next PDF starts a new one. */
export function discardPdfium(): void {
  engine = null;
}

async function fetchWasm(url: string): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    response = Response.error();
  }
  if (!response.ok)
    throw new ReportError('unavailable', `PDF 读取组件（pdfium.wasm）无法下载：请检查服务器是否提供 .wasm 文件、安全软件是否拦截了它（PDF reader could not be loaded from ${url}）`);
  return response.arrayBuffer();
}

/** A document open in PDFium: its bytes live in PDFium's memory until close(). */
export interface PdfDocument {
  pages: number;
  /** The page (0-based), read by `read` while it is open. */
  withPage<T>(index: number, read: (page: PdfPage) => T): T;
  close(): void;
}

/** One character as PDFium placed it, in PDF user space (y up). */
export interface PdfChar {
  code: number;
  /** Its baseline origin. */
  x: number;
  y: number;
  /** Its box across its advance, left and right in user space. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Its text matrix (direction and scale of the font's space). */
  matrix: Matrix;
  fontSize: number;
}

export interface PdfPage {
  /** The page's visible box in user space: left, bottom, right, top. */
  box: [number, number, number, number];
  /** Quarter turns the page is shown at (/Rotate). */
  rotation: number;
  chars(): PdfChar[];
  paths(): { paths: DrawnPath[]; images: number };
}

const FPDF_ERR_PASSWORD = 4;
/** FPDF_PAGEOBJ_* and FPDF_SEGMENT_*. */
const OBJECT_PATH = 2;
const OBJECT_IMAGE = 3;
const OBJECT_FORM = 5;
const SEGMENT_LINE = 0;
const SEGMENT_BEZIER = 1;
const SEGMENT_MOVE = 2;

export function openPdf(pdfium: Pdfium, bytes: Uint8Array): PdfDocument {
  const heap = pdfium.pdfium as Pdfium['pdfium'] & Memory;
  // The engine's functions called directly: the wrapper's checks per call cost a fifth of a page's reading (all take and return numbers).
  const native = heap.wasmExports as unknown as Record<keyof Pdfium, (...args: number[]) => number>;
  const data = heap.wasmExports.malloc(bytes.length);
  if (!data) throw new ReportError('too_large', 'PDF 过大，读取组件的内存不足：请检查文件是否为年度报告（PDF too large for the reader’s memory）');
  heap.HEAPU8.set(bytes, data);
  const doc = pdfium.FPDF_LoadMemDocument(data, bytes.length, '');
  if (!doc) {
    const error = native.FPDF_GetLastError();
    heap.wasmExports.free(data);
    if (error === FPDF_ERR_PASSWORD)
      throw new ReportError('encrypted', 'PDF 设有打开密码，无法读取：请提供未加密的 PDF，或另存为不设打开密码的副本（password-protected PDF）');
    throw new ReportError('corrupt', `PDF 文件已损坏或不完整，无法打开：请重新下载或重新导出（damaged PDF, PDFium error ${error}）`);
  }
  // Scratch memory for out-parameters: 4 doubles, or 6 floats, or 4 ints.
  const out = heap.wasmExports.malloc(32);
  const f32 = (i: number) => heap.HEAPF32[(out >> 2) + i];
  const f64 = (i: number) => heap.HEAPF64[(out >> 3) + i];
  const u32 = (i: number) => heap.HEAPU32[(out >> 2) + i];
  const matrix = (): Matrix => [f32(0), f32(1), f32(2), f32(3), f32(4), f32(5)];

  const page = (handle: number): PdfPage => ({
    box: native.FPDF_GetPageBoundingBox(handle, out) ? [f32(0), f32(3), f32(2), f32(1)] : [0, 0, native.FPDF_GetPageWidthF(handle), native.FPDF_GetPageHeightF(handle)],
    rotation: native.FPDFPage_GetRotation(handle),
    chars() {
      const text = native.FPDFText_LoadPage(handle);
      const chars: PdfChar[] = [];
      try {
        const count = native.FPDFText_CountChars(text);
        for (let i = 0; i < count; i++) {
          // PDFium's own spaces and line breaks (from gaps it measured) are not the PDF's text: the layout measures gaps itself.
          if (native.FPDFText_IsGenerated(text, i) === 1) continue;
          const code = native.FPDFText_GetUnicode(text, i);
          native.FPDFText_GetCharOrigin(text, i, out, out + 8);
          const x = f64(0);
          const y = f64(1);
          native.FPDFText_GetLooseCharBox(text, i, out);
          const [left, top, right, bottom] = [f32(0), f32(1), f32(2), f32(3)];
          native.FPDFText_GetMatrix(text, i, out);
          chars.push({ code, x, y, left, right, top, bottom, matrix: matrix(), fontSize: native.FPDFText_GetFontSize(text, i) });
        }
      } finally {
        native.FPDFText_ClosePage(text);
      }
      return chars;
    },
    paths() {
      const paths: DrawnPath[] = [];
      let images = 0;
      const walk = (count: number, object: (i: number) => number, outer: Matrix | null) => {
        for (let i = 0; i < count; i++) {
          const obj = object(i);
          const type = native.FPDFPageObj_GetType(obj);
          if (type === OBJECT_IMAGE) images++;
          if (type !== OBJECT_PATH && type !== OBJECT_FORM) continue;
          const own: Matrix = native.FPDFPageObj_GetMatrix(obj, out) ? matrix() : IDENTITY;
          const placed = outer ? multiply(outer, own) : own;
          if (type === OBJECT_FORM) {
            walk(native.FPDFFormObj_CountObjects(obj), (k) => native.FPDFFormObj_GetObject(obj, k), placed);
            continue;
          }
          native.FPDFPath_GetDrawMode(obj, out, out + 4);
          const fill = u32(0) !== 0;
          const stroke = u32(1) !== 0;
          if (!fill && !stroke) continue;
          const white = fill && !!native.FPDFPageObj_GetFillColor(obj, out, out + 4, out + 8, out + 12) && u32(0) > 242 && u32(1) > 242 && u32(2) > 242;
          paths.push({ commands: pathCommands(obj), matrix: placed, stroke, fill, white });
        }
      };
      const pathCommands = (obj: number): number[] => {
        const commands: number[] = [];
        const segments = native.FPDFPath_CountSegments(obj);
        for (let s = 0; s < segments; s++) {
          const segment = native.FPDFPath_GetPathSegment(obj, s);
          // The segment whose close flag ends this step (a curve's end, three segments on).
          let last = segment;
          native.FPDFPathSegment_GetPoint(segment, out, out + 4);
          const [x, y] = [f32(0), f32(1)];
          const type = native.FPDFPathSegment_GetType(segment);
          if (type === SEGMENT_MOVE) commands.push(PATH.move, x, y);
          else if (type === SEGMENT_LINE) commands.push(PATH.line, x, y);
          else if (type === SEGMENT_BEZIER) {
            // A curve is three segments: two control points and its end.
            const points = [x, y];
            for (let c = 1; c <= 2 && s + 1 < segments; c++) {
              last = native.FPDFPath_GetPathSegment(obj, ++s);
              native.FPDFPathSegment_GetPoint(last, out, out + 4);
              points.push(f32(0), f32(1));
            }
            commands.push(PATH.curve, ...points);
          }
          if (native.FPDFPathSegment_GetClose(last)) commands.push(PATH.close);
        }
        return commands;
      };
      walk(native.FPDFPage_CountObjects(handle), (i) => native.FPDFPage_GetObject(handle, i), null);
      return { paths, images };
    },
  });

  return {
    pages: native.FPDF_GetPageCount(doc),
    withPage(index, read) {
      const handle = native.FPDF_LoadPage(doc, index);
      if (!handle) throw new ReportError('corrupt', `PDF 文件已损坏，无法读取第 ${index + 1} 页：请重新下载或重新导出（damaged PDF page）`);
      try {
        return read(page(handle));
      } finally {
        native.FPDF_ClosePage(handle);
      }
    },
    close() {
      native.FPDF_CloseDocument(doc);
      heap.wasmExports.free(data);
      heap.wasmExports.free(out);
    },
  };
}

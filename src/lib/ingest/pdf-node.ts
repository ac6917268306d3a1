import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type { PdfAssets } from '../reader';

/** pdf.js's character maps and standard fonts, from its package (CJK PDFs whose fonts are not embedded need them). */
const pdfjsFolder = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
export const PDF_ASSETS: PdfAssets = { cMapUrl: join(pdfjsFolder, 'cmaps') + sep, standardFontDataUrl: join(pdfjsFolder, 'standard_fonts') + sep };

// pdf.js inflates each compressed object through DecompressionStream where there
// is one; Node's hops through a stream and the thread pool for every object, so
// a PDF's reading spent a fifth of its time waiting. Without it pdf.js inflates
// in JavaScript, synchronously: measured 1.3–2× faster per PDF. This process
// (the ingest, or one of its threads) uses DecompressionStream for nothing else.
delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;

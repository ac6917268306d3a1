/**
 * Minimal PDFs written byte by byte, for the cases no word processor makes on
 * request: a scan (a page that is only an image), a PDF of many pages, a
 * Chinese font named but not embedded, a page shown turned (/Rotate).
 */
export interface PdfPage {
  /** Lines of ASCII text, top to bottom (Helvetica). */
  lines?: string[];
  /** Lines of Chinese text in a font the PDF does not embed (STSong-Light, UniGB-UCS2-H: the reader must know the encoding itself). */
  chinese?: string[];
  /** A grey image filling the page, as a scanner makes. */
  image?: boolean;
  /** The page shown turned clockwise by this many degrees (/Rotate), its content drawn as if upright. */
  rotate?: number;
}

export function buildPdf(pages: PdfPage[]): Uint8Array {
  const objects: string[] = [];
  // Object 1 is the catalog; the n-th object added is n + 1.
  const add = (body: string) => objects.push(body) + 1;
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const cid = add('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor DESCRIPTOR 0 R /DW 1000 >>');
  const descriptor = add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  const song = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [${cid} 0 R] >>`);
  const pageIds: number[] = [];
  for (const page of pages) {
    let content = '';
    let image = 0;
    if (page.image) {
      const pixels = 'ff'.repeat(64 * 64);
      image = add(`<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length ${pixels.length + 1} >>\nstream\n${pixels}>\nendstream`);
      content += 'q 595 0 0 842 0 0 cm /Im1 Do Q\n';
    }
    (page.lines ?? []).forEach((line, i) => {
      content += `BT /F1 12 Tf 72 ${770 - i * 16} Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET\n`;
    });
    (page.chinese ?? []).forEach((line, i) => {
      const ucs2 = [...line].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
      content += `BT /F2 12 Tf 72 ${770 - i * 16} Td <${ucs2}> Tj ET\n`;
    });
    const contents = add(`<< /Length ${content.length} >>\nstream\n${content}endstream`);
    const xobjects = image ? ` /XObject << /Im1 ${image} 0 R >>` : '';
    pageIds.push(add(`<< /Type /Page /Parent PAGES 0 R /MediaBox [0 0 595 842]${page.rotate ? ` /Rotate ${page.rotate}` : ''} /Resources << /Font << /F1 ${font} 0 R /F2 ${song} 0 R >>${xobjects} >> /Contents ${contents} 0 R >>`));
  }
  const pagesObj = add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`);
  const bodies = [`<< /Type /Catalog /Pages ${pagesObj} 0 R >>`, ...objects.map((o) => o.replace('PAGES', String(pagesObj)).replace('DESCRIPTOR', String(descriptor)))];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/lib/checks';
import type { ParsedReport } from '../../src/lib/reader';
import { expected as shanghai, expectedFindings as shanghaiFindings } from '../fixtures/real/shanghai-2019.expected';
import { fixture, readFile, shownCells } from '../helpers';

const REAL = fileURLToPath(new URL('../../data/real/shanghai-szfbgt-2019.html', import.meta.url));

// The real report as published (an HTML page), and as staff would publish it as Word and PDF files.
describe.each([
  ['as published (HTML)', REAL, 'html'],
  ['saved as DOCX', fixture('published/shanghai-2019.docx'), 'docx'],
  ['saved as DOC (Word 97–2003)', fixture('published/shanghai-2019.doc'), 'doc'],
  ['exported to PDF by a word processor', fixture('published/shanghai-2019.writer.pdf'), 'pdf'],
  ['printed to PDF by a browser', fixture('published/shanghai-2019.chromium.pdf'), 'pdf'],
])('上海市人民政府办公厅 2019 %s', (_how, path, format) => {
  let report: ParsedReport;
  it('body and year come from its own title', async () => {
    report = await readFile(path);
    expect({ body: report.body, year: report.year, template: report.template, format: report.source.format, kind: report.kind }).toEqual({
      body: shanghai.body,
      year: shanghai.year,
      template: shanghai.template,
      format,
      kind: null,
    });
  });

  it('every cell reads as written by hand from the rendered page', () => {
    expect(shownCells(report)).toEqual(shanghai.cells);
  });

  it('its blank 总计 cells break exactly the rule instances worked out by hand', () => {
    const got = checkReport(report).map((f) => [f.rule, f.cells[0], f.expected, f.actual]);
    expect(got).toEqual(shanghaiFindings);
  });
});

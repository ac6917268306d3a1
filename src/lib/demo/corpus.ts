import { versionForYear } from '../template';
import { CONSOLIDATED, demoBodies, type DemoBody } from './bodies';
import { addFigures, bodySeries, type Figures } from './figures';
import { Random } from './random';
import { renderHtml, renderText, type ReportText } from './render';
import { writingStyle } from './style';

export interface CorpusOptions {
  seed: number;
  bodies: number;
  years: number[];
  /** Share of synthetic reports given one realistic defect. */
  defectRate: number;
  /** Real reports: each stands in for a demo body's report that year, or is a body of its own. */
  real?: RealReport | RealReport[];
  /** Pre-made published files (npm run demo-published), used only in the corpus of the seed and years they were made from. */
  published?: { seed: number; years: number[]; reports: PublishedReport[] };
}

export interface RealReport {
  body: string;
  year: number;
  /** Path in the corpus. */
  file: string;
  content: string | Uint8Array;
  /** Standing in for a demo body's report: what it carried forward per applicant column (the next year carries it over). */
  carriedForward?: number[];
  /** A body of its own, beside the demo's bodies. */
  own?: Pick<DemoBody, 'region' | 'level' | 'kind'>;
}

/** A synthetic report published as PDF or DOCX: a file made once from the report's HTML by a word processor. */
export interface PublishedReport {
  body: string;
  year: number;
  format: 'pdf' | 'docx';
  content: Uint8Array;
  /** sha256 of the HTML the file was made from, to compare with the HTML rendered now. */
  htmlSha256: string;
}

/** A defect the demo corpus injects, and the findings the ingest must give for it. */
export type DefectKind = 'column_sum' | 'carry_mismatch' | 'missing_table' | 'ambiguous_row' | 'narrative_mismatch';
export const DEFECT_KINDS: readonly DefectKind[] = ['column_sum', 'carry_mismatch', 'missing_table', 'ambiguous_row', 'narrative_mismatch'];

export interface CorpusFile {
  /** Path relative to the corpus folder. */
  file: string;
  content: string | Uint8Array;
  body: DemoBody;
  year: number;
  origin: 'real' | 'synthetic';
  defect: DefectKind | null;
  /** A pre-made published file: the HTML rendered now, and the hash of the HTML it was made from. */
  madeFrom?: { html: string; htmlSha256: string };
}

export const MANIFEST_HEADER = 'file,body,year,region,level,kind,origin';

export function manifestLine(f: CorpusFile): string {
  return [f.file, f.body.name, f.year, f.body.region, f.body.level, f.body.kind, f.origin].join(',');
}

function slug(index: number): string {
  return `b${String(index).padStart(5, '0')}`;
}

/**
 * The demo corpus, one file at a time (a large corpus never sits in memory):
 * every body's reports over the years, the real reports (in a demo body's
 * place, or as bodies of their own) marked real, and the province-wide
 * consolidated report. Where a pre-made PDF or DOCX is given for a report, it
 * is that file (and takes no defect).
 */
export function* demoCorpus(options: CorpusOptions): Generator<CorpusFile> {
  const bodies = demoBodies(options.bodies);
  // Each year's consolidated report, summed as the bodies' come (a million reports' figures are not held).
  const consolidated = new Map<number, Figures>(options.years.map((y) => [y, new Map()]));
  // Defects go to reports picked at random, their kinds taken in turn so that each kind shows;
  // a kind that does not fit the report picked (a carry-over needs a year before) waits for the next that fits.
  const total = bodies.length * options.years.length;
  const picker = new Random(options.seed, 'defects');
  const picked = new Set<number>();
  while (picked.size < Math.min(total, Math.round(total * options.defectRate))) picked.add(Math.floor(picker.next() * total));
  const pending: DefectKind[] = [];
  let position = 0;
  const reals = [options.real ?? []].flat().filter((r) => options.years.includes(r.year));
  const { published: made } = options;
  const published = made && made.seed === options.seed && made.years.join() === options.years.join() ? made.reports : [];
  for (const [index, body] of bodies.entries()) {
    const style = writingStyle(body, options.seed);
    const standIns = reals.filter((r) => !r.own && r.body === body.name);
    const series = bodySeries(body, options.years, options.seed, versionForYear, standIns);
    for (const year of options.years) {
      const figures = series.get(year)!;
      addFigures(consolidated.get(year)!, figures);
      const real = standIns.find((r) => r.year === year);
      if (real) {
        yield { file: real.file, content: real.content, body, year, origin: 'real', defect: null };
        continue;
      }
      const pre = published.find((p) => p.body === body.name && p.year === year);
      if (picked.has(position++)) pending.push(DEFECT_KINDS[(picked.size + pending.length + position) % DEFECT_KINDS.length]);
      const requests = figures.get('t3.new.natural_person') ?? 0;
      const fits = (d: DefectKind) => !pre && (d !== 'carry_mismatch' || (year > options.years[0] && requests > 0)) && (d !== 'ambiguous_row' || requests > 0);
      const at = pending.findIndex(fits);
      const defect = at >= 0 ? pending.splice(at, 1)[0] : null;
      const path = `${year}/${slug(index)}`;
      if (pre) {
        // Opened in a word processor from the HTML page and saved or exported: the file made then.
        const html = render(body, year, figures, { ...style, format: 'html' }, null, path);
        yield { ...html, file: `${path}.${pre.format}`, content: pre.content, madeFrom: { html: html.content as string, htmlSha256: pre.htmlSha256 } };
        continue;
      }
      yield render(body, year, figures, { ...style, format: defect === 'ambiguous_row' ? 'text' : style.format }, defect, path);
    }
  }
  for (const real of reals.filter((r) => r.own)) {
    const body: DemoBody = { name: real.body, ...real.own!, requests: 0, licensing: 0, openness: 0 };
    yield { file: real.file, content: real.content, body, year: real.year, origin: 'real', defect: null };
  }
  for (const year of options.years) {
    const style = { format: 'html' as const, zero: '0' as const, money: 'wan-unit' as const, signedChange: false, t2Split: false };
    yield render(CONSOLIDATED, year, consolidated.get(year)!, style, null, `${year}/province-total`);
  }
}

function render(body: DemoBody, year: number, clean: Figures, style: ReturnType<typeof writingStyle>, defect: DefectKind | null, path: string): CorpusFile {
  const figures = new Map(clean);
  const bump = (ref: string, by: number) => figures.set(ref, (figures.get(ref) ?? 0) + by);
  if (defect === 'column_sum') {
    // 予以公开 one more in 自然人 and 总计: the row still adds up, the column does not.
    bump('t3.granted.natural_person', 1);
    bump('t3.granted.total', 1);
  }
  if (defect === 'carry_mismatch') {
    // 上年结转 one more and 本年新收 one fewer: the year balances, the carry-over does not.
    for (const col of ['natural_person', 'total']) {
      bump(`t3.carried_over.${col}`, 1);
      bump(`t3.new.${col}`, -1);
    }
  }
  const version = versionForYear(year);
  const text: ReportText = {
    title: `${body.name}${year}年政府信息公开工作年度报告`,
    body: body.name,
    year,
    version,
    figures,
    style,
    omitT4: defect === 'missing_table',
    flattenRows: defect === 'ambiguous_row',
    statedRequests: (figures.get('t3.new.total') ?? 0) + (defect === 'narrative_mismatch' ? 5 : 0),
  };
  const content = style.format === 'html' ? renderHtml(text) : renderText(text);
  return { file: `${path}.${style.format === 'html' ? 'html' : 'txt'}`, content, body, year, origin: 'synthetic', defect };
}

import { SUMMED_COLUMNS, type BodyYears } from '../template';
import type { KeptReport } from './builder';
import type { MeasureColumns } from './report-measures';

/**
 * A year's body-year file (template BodyYears) as JSON bytes: each body's
 * reports of `year` that count summed per region, level and kind, as
 * queries/body-years.ts measuresByBodyYear sums report_measures (the same
 * measures: `measures`, whose rows are `reports`', in the dataset's order).
 * Rows in the dataset's order of bodies (a body's reports lie together), then
 * of their first report. tests check the answers made from it against the
 * SQL's. Summed into typed columns and written a column at a time: at a
 * million reports, a year's rows as JS values took hundreds of MB at ingest.
 */
export function bodyYearsJson(reports: readonly KeptReport[], supersededBy: ReadonlyMap<string, string>, measures: MeasureColumns, year: number): Uint8Array {
  const counted: number[] = [];
  reports.forEach(({ report }, r) => report.year === year && !supersededBy.has(report.id) && counted.push(r));
  const body: string[] = [];
  const scopes: BodyYears['scopes'] = [];
  const templateSets: string[][] = [];
  const scope = new Int32Array(counted.length);
  const templates = new Int32Array(counted.length);
  const reportCount = new Int32Array(counted.length);
  const procurement = new Int32Array(counted.length);
  const sums = SUMMED_COLUMNS.map(() => new Float64Array(counted.length).fill(Number.NaN));
  const scopeNumbers = new Map<string, number>();
  const templateNumbers = new Map<string, number>();
  const number = <T>(numbers: Map<string, number>, list: T[], key: string, value: T) => {
    let n = numbers.get(key);
    if (n === undefined) numbers.set(key, (n = list.push(value) - 1));
    return n;
  };
  // The current body's rows, by scope.
  let rows = new Map<number, number>();
  for (const r of counted) {
    const { report } = reports[r];
    if (report.body !== body.at(-1)) rows = new Map();
    const own = [report.region, report.level, report.kind] as BodyYears['scopes'][number];
    const scopeOf = number(scopeNumbers, scopes, JSON.stringify(own), own);
    let row = rows.get(scopeOf);
    if (row === undefined) {
      rows.set(scopeOf, (row = body.push(report.body) - 1));
      scope[row] = scopeOf;
      templates[row] = -1;
    }
    reportCount[row]++;
    procurement[row] += measures.procurement[r];
    const versions = templateSets[templates[row]] ?? [];
    if (!versions.includes(report.template)) {
      const set = [...versions, report.template].sort();
      templates[row] = number(templateNumbers, templateSets, set.join(), set);
    }
    measures.sums.forEach((values, k) => {
      if (!Number.isNaN(values[r])) sums[k][row] = (Number.isNaN(sums[k][row]) ? 0 : sums[k][row]) + values[r];
    });
  }
  const length = body.length;
  const list = (values: ArrayLike<number>) => `[${Array.prototype.slice.call(values, 0, length).map((v: number) => (Number.isNaN(v) ? 'null' : String(v))).join(',')}]`;
  const parts = [
    `{"year":${year},"body":${JSON.stringify(body)},"scope":${list(scope)},"scopes":${JSON.stringify(scopes)},"reports":${list(reportCount)},"templates":${list(templates)},"templateSets":${JSON.stringify(templateSets)},"procurement_reports":${list(procurement)},"sums":{`,
    ...SUMMED_COLUMNS.map((key, k) => `${k > 0 ? ',' : ''}${JSON.stringify(key)}:${sums[k].subarray(0, length).some((v) => !Number.isNaN(v)) ? list(sums[k]) : 'null'}`),
    '}}\n',
  ];
  return concat(parts.map((part) => new TextEncoder().encode(part)));
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

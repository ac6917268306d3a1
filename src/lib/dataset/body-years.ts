import { SUMMED_COLUMNS, type BodyYears } from '../template';
import type { KeptReport } from './builder';
import type { MeasureColumns } from './report-measures';
import { bodyGroupCount, bodyGroupOf, DATASET_FILES } from './schema';

/**
 * The body-year files (one per year, every body) and the body-group files
 * (one per group of bodies, every year) as JSON bytes, under their logical
 * names: each body's reports that count (no superseded one) summed per year,
 * region, level and kind, as queries/body-years.ts measuresByBodyYear sums
 * report_measures (the same measures: `measures`, whose rows are `reports`',
 * in the dataset's order, a body's reports together). tests check the answers
 * made from them against the SQL's. Made one file at a time.
 */
export function* bodyYearFiles(reports: readonly KeptReport[], supersededBy: ReadonlyMap<string, string>, measures: MeasureColumns): Generator<{ name: string; bytes: Uint8Array }> {
  const years = [...new Set(reports.map(({ report }) => report.year))].sort((a, b) => a - b);
  let bodies = 0;
  reports.forEach(({ report }, r) => (r === 0 || report.body !== reports[r - 1].report.body) && bodies++);
  const groups = bodyGroupCount(bodies);
  // The counted reports' places, by year, and by group and year.
  const byYear = new Map(years.map((year) => [year, [] as number[]]));
  const byGroup = Array.from({ length: groups }, () => new Map(years.map((year) => [year, [] as number[]])));
  let group = 0;
  reports.forEach(({ report }, r) => {
    if (r === 0 || report.body !== reports[r - 1].report.body) group = bodyGroupOf(report.body, groups);
    if (supersededBy.has(report.id)) return;
    byYear.get(report.year)!.push(r);
    byGroup[group].get(report.year)!.push(r);
  });
  const encode = (text: string) => new TextEncoder().encode(`${text}\n`);
  // One at a time: the ingest writes each and lets it go.
  for (const year of years) yield { name: DATASET_FILES.bodyYears(year), bytes: encode(bodyYearsJson(reports, byYear.get(year)!, measures, year)) };
  for (const [g, ofYears] of byGroup.entries()) {
    const json = years.map((year) => bodyYearsJson(reports, ofYears.get(year)!, measures, year)).join(',');
    yield { name: DATASET_FILES.bodyGroup(g), bytes: encode(`{"group":${g},"groups":${groups},"years":[${json}]}`) };
  }
}

/**
 * A template BodyYears as JSON: the reports at `counted` (places in
 * `reports`, of `year`, in order) summed per body and scope. Rows in the
 * dataset's order of bodies, then of their first report. Summed into typed
 * columns and written a column at a time: at a million reports, a year's rows
 * as JS values took hundreds of MB at ingest.
 */
function bodyYearsJson(reports: readonly KeptReport[], counted: readonly number[], measures: MeasureColumns, year: number): string {
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
  return [
    `{"year":${year},"body":${JSON.stringify(body)},"scope":${list(scope)},"scopes":${JSON.stringify(scopes)},"reports":${list(reportCount)},"templates":${list(templates)},"templateSets":${JSON.stringify(templateSets)},"procurement_reports":${list(procurement)},"sums":{`,
    ...SUMMED_COLUMNS.map((key, k) => `${k > 0 ? ',' : ''}${JSON.stringify(key)}:${sums[k].subarray(0, length).some((v) => !Number.isNaN(v)) ? list(sums[k]) : 'null'}`),
    '}}',
  ].join('');
}

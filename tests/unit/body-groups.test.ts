import { describe, expect, it } from 'vitest';
import type { KeptReport } from '../../src/lib/dataset/builder';
import { bodyYearFiles } from '../../src/lib/dataset/body-years';
import type { MeasureColumns } from '../../src/lib/dataset/report-measures';
import { bodyGroupCount, bodyGroupOf, DATASET_FILES } from '../../src/lib/dataset/schema';
import { isBodyGroup, yearlyOfBodyGroups } from '../../src/lib/queries/body-year-files';
import { NO_FILTERS } from '../../src/lib/queries';
import { SUMMED_COLUMNS, type BodyGroup, type BodyYears } from '../../src/lib/template';

// 600 bodies (机关000 … 机关599), each with a 2020 and a 2021 report; 机关007's 2021 report has a superseded draft beside it.
// Body n's report of year y has 新收申请 n·10 + (y − 2020) and 办理总计 1, no other value.
const names = Array.from({ length: 600 }, (_, n) => `机关${String(n).padStart(3, '0')}`);
const reports: KeptReport[] = names.flatMap((body, n) => [
  ...[2020, 2021].map((year) => ({ report: { id: `${n}-${year}`, body, year, region: '示例省', level: n < 300 ? '省级' : '市级', kind: 'department', template: year < 2021 ? '2019' : '2021' } }) as unknown as KeptReport),
  ...(n === 7 ? [{ report: { id: '7-draft', body, year: 2021, region: '示例省', level: '省级', kind: 'department', template: '2021' } } as unknown as KeptReport] : []),
]);
const column = (key: string) => SUMMED_COLUMNS.indexOf(key as (typeof SUMMED_COLUMNS)[number]);
const sums = SUMMED_COLUMNS.map(() => new Float64Array(reports.length).fill(Number.NaN));
reports.forEach(({ report }, r) => {
  const n = Number(report.body.slice(2));
  sums[column('new_requests')][r] = report.id === '7-draft' ? 1000 : n * 10 + (report.year - 2020);
  sums[column('handled')][r] = 1;
});
const measures = { sums, procurement: new Int32Array(reports.length) } as unknown as MeasureColumns;
const files = [...bodyYearFiles(reports, new Map([['7-draft', '7-2021']]), measures)];
const parsed = (name: string) => JSON.parse(new TextDecoder().decode(files.find((f) => f.name === name)!.bytes));

describe('the body-group files: each body in the one file its page reads', () => {
  it('600 bodies in 3 groups (256 a group at most), each body in its own group for every year, the superseded draft in none', () => {
    expect(bodyGroupCount(600)).toBe(3);
    expect(files.map((f) => f.name)).toEqual([
      DATASET_FILES.bodyYears(2020),
      DATASET_FILES.bodyYears(2021),
      'body-groups/group=0/body-group.json',
      'body-groups/group=1/body-group.json',
      'body-groups/group=2/body-group.json',
    ]);
    const groups = [0, 1, 2].map((g) => parsed(DATASET_FILES.bodyGroup(g)) as BodyGroup);
    for (const [g, file] of groups.entries()) {
      expect(isBodyGroup(file, g, 3)).toBe(true);
      expect(file.years.map((y) => y.year)).toEqual([2020, 2021]);
      for (const year of file.years) expect(year.body.every((body) => bodyGroupOf(body, 3) === g)).toBe(true);
    }
    // Every body once a year over the groups, as in the year's own file.
    for (const [y, year] of [2020, 2021].entries()) {
      const inGroups = groups.flatMap((file) => file.years[y].body);
      expect(inGroups.sort()).toEqual(names);
      expect((parsed(DATASET_FILES.bodyYears(year)) as BodyYears).body).toEqual(names);
    }
    // The groups are not all one: a hash, not a range.
    expect(groups.map((file) => file.years[0].body.length).every((n) => n > 100 && n < 300)).toBe(true);
  });

  it('a body’s yearly sums from its group: 机关007 has 新收申请 70 and 71 (its draft of 1000 not counted), 机关123 with 机关456: 1230 + 4560 and 1231 + 4561', () => {
    const of = (bodies: string[]) => [...new Set(bodies.map((b) => bodyGroupOf(b, 3)))].map((g) => parsed(DATASET_FILES.bodyGroup(g)) as BodyGroup);
    const yearly = (bodies: string[], filters = {}) => yearlyOfBodyGroups(of(bodies), { ...NO_FILTERS, ...filters, bodies }).map((r) => [r.year, r.reports, r.new_requests, r.handled]);
    expect(yearly(['机关007'])).toEqual([
      [2020, 1, 70, 1],
      [2021, 1, 71, 1],
    ]);
    expect(yearly(['机关123', '机关456'])).toEqual([
      [2020, 2, 5790, 2],
      [2021, 2, 5792, 2],
    ]);
    expect(yearly(['机关123', '机关456'], { levels: ['市级'], from: 2021 })).toEqual([[2021, 1, 4561, 1]]);
    expect(yearly(['没有这个机关'])).toEqual([]);
  });

  it('a file of another group or another count of groups, or with a damaged year, is not read as the body’s', () => {
    const file = parsed(DATASET_FILES.bodyGroup(1)) as BodyGroup;
    expect(isBodyGroup(file, 1, 3)).toBe(true);
    expect(isBodyGroup(file, 2, 3)).toBe(false);
    expect(isBodyGroup(file, 1, 4)).toBe(false);
    expect(isBodyGroup({ ...file, years: [{ ...file.years[0], reports: [] }] }, 1, 3)).toBe(false);
    expect(isBodyGroup(null, 1, 3)).toBe(false);
  });
});

import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromParquet } from '../../src/lib/dataset';
import { realReport } from '../../src/lib/demo/options';
import { writeDemoCorpus } from '../../src/lib/demo/write';
import { ingest } from '../../src/lib/ingest';
import { OVERVIEW_DEFINITIONS, PREPARED_OVERVIEW } from '../../src/lib/dataset/overview';
import { NO_FILTERS, yearlyTotals } from '../../src/lib/queries';
import { loadDatasetFolder } from '../dataset-fixture';
import { SEED } from '../helpers';

const work = mkdtempSync(join(tmpdir(), 'demo-test-'));
const corpus = join(work, 'corpus');
const out = join(work, 'dataset');
const options = { seed: 7, bodies: 14, years: [2019, 2020, 2021, 2022, 2023, 2024, 2025], defectRate: 0.12, real: realReport(SEED) };
const rows = (file: string) => fromParquet(readFileSync(join(out, file))).toArray().map((r) => r.toJSON() as Record<string, unknown>);
const csv = (file: string) => readFileSync(join(corpus, file), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));

/** What each injected defect must produce in the ingest, written by hand from the defect's definition. */
const FINDINGS_OF_DEFECT: Record<string, string[]> = {
  column_sum: ['T3_HANDLED_SUM', 'T3_HANDLED_SUM'],
  carry_mismatch: ['YEAR_CARRY'],
  missing_table: ['TABLE_MISSING'],
  ambiguous_row: ['AMBIGUOUS_SPLIT'],
  narrative_mismatch: ['NARRATIVE'],
};

let reports: Record<string, unknown>[];
let findings: Record<string, unknown>[];

beforeAll(async () => {
  writeDemoCorpus(options, corpus);
  await ingest({ inputs: [], manifest: join(corpus, 'manifest.csv'), out });
  reports = rows('reports.parquet');
  findings = rows('findings.parquet');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the demo corpus through the real ingest', () => {
  it('has every body for every year, plus the consolidated report, as text and HTML in both template versions', () => {
    expect(reports).toHaveLength((14 + 1) * 7);
    const formats = new Set(reports.map((r) => `${r.source_format}/${r.template}`));
    expect([...formats].sort()).toEqual(['html/2019', 'html/2021', 'text/2019', 'text/2021']);
    expect(reports.filter((r) => (r.year as number) <= 2020).every((r) => r.template === '2019')).toBe(true);
    expect(reports.filter((r) => (r.year as number) >= 2021).every((r) => r.template === '2021')).toBe(true);
    expect(reports.filter((r) => r.kind === 'consolidated').map((r) => r.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
  });

  it('injects each kind of defect, and the ingest finds exactly those, report by report', () => {
    const defects = csv('defects.csv');
    expect(new Set(defects.map(([, d]) => d))).toEqual(new Set(Object.keys(FINDINGS_OF_DEFECT)));
    const fileOf = new Map(reports.map((r) => [r.report_id, r.source_file]));
    const found = new Map<string, string[]>();
    for (const f of findings) found.set(fileOf.get(f.report_id) as string, [...(found.get(fileOf.get(f.report_id) as string) ?? []), f.rule as string]);
    const expected = new Map<string, string[]>(defects.map(([file, defect]) => [file, FINDINGS_OF_DEFECT[defect]]));
    // The real report's flattened rows are ambiguous: that is the source, not a defect.
    expected.set('2019/000_09f4574b615ba3f1.txt', ['AMBIGUOUS_SPLIT']);
    expect(Object.fromEntries([...found].map(([k, v]) => [k, v.sort()]))).toEqual(Object.fromEntries([...expected].map(([k, v]) => [k, [...v].sort()])));
  });

  it('carry-over matches between consecutive years of every body, except where a mismatch was injected', () => {
    const injected = new Set(csv('defects.csv').filter(([, d]) => d === 'carry_mismatch').map(([f]) => f));
    const total = (year: number, row: string) => {
      const cells = rows(`cells-${year}.parquet`).filter((c) => c.table === 't3' && c.row === row && c.col === 'total');
      return new Map(cells.map((c) => [c.report_id, c.state === 'value' ? (c.value as number) : 0]));
    };
    let compared = 0;
    for (let year = 2020; year <= 2025; year++) {
      const [forward, over] = [total(year - 1, 'carried_forward'), total(year, 'carried_over')];
      for (const now of reports.filter((r) => r.year === year)) {
        const before = reports.find((r) => r.body === now.body && r.year === year - 1)!;
        if (injected.has(now.source_file as string)) expect(over.get(now.report_id)).not.toBe(forward.get(before.report_id));
        else expect(over.get(now.report_id)).toBe(forward.get(before.report_id));
        compared++;
      }
    }
    expect(compared).toBe(15 * 6);
  });

  it('the real report is in the dataset unchanged and marked real; every other report is synthetic', () => {
    const real = reports.filter((r) => r.origin === 'real');
    expect(real.map((r) => [r.body, r.year, r.source_file])).toEqual([['浙江省经济和信息化厅', 2019, '2019/000_09f4574b615ba3f1.txt']]);
    expect(real[0].source_sha256).toBe(createHash('sha256').update(readFileSync(SEED)).digest('hex'));
    expect(readFileSync(join(corpus, '2019/000_09f4574b615ba3f1.txt'))).toEqual(readFileSync(SEED));
    const cell = (row: string, col: string) => rows('cells-2019.parquet').find((c) => c.report_id === real[0].report_id && c.row === row && c.col === col);
    expect(cell('licensing', 'decisions')).toMatchObject({ value: 3185, raw: '3185' });
    expect(cell('procurement', 'amount')).toMatchObject({ value: 5234.55 });
    expect(reports.filter((r) => r.origin === 'synthetic')).toHaveLength(15 * 7 - 1);
  });

  it('figures behave like real ones: a few bodies receive thousands of requests, most dozens', () => {
    const newTotals = rows('cells-2023.parquet')
      .filter((c) => c.table === 't3' && c.row === 'new' && c.col === 'total')
      .filter((c) => reports.find((r) => r.report_id === c.report_id)!.kind !== 'consolidated')
      .map((c) => c.value as number)
      .sort((a, b) => a - b);
    expect(newTotals.filter((n) => n >= 1000).length).toBeGreaterThanOrEqual(1);
    expect(newTotals[Math.floor(newTotals.length / 2)]).toBeLessThan(200);
  });

  it('procurement is in the 2019-version years only: not_in_template from 2021', () => {
    const procurement = (year: number) => rows(`cells-${year}.parquet`).filter((c) => c.row === 'procurement' && c.col === 'amount');
    expect(procurement(2020).every((c) => c.state === 'value' && (c.value as number) > 0)).toBe(true);
    expect(procurement(2021).every((c) => c.state === 'not_in_template')).toBe(true);
  });

  it('prepared-overview.json holds the rows the overview query gives in DuckDB over the same dataset', async () => {
    const db = await loadDatasetFolder(out);
    const query = yearlyTotals(NO_FILTERS);
    const fromSql = await db.query<Record<string, number | null>>(query.sql, query.params);
    const file = JSON.parse(readFileSync(join(out, PREPARED_OVERVIEW), 'utf8'));
    // Marked with the definitions they were summed by: the site takes them as the answer only under the same ones.
    expect(file.definitions).toBe(OVERVIEW_DEFINITIONS);
    const prepared = file.rows as Record<string, number | null>[];
    // The 14 bodies (the province's government among them) each year; the consolidated report is not counted with them.
    expect(prepared.map((r) => [r.year, r.reports])).toEqual(options.years.map((y) => [y, 14]));
    // Procurement is in the 2019-version years only.
    expect(prepared.map((r) => r.procurement_reports)).toEqual([14, 14, 0, 0, 0, 0, 0]);
    expect(prepared.map((r) => Object.keys(r))).toEqual(fromSql.map((r) => Object.keys(r)));
    for (const [i, row] of fromSql.entries()) {
      for (const [key, value] of Object.entries(row)) {
        // Money sums may differ in their last bits by the order of adding.
        if (value === null) expect(prepared[i][key], `${row.year} ${key}`).toBeNull();
        else expect(prepared[i][key], `${row.year} ${key}`).toBeCloseTo(value, 6);
      }
    }
  });

  it('is the same, file for file, for the same seed', () => {
    const again = join(work, 'again');
    writeDemoCorpus(options, again);
    const listing = (dir: string): Record<string, string> => {
      const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
      return Object.fromEntries(walk(dir).map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));
    };
    expect(listing(again)).toEqual(listing(corpus));
  });
});

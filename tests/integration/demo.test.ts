import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromParquet } from '../../src/lib/dataset';
import { DEMO_DEFAULTS } from '../../src/lib/demo/options';
import { publishedReports, realReports, writeDemoCorpus } from '../../src/lib/demo/write';
import { ingest } from '../../src/lib/ingest';
import { PREPARED_OVERVIEW } from '../../src/lib/dataset/overview';
import { MEASURE_DEFINITIONS, MEASURES, RATES, SHOWN_STATES, type MeasureKey } from '../../src/lib/template';
import { cellSumsByYear, CONSOLIDATED_KIND, NO_FILTERS, requestsByApplicant, UNDETERMINED, yearlyCube, yearlyFromCube, yearlyTotals, type Filters, type YearlyCubeRow } from '../../src/lib/queries';
import { applicantsFromCube, cellSumsFromCube, type CellCube } from '../../src/lib/queries/cell-cube';
import { cellStatesFromCube, findingsByRuleFromCube, isQualityCube, uncheckedRulesFromCube, type QualityCube } from '../../src/lib/queries/quality-cube';
import { measuresTopBodies, measureTopBodies } from '../../src/lib/queries';
import { bodyYearsOfReports, cellCubeOfBodies, cellSumsByBodyOfReports, leftOutOfReports, measuresTopBodiesOfReports, measureTopBodiesOfReports } from '../../src/lib/queries/reports-by-body';
import { bodyYearsOfFiles, isBodyGroup, yearlyOfBodyGroups } from '../../src/lib/queries/body-year-files';
import { DATASET_FILES } from '../../src/lib/dataset/schema';
import { cellStates, cellSumsByBody, findingList, findingsByReport, findingsByRule, incompleteReports, leftOut, measuresByBodyYear, uncheckedRules } from '../../src/lib/queries';
import { cellStatesOfHeld, findingListOfHeld, findingsByReportOfHeld, findingsByRuleOfHeld, incompleteReportsOfHeld, uncheckedRulesOfHeld } from '../../src/lib/queries/held-quality';
import { T3_ROWS, T4_COLUMNS, T4_GROUPS, type BodyGroup, type BodyYears } from '../../src/lib/template';
import { loadDatasetFolder } from '../dataset-fixture';
import { datasetPath, SEED } from '../helpers';

const data = (dir: string) => fileURLToPath(new URL(`../../data/${dir}`, import.meta.url));

const work = mkdtempSync(join(tmpdir(), 'demo-test-'));
const corpus = join(work, 'corpus');
const out = join(work, 'dataset');
// The default seed and years, so that the pre-made PDF and DOCX reports of data/published (all among the first 14 bodies) are in it.
const options = { ...DEMO_DEFAULTS, bodies: 24, defectRate: 0.12, real: realReports(data('real')), published: publishedReports(data('published')) };
const rows = (file: string) => fromParquet(readFileSync(datasetPath(out, file))).toArray().map((r) => r.toJSON() as Record<string, unknown>);
const csv = (file: string) => readFileSync(join(corpus, file), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));

/** What each injected defect must produce in the ingest, written by hand from the defect's definition. */
const FINDINGS_OF_DEFECT: Record<string, string[]> = {
  column_sum: ['T3_HANDLED_SUM', 'T3_HANDLED_SUM'],
  carry_mismatch: ['YEAR_CARRY'],
  // The demo drops t4: T4_GROUP_SUM cannot be checked, nor the prose's 行政复议N件 against it, and each says so.
  missing_table: ['TABLE_MISSING', 'NOT_EVALUATED', 'NOT_EVALUATED'],
  // Flattened rows leave the applicant columns unplaced: the rules over them cannot be checked (NOT_EVALUATED, see below).
  ambiguous_row: ['AMBIGUOUS_SPLIT'],
  narrative_mismatch: ['NARRATIVE'],
};

let reports: Record<string, unknown>[];
let findings: Record<string, unknown>[];

/** A cell of a report by its file: the value, or its state ('slash', …) when it has none. */
const publishedCell = (file: string, table: string, row: string, col: string) => {
  const report = reports.find((r) => r.source_file === file)!;
  const c = rows(`cells/year=${report.year}/cells.parquet`).find((c) => c.report_id === report.report_id && c.table === table && c.row === row && c.col === col);
  return c?.state === 'value' ? c.value : c?.state;
};

beforeAll(async () => {
  writeDemoCorpus(options, corpus);
  await ingest({ inputs: [], manifest: join(corpus, 'manifest.csv'), out });
  reports = rows('reports.parquet');
  findings = rows('findings.parquet');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the demo corpus through the real ingest', () => {
  it('has every body for every year, plus the consolidated report and Shanghai\'s, as text, HTML, PDF and DOCX in both template versions', () => {
    expect(reports).toHaveLength((24 + 1) * 7 + 1);
    const formats = new Set(reports.map((r) => `${r.source_format}/${r.template}`));
    expect([...formats].sort()).toEqual(['docx/2019', 'docx/2021', 'html/2019', 'html/2021', 'pdf/2019', 'pdf/2021', 'text/2019', 'text/2021']);
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
    // The real reports' own faults are the source, not a defect: the seed's flattened rows are ambiguous;
    // Shanghai's leaves 总计 blank in the 11 outcome rows that have figures, so the 总计 column does not add up to （七）总计 805.
    expected.set('2019/000_09f4574b615ba3f1.txt', ['AMBIGUOUS_SPLIT', 'NOT_EVALUATED', 'NOT_EVALUATED', 'NOT_EVALUATED']);
    expected.set('2019/shanghai-szfbgt-2019.html', ['T3_HANDLED_SUM', ...Array(11).fill('T3_ROW_SUM')]);
    // A flattened report's NOT_EVALUATED findings are checked apart (the next test): which rules its rows stop depends on the rows.
    const flattened = new Set(defects.filter(([, d]) => d === 'ambiguous_row').map(([f]) => f));
    const compared = [...found].map(([k, v]) => [k, v.filter((rule) => !flattened.has(k) || rule !== 'NOT_EVALUATED').sort()]);
    expect(Object.fromEntries(compared)).toEqual(Object.fromEntries([...expected].map(([k, v]) => [k, [...v].sort()])));
  });

  it('a flattened report says which rules its unplaced rows stop: T3_ROW_SUM always, T3_BALANCE and T3_HANDLED_SUM when their rows are among them', () => {
    const flattened = csv('defects.csv').filter(([, d]) => d === 'ambiguous_row').map(([f]) => f);
    expect(flattened.length).toBeGreaterThan(0);
    const BALANCE_ROWS = ['t3.new', 't3.carried_over', 't3.handled', 't3.carried_forward'];
    const NOT_OUTCOMES = ['t3.new', 't3.carried_over', 't3.carried_forward'];
    for (const file of flattened) {
      const id = reports.find((r) => r.source_file === file)!.report_id;
      const rows = String(findings.find((f) => f.report_id === id && f.rule === 'AMBIGUOUS_SPLIT')!.cells).split(' ');
      const unchecked = findings.filter((f) => f.report_id === id && f.rule === 'NOT_EVALUATED').map((f) => f.unchecked_rule).sort();
      const expected = [
        ...(rows.some((r) => BALANCE_ROWS.includes(r)) ? ['T3_BALANCE'] : []),
        ...(rows.some((r) => !NOT_OUTCOMES.includes(r)) ? ['T3_HANDLED_SUM'] : []),
        'T3_ROW_SUM',
      ];
      expect([file, unchecked]).toEqual([file, expected]);
    }
  });

  it('carry-over matches between consecutive years of every body, except where a mismatch was injected', () => {
    const injected = new Set(csv('defects.csv').filter(([, d]) => d === 'carry_mismatch').map(([f]) => f));
    const total = (year: number, row: string) => {
      const cells = rows(`cells/year=${year}/cells.parquet`).filter((c) => c.table === 't3' && c.row === row && c.col === 'total');
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
    expect(compared).toBe(25 * 6);
  });

  it('the real reports are in the dataset unchanged and marked real; every other report is synthetic', () => {
    const real = reports.filter((r) => r.origin === 'real').sort((a, b) => (a.source_file as string).localeCompare(b.source_file as string));
    expect(real.map((r) => [r.body, r.year, r.source_file, r.region, r.level, r.kind, r.source_format])).toEqual([
      ['浙江省经济和信息化厅', 2019, '2019/000_09f4574b615ba3f1.txt', '浙江省', '省级', 'department', 'text'],
      ['上海市人民政府办公厅', 2019, '2019/shanghai-szfbgt-2019.html', '上海市', '省级', 'department', 'html'],
    ]);
    expect(real[0].source_sha256).toBe(createHash('sha256').update(readFileSync(SEED)).digest('hex'));
    expect(readFileSync(join(corpus, '2019/000_09f4574b615ba3f1.txt'))).toEqual(readFileSync(SEED));
    const cell = (row: string, col: string) => rows('cells/year=2019/cells.parquet').find((c) => c.report_id === real[0].report_id && c.row === row && c.col === col);
    expect(cell('licensing', 'decisions')).toMatchObject({ value: 3185, raw: '3185' });
    expect(cell('procurement', 'amount')).toMatchObject({ value: 5234.55 });
    expect(reports.filter((r) => r.origin === 'synthetic')).toHaveLength(25 * 7 - 1);
    expect(readFileSync(join(corpus, '2019/shanghai-szfbgt-2019.html'))).toEqual(readFileSync(join(data('real'), 'shanghai-szfbgt-2019.html')));
    const shanghai = reports.find((r) => r.body === '上海市人民政府办公厅')!;
    const value = (table: string, row: string, col: string) =>
      rows('cells/year=2019/cells.parquet').find((c) => c.report_id === shanghai.report_id && c.table === table && c.row === row && c.col === col)?.value;
    expect([value('t3', 'new', 'total'), value('t3', 'carried_over', 'total'), value('t4', 'review', 'total')]).toEqual([859, 18, 7]);
  });

  it('a few synthetic reports are the pre-made PDF and DOCX files, in the manifest with their body and year, read through the PDF and DOCX readers', () => {
    const made = [
      ['2019/b00006.pdf', '浙江省公安厅', '2019'],
      ['2020/b00011.docx', '浙江省自然资源厅', '2020'],
      ['2021/b00009.docx', '浙江省财政厅', '2021'],
      ['2022/b00004.pdf', '浙江省科学技术厅', '2022'],
      ['2023/b00000.pdf', '浙江省人民政府', '2023'],
      ['2024/b00010.docx', '浙江省人力资源和社会保障厅', '2024'],
    ];
    const published = readdirSync(data('published'));
    for (const [file, body, year] of made) {
      // The committed file, byte for byte, listed as synthetic.
      expect(readFileSync(join(corpus, file))).toEqual(readFileSync(join(data('published'), published.find((p) => p === file.replace('/', '-'))!)));
      expect(csv('manifest.csv').find((l) => l[0] === file)).toEqual([file, body, year, '浙江省', '省级', body === '浙江省人民政府' ? 'government' : 'department', 'synthetic']);
      const report = reports.find((r) => r.source_file === file)!;
      expect([report.body, report.year, report.source_format, report.origin]).toEqual([body, Number(year), file.split('.').pop(), 'synthetic']);
    }
    // Nothing else is PDF or Word, and the same bodies' other years are still text or HTML.
    expect(reports.filter((r) => r.source_format === 'pdf' || r.source_format === 'docx').map((r) => r.source_file).sort()).toEqual(made.map(([f]) => f));

    // Figures as the documents show them (read off the pages, not the reader).
    const expected: [string, string, string, string, unknown][] = [
      ['2019/b00006.pdf', 't3', 'new', 'natural_person', 2169],
      ['2019/b00006.pdf', 't3', 'new', 'total', 2725],
      ['2019/b00006.pdf', 't3', 'granted', 'total', 1472],
      ['2019/b00006.pdf', 't3', 'carried_forward', 'total', 173],
      ['2019/b00006.pdf', 't4', 'review', 'total', 59],
      ['2019/b00006.pdf', 't4', 'suit_direct', 'total', 22],
      ['2022/b00004.pdf', 't3', 'new', 'total', 20],
      ['2022/b00004.pdf', 't3', 'carried_over', 'total', 'slash'],
      ['2023/b00000.pdf', 't3', 'new', 'total', 269],
      ['2023/b00000.pdf', 't3', 'handled', 'total', 272],
      ['2020/b00011.docx', 't3', 'new', 'total', 1820],
      ['2020/b00011.docx', 't3', 'carried_over', 'total', 135],
      ['2020/b00011.docx', 't2', 'licensing', 'decisions', 4233],
      ['2021/b00009.docx', 't3', 'new', 'total', 157],
      ['2021/b00009.docx', 't3', 'granted', 'total', 65],
      ['2024/b00010.docx', 't3', 'new', 'total', 980],
      ['2024/b00010.docx', 't3', 'carried_forward', 'total', 'slash'],
    ];
    expect(expected.map(([file, table, row, col]) => [file, table, row, col, publishedCell(file, table, row, col)])).toEqual(expected);
  });

  it('reads t4 in the PDFs where the page breaks after its first row (行政复议 | 行政诉讼 on one page, the rest on the next)', () => {
    const expected: [string, string, string, string, unknown][] = [
      ['2022/b00004.pdf', 't4', 'review', 'total', 1],
      ['2022/b00004.pdf', 't4', 'suit_direct', 'total', 'slash'],
      ['2023/b00000.pdf', 't4', 'review', 'total', 7],
      ['2023/b00000.pdf', 't4', 'suit_direct', 'total', 4],
      ['2023/b00000.pdf', 't4', 'suit_after_review', 'total', 1],
    ];
    expect(expected.map(([file, table, row, col]) => [file, table, row, col, publishedCell(file, table, row, col)])).toEqual(expected);
  });

  it('refuses pre-made files made from another rendering of their report, saying how to make them again', () => {
    const [first, ...rest] = options.published.reports;
    const stale = { ...options.published, reports: [{ ...first, htmlSha256: '0'.repeat(64) }, ...rest] };
    expect(() => writeDemoCorpus({ ...options, published: stale }, join(work, 'stale'))).toThrow(/npm run demo-published/);
  });

  it('figures behave like real ones: a few bodies receive thousands of requests, most dozens', () => {
    const newTotals = rows('cells/year=2023/cells.parquet')
      .filter((c) => c.table === 't3' && c.row === 'new' && c.col === 'total')
      .filter((c) => reports.find((r) => r.report_id === c.report_id)!.kind !== 'consolidated')
      .map((c) => c.value as number)
      .sort((a, b) => a - b);
    expect(newTotals.filter((n) => n >= 1000).length).toBeGreaterThanOrEqual(1);
    expect(newTotals[Math.floor(newTotals.length / 2)]).toBeLessThan(200);
  });

  it('procurement is in the 2019-version years only: not_in_template from 2021', () => {
    const procurement = (year: number) => rows(`cells/year=${year}/cells.parquet`).filter((c) => c.row === 'procurement' && c.col === 'amount');
    expect(procurement(2020).every((c) => c.state === 'value' && (c.value as number) > 0)).toBe(true);
    expect(procurement(2021).every((c) => c.state === 'not_in_template')).toBe(true);
  });

  it('the summaries the ingest wrote (measures, summary cells, cell states) are the sums of the cells they summarise', async () => {
    const db = await loadDatasetFolder(out);
    // Over the detail, in SQL written here: each measure is the sum of its cells' values (null when none has one).
    const inMeasure = (key: MeasureKey) => {
      const m = MEASURES[key];
      return `c."table" = '${m.table}' AND c."row" IN (${m.rows.map((r) => `'${r}'`).join(', ')}) AND c.col = '${m.col}'`;
    };
    const keys = Object.keys(MEASURES) as MeasureKey[];
    // A rate's part and base count only when the report has every cell of both in its template, none missing or ambiguous.
    const rateSql = Object.values(RATES).flatMap((rate) => {
      const all = [...rate.part, ...rate.base].map((k) => `(${inMeasure(k)})`).join(' OR ');
      const known = `(COUNT(*) FILTER (WHERE (${all}) AND c.state IN ('ambiguous', 'missing')) = 0 AND COUNT(*) FILTER (WHERE (${all}) AND c.state <> 'not_in_template') > 0)`;
      const sum = (part: readonly MeasureKey[]) => `CASE WHEN ${known} THEN COALESCE(SUM(c.value) FILTER (WHERE ${part.map((k) => `(${inMeasure(k)})`).join(' OR ')}), 0) END`;
      return [`${sum(rate.part)} AS ${rate.key}_part`, `${sum(rate.base)} AS ${rate.key}_base`, `CASE WHEN ${known} THEN 1 ELSE 0 END AS ${rate.key}_reports`];
    });
    const fromCells = await db.query<Record<string, number | null>>(`SELECT c.report_id, ${keys.map((k) => `SUM(c.value) FILTER (WHERE ${inMeasure(k)}) AS ${k}`).join(', ')}, ${rateSql.join(', ')},
      CAST(COUNT(*) FILTER (WHERE ${inMeasure('procurement_amount')} AND c.state <> 'not_in_template') > 0 AS INTEGER) AS procurement_reports
      FROM cells c GROUP BY c.report_id ORDER BY c.report_id`);
    const columns = Object.keys(fromCells[0]).filter((k) => k !== 'report_id');
    const written = await db.query<Record<string, number | null>>(`SELECT report_id, ${columns.join(', ')} FROM report_measures ORDER BY report_id`);
    expect(written).toHaveLength(reports.length);
    expect(written.map((r) => r.report_id)).toEqual(fromCells.map((r) => r.report_id));
    for (const [i, row] of fromCells.entries()) {
      for (const key of columns) {
        if (row[key] === null) expect(written[i][key], `${row.report_id} ${key}`).toBeNull();
        else expect(written[i][key], `${row.report_id} ${key}`).toBeCloseTo(row[key] as number, 6);
      }
    }
    // Reports with a rate left out are there (a missing t4 among the defects), so the rule is exercised.
    expect(fromCells.filter((r) => r.review_correction_rate_reports === 0).length).toBeGreaterThan(0);
    // The summary cells are the cells of the summary, value and state.
    const summaryCells = `SELECT r.report_id, k."table", k."row", k.col, s.value, s.state FROM summary_cells s JOIN summary_keys k ON k.id = s.cell JOIN reports r ON r.report_no = s.report_no`;
    const fromDetail = `SELECT c.report_id, c."table", c."row", c.col, c.value, st.state FROM cells c JOIN summary_keys k ON k."table" = c."table" AND k."row" = c."row" AND k.col = c.col JOIN cell_states st ON st.name = c.state`;
    expect(await db.query(`SELECT COUNT(*) AS n FROM ((${summaryCells}) EXCEPT ALL (${fromDetail}))`)).toEqual([{ n: 0 }]);
    expect(await db.query(`SELECT COUNT(*) AS n FROM ((${fromDetail}) EXCEPT ALL (${summaryCells}))`)).toEqual([{ n: 0 }]);
    expect((await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM summary_cells'))[0].n).toBeGreaterThan(reports.length * 50);
    // Each report's cells by state, as counted from the cells.
    const states = await db.query(`SELECT report_id, ${SHOWN_STATES.map((s) => `"${s}"`).join(', ')} FROM report_cell_states ORDER BY report_id`);
    const counted = await db.query(`SELECT report_id, ${SHOWN_STATES.map((s) => `COUNT(*) FILTER (WHERE state = '${s}') AS "${s}"`).join(', ')} FROM cells GROUP BY report_id ORDER BY report_id`);
    expect(states).toEqual(counted);
  });

  it('prepared-overview.json holds the yearly cube DuckDB gives over the same dataset, and the overview’s rows sum from it', async () => {
    const db = await loadDatasetFolder(out);
    const fromSql = await db.query<Record<string, string | number | boolean | null>>(yearlyCube().sql);
    const file = JSON.parse(readFileSync(join(out, PREPARED_OVERVIEW), 'utf8'));
    // The dataset says which definitions its measures were summed by: the site takes them as the answer only under the same ones.
    expect(JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8')).measures).toBe(MEASURE_DEFINITIONS);
    const prepared = file.cube as YearlyCubeRow[];
    const overview = yearlyFromCube(prepared, NO_FILTERS);
    // The 24 bodies (the province's government among them) each year, and Shanghai's office in 2019; the consolidated report is not counted with them.
    expect(overview.map((r) => [r.year, r.reports])).toEqual(options.years.map((y) => [y, y === 2019 ? 25 : 24]));
    // Procurement is in the 2019-version years only.
    expect(overview.map((r) => r.procurement_reports)).toEqual([25, 24, 0, 0, 0, 0, 0]);
    // The consolidated report alone, by its kind.
    expect(yearlyFromCube(prepared, { ...NO_FILTERS, kinds: [CONSOLIDATED_KIND] }).map((r) => r.reports)).toEqual(fromSql.filter((r) => r.kind === CONSOLIDATED_KIND).map((r) => r.reports));
    expect(prepared.map((r) => Object.keys(r))).toEqual(fromSql.map((r) => Object.keys(r)));
    for (const [i, row] of fromSql.entries()) {
      for (const [key, value] of Object.entries(row)) {
        // Money sums may differ in their last bits by the order of adding.
        if (typeof value !== 'number') expect(prepared[i][key as keyof YearlyCubeRow], `${row.year} ${key}`).toBe(value);
        else expect(prepared[i][key as keyof YearlyCubeRow], `${row.year} ${row.region} ${row.level} ${row.kind} ${key}`).toBeCloseTo(value, 6);
      }
    }
  });

  it('prepared-overview.json’s cell cube gives the applicant split, the outcomes’ reasons and t4’s results as the SQL over the summary cells does, for any filters but bodies', async () => {
    const db = await loadDatasetFolder(out);
    const cube = JSON.parse(readFileSync(join(out, PREPARED_OVERVIEW), 'utf8')).cells as CellCube;
    const region = cube.rows.find((r) => r.region !== null)!.region!;
    const level = cube.rows.find((r) => r.level !== null)!.level!;
    const filters: Filters[] = [
      NO_FILTERS,
      { ...NO_FILTERS, regions: [region] },
      { ...NO_FILTERS, levels: [level] },
      { ...NO_FILTERS, kinds: [CONSOLIDATED_KIND] },
      { ...NO_FILTERS, regions: [region], levels: [level], from: 2020, to: 2023 },
    ];
    const t3Totals = T3_ROWS.map((r) => r.key);
    const t4Groups = T4_GROUPS.map((g) => g.key);
    const t4Columns = T4_COLUMNS.map((c) => c.key);
    for (const f of filters) {
      const label = JSON.stringify(f);
      expect(applicantsFromCube(cube, f), label).toEqual(await db.query(requestsByApplicant(f).sql, requestsByApplicant(f).params));
      expect(cellSumsFromCube(cube, f, 't3', t3Totals, ['total']), label).toEqual(await db.query(cellSumsByYear(f, 't3', t3Totals, ['total']).sql, cellSumsByYear(f, 't3', t3Totals, ['total']).params));
      expect(cellSumsFromCube(cube, f, 't4', t4Groups, t4Columns), label).toEqual(await db.query(cellSumsByYear(f, 't4', t4Groups, t4Columns).sql, cellSumsByYear(f, 't4', t4Groups, t4Columns).params));
    }
    // The flattened reports (the seed, the ambiguous_row defects) are there, so the undetermined requests are compared too.
    expect(applicantsFromCube(cube, NO_FILTERS).filter((r) => r.applicant === UNDETERMINED).length).toBeGreaterThan(0);
  });

  it('prepared-overview.json’s quality cube gives 数据质量’s findings by rule, cell states and unchecked rules as the SQL does, for any filters but bodies', async () => {
    const db = await loadDatasetFolder(out);
    const cube = JSON.parse(readFileSync(join(out, PREPARED_OVERVIEW), 'utf8')).quality as QualityCube;
    expect(isQualityCube(cube)).toBe(true);
    const run = <T>(q: { sql: string; params: unknown[] }) => db.query<T>(q.sql, q.params);
    const region = cube.rows.find((r) => r.region !== null)!.region!;
    const level = cube.rows.find((r) => r.level !== null)!.level!;
    for (const f of [
      NO_FILTERS,
      { ...NO_FILTERS, regions: [region] },
      { ...NO_FILTERS, levels: [level] },
      { ...NO_FILTERS, kinds: [CONSOLIDATED_KIND] },
      { ...NO_FILTERS, kinds: ['department', CONSOLIDATED_KIND] },
      { ...NO_FILTERS, regions: [region], from: 2020, to: 2023 },
      { ...NO_FILTERS, from: 2025 },
    ]) {
      const label = JSON.stringify(f);
      expect(findingsByRuleFromCube(cube, f), label).toEqual(await run(findingsByRule(f)));
      expect(cellStatesFromCube(cube, f), label).toEqual(await run(cellStates(f)));
      expect(uncheckedRulesFromCube(cube, f), label).toEqual(await run(uncheckedRules(f)));
    }
    expect(uncheckedRulesFromCube(cube, NO_FILTERS).length).toBeGreaterThan(0);
  });

  it('the top bodies from every report’s measures held in the page are the SQL’s, 15 of 24 bodies a year', async () => {
    const db = await loadDatasetFolder(out);
    const reports = db.held;
    const cube = JSON.parse(readFileSync(join(out, PREPARED_OVERVIEW), 'utf8')).cells as CellCube;
    const region = cube.rows.find((r) => r.region !== null)!.region!;
    for (const f of [NO_FILTERS, { ...NO_FILTERS, regions: [region] }, { ...NO_FILTERS, kinds: [CONSOLIDATED_KIND] }]) {
      for (const measure of [MEASURES.new_requests, MEASURES.procurement_amount, MEASURES.review_total]) {
        const query = measureTopBodies(f, measure);
        const fromSql = await db.query(query.sql, query.params);
        expect(measureTopBodiesOfReports(reports, f, measure), `${JSON.stringify(f)} ${measure.key}`).toEqual(fromSql);
      }
      const outcomes = [MEASURES.granted, MEASURES.partial, MEASURES.denied];
      const query = measuresTopBodies(f, outcomes);
      expect(measuresTopBodiesOfReports(reports, f, outcomes), JSON.stringify(f)).toEqual(await db.query(query.sql, query.params));
    }
    expect(measureTopBodiesOfReports(reports, NO_FILTERS, MEASURES.new_requests).filter((r) => r.year === 2023)).toHaveLength(15);
  });

  it('every other view answered from the reports held in the page gives the SQL’s rows: reasons per body, chosen bodies’ cells, sums per body and year, what is left out, 数据质量', async () => {
    const db = await loadDatasetFolder(out);
    const reports = db.held;
    const cube = JSON.parse(readFileSync(join(out, PREPARED_OVERVIEW), 'utf8')).cells as CellCube;
    const region = cube.rows.find((r) => r.region !== null)!.region!;
    const bodies = [...reports.ranges.keys()];
    const chosen = [bodies[0], bodies[7], bodies[bodies.length - 1]];
    const run = <T>(q: { sql: string; params: unknown[] }) => db.query<T>(q.sql, q.params);
    const reasons = T3_ROWS.filter((r) => r.group === 'denied').map((r) => r.key);
    const t4Groups = T4_GROUPS.map((g) => g.key);
    const t4Columns = T4_COLUMNS.map((c) => c.key);
    const bodyYearFiles = [2020, 2023].map((year) => JSON.parse(readFileSync(datasetPath(out, DATASET_FILES.bodyYears(year)), 'utf8')) as BodyYears);
    // The demo's 26 bodies: one group.
    const group = JSON.parse(readFileSync(datasetPath(out, DATASET_FILES.bodyGroup(0)), 'utf8')) as BodyGroup;
    expect(isBodyGroup(group, 0, 1)).toBe(true);
    for (const f of [NO_FILTERS, { ...NO_FILTERS, regions: [region] }, { ...NO_FILTERS, kinds: [CONSOLIDATED_KIND] }, { ...NO_FILTERS, bodies: chosen }, { ...NO_FILTERS, bodies: chosen, from: 2021 }]) {
      const label = JSON.stringify(f);
      expect(cellSumsByBodyOfReports(reports, f, 2023, 't3', reasons, ['total']), label).toEqual(await run(cellSumsByBody(f, 2023, 't3', reasons, ['total'])));
      const bodyYears = await run(measuresByBodyYear(f, [2020, 2023], ['new_requests', 'procurement_amount']));
      expect(bodyYearsOfReports(reports, f, [2020, 2023], ['new_requests', 'procurement_amount']), label).toEqual(bodyYears);
      expect(bodyYearsOfFiles(bodyYearFiles, f, ['new_requests', 'procurement_amount']), label).toEqual(bodyYears);
      expect([leftOutOfReports(reports, f)], label).toEqual(await run(leftOut(f)));
      // 数据质量, over the demo's findings and incomplete reports.
      expect(findingsByRuleOfHeld(reports, f), label).toEqual(await run(findingsByRule(f)));
      expect(findingsByReportOfHeld(reports, f, 50), label).toEqual(await run(findingsByReport(f, 50)));
      expect(findingListOfHeld(reports, f, null, 50), label).toEqual(await run(findingList(f, null, 50)));
      expect(incompleteReportsOfHeld(reports, f, 50), label).toEqual(await run(incompleteReports(f, 50)));
      expect(cellStatesOfHeld(reports, f), label).toEqual(await run(cellStates(f)));
      expect(uncheckedRulesOfHeld(reports, f), label).toEqual(await run(uncheckedRules(f)));
      if (f.bodies.length === 0) continue;
      // A body's page: its group's file answers the sums per year before the reports are held.
      expect(yearlyOfBodyGroups([group], f), label).toEqual(await run(yearlyTotals(f)));
      const own = cellCubeOfBodies(reports, f)!;
      const rest = { ...f, bodies: [] };
      expect(applicantsFromCube(own, rest), label).toEqual(await run(requestsByApplicant(f)));
      expect(cellSumsFromCube(own, rest, 't4', t4Groups, t4Columns), label).toEqual(await run(cellSumsByYear(f, 't4', t4Groups, t4Columns)));
    }
    // 15 bodies of the 24 with reasons for 不予公开 in 2023.
    expect(new Set(cellSumsByBodyOfReports(reports, NO_FILTERS, 2023, 't3', reasons, ['total'])!.map((r) => r.body)).size).toBe(15);
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

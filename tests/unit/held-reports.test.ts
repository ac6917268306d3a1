import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromParquet } from '../../src/lib/dataset';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import * as parquet from 'parquet-wasm';
import { parquetReader, reportCellsOf, reportCellsTable, type RowWindow } from '../../src/lib/db/prepare';
import { plainRows } from '../../src/lib/db/database';
import { bodyFindings, bodyReports, reportById, reportCells, reportFindings, type FindingRow, type ReportCellRow, type ReportRow } from '../../src/lib/queries';
import { bodyReportsOfHeld, cellRowsOfHeld, findingsOfHeld, reportOfHeld } from '../../src/lib/queries/held-report';
import { COUNTING_REPORTS, fixtureDataset } from '../dataset-fixture';

// The fixture with COUNTING_REPORTS: 示例市文化和旅游局 has two reports for 2022 (the draft does not count), and the fixture's reports have findings.
describe('a body’s and a report’s page from what the page holds (no query)', async () => {
  const { dir, db } = await fixtureDataset(COUNTING_REPORTS);
  const run = <T>(q: { sql: string; params: unknown[] }) => db.query<T>(q.sql, q.params);
  const ids = (await run<{ report_id: string }>({ sql: 'SELECT report_id FROM reports ORDER BY report_id', params: [] })).map((r) => r.report_id);

  it('every report’s row, and every body’s reports, as the reports table gives them', async () => {
    for (const id of [...ids, 'no-such-report']) expect(reportOfHeld(db.held, id), id).toEqual(await run<ReportRow>(reportById(id)));
    const bodies = [...db.held.ranges.keys(), '没有这个机关'];
    for (const body of bodies) expect(bodyReportsOfHeld(db.held, body), body).toEqual(await run<ReportRow>(bodyReports(body)));
    // By hand: the draft is listed on its body's page beside the report that counts.
    expect(bodyReportsOfHeld(db.held, '示例市文化和旅游局').map((r) => [r.year, r.source_file])).toEqual([
      [2022, 'city-culture-draft.txt'],
      [2022, 'city-culture.txt'],
    ]);
  });

  it('every report’s findings, and every body’s, in the same order', async () => {
    let found = 0;
    for (const id of ids) {
      const held = findingsOfHeld(db.held, [id]);
      expect(held, id).toEqual(await run<FindingRow>(reportFindings(id)));
      found += held!.length;
    }
    expect(found).toBeGreaterThan(0);
    for (const body of db.held.ranges.keys()) {
      expect(findingsOfHeld(db.held, bodyReportsOfHeld(db.held, body).map((r) => r.report_id)), body).toEqual(await run<FindingRow>(bodyFindings(body)));
    }
  });

  it('a report’s cells read from its year’s file alone are the cells DuckDB gives', async () => {
    const cellsDir = join(dir, 'cells', 'year=2022');
    const file = fromParquet(readFileSync(join(cellsDir, readdirSync(cellsDir)[0])));
    const of2022 = (await run<{ report_id: string }>({ sql: 'SELECT report_id FROM reports WHERE year = 2022', params: [] })).map((r) => r.report_id);
    expect(of2022.length).toBe(6);
    for (const id of of2022) {
      const fromFile = plainRows<ReportCellRow>(reportCellsTable(file, id));
      expect(fromFile.length, id).toBeGreaterThan(100);
      expect(fromFile, id).toEqual(await run<ReportCellRow>(reportCells(id)));
    }
    expect(reportCellsTable(file, 'no-such-report').numRows).toBe(0);
    // As the page's decoding worker gives them, from the file's bytes.
    const ofReport = reportCellsOf((parquet) => tableToIPC(fromParquet(parquet), 'stream'));
    const bytes = new Uint8Array(readFileSync(join(cellsDir, readdirSync(cellsDir)[0])));
    expect(plainRows<ReportCellRow>(tableFromIPC(ofReport('cells.parquet', bytes, of2022[0])))).toEqual(await run<ReportCellRow>(reportCells(of2022[0])));
  });

  it('a report’s cells are decoded from where the held reports place them in its year’s file, that stretch alone', async () => {
    const reads: (RowWindow | 'whole file')[] = [];
    const reader = parquetReader(parquet.readParquet);
    const ofReport = reportCellsOf((bytes, rows) => (reads.push(rows ?? 'whole file'), reader(bytes, rows)));
    let checked = 0;
    for (const { year } of await run<{ year: number }>({ sql: 'SELECT DISTINCT year FROM reports ORDER BY year', params: [] })) {
      const cellsDir = join(dir, 'cells', `year=${year}`);
      const bytes = new Uint8Array(readFileSync(join(cellsDir, readdirSync(cellsDir)[0])));
      for (const { report_id: id } of await run<{ report_id: string }>({ sql: 'SELECT report_id FROM reports WHERE year = ?', params: [year] })) {
        reads.length = 0;
        const rows = cellRowsOfHeld(db.held, id)!;
        const cells = plainRows<ReportCellRow>(tableFromIPC(ofReport('cells.parquet', bytes, id, rows)));
        expect(cells, id).toEqual(await run<ReportCellRow>(reportCells(id)));
        // Its stretch and a row either side (the file's edge: none), nothing else.
        expect(reads, id).toEqual([rows.offset === 0 ? { offset: 0, count: rows.count + 1 } : { offset: rows.offset - 1, count: rows.count + 2 }]);
        expect(rows.count, id).toBe(cells.length);
        checked++;
      }
      if (year !== 2022) continue;
      // Told the wrong stretch (the next report's, as a file laid out otherwise would be): the whole file is searched, the same cells.
      const [first] = await run<{ report_id: string }>({ sql: 'SELECT report_id FROM reports WHERE year = 2022', params: [] });
      const rows = cellRowsOfHeld(db.held, first.report_id)!;
      const wrong = { offset: rows.offset + rows.count, count: rows.count };
      reads.length = 0;
      expect(plainRows<ReportCellRow>(tableFromIPC(ofReport('cells.parquet', bytes, first.report_id, wrong)))).toEqual(await run<ReportCellRow>(reportCells(first.report_id)));
      expect(reads).toEqual([{ offset: wrong.offset - 1, count: wrong.count + 2 }, 'whole file']);
      // Told too short a stretch (a report with more rows than the template has cells): the whole file too.
      reads.length = 0;
      const short = { offset: rows.offset, count: rows.count - 1 };
      expect(plainRows<ReportCellRow>(tableFromIPC(ofReport('cells.parquet', bytes, first.report_id, short)))).toEqual(await run<ReportCellRow>(reportCells(first.report_id)));
      expect(reads.at(-1)).toBe('whole file');
    }
    expect(checked).toBe(ids.length);
    expect(cellRowsOfHeld(db.held, 'no-such-report')).toBeNull();
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromParquet } from '../../src/lib/dataset';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { reportCellsOf, reportCellsTable } from '../../src/lib/db/prepare';
import { plainRows } from '../../src/lib/db/database';
import { bodyFindings, bodyReports, reportById, reportCells, reportFindings, type FindingRow, type ReportCellRow, type ReportRow } from '../../src/lib/queries';
import { bodyReportsOfHeld, findingsOfHeld, reportOfHeld } from '../../src/lib/queries/held-report';
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
});

import type { Table } from 'apache-arrow';
import { tableToIPC } from 'apache-arrow';
import { deriveTables } from '../db/load';
import { createNodeDatabase } from '../db/node';
import { NO_FILTERS } from '../queries/filters';
import { yearlyTotals } from '../queries/yearly';

/** The file holding the overview's rows for the default filters, computed when the dataset is written. */
export const PREPARED_OVERVIEW = 'prepared-overview.json';

/**
 * The overview's first view, by the same SQL the browser runs, so the site can
 * draw it before DuckDB has started there.
 */
export async function preparedOverview(tables: { reports: Table; cells: Table[] }): Promise<unknown[]> {
  const db = await createNodeDatabase();
  await db.insertArrowIPC('reports', tableToIPC(tables.reports, 'stream'), false);
  for (const [i, cells] of tables.cells.entries()) await db.insertArrowIPC('cells', tableToIPC(cells, 'stream'), i > 0);
  await deriveTables(db);
  const query = yearlyTotals(NO_FILTERS);
  return db.query(query.sql, query.params);
}

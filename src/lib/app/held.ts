import type { ReportsByBody } from '../queries/reports-by-body';
import { heldReports } from './data.svelte';
import type { PreparedRows } from './query.svelte';

/**
 * A query's rows answered from every report held in the page (`answer`, the
 * same rows as the query): at once when they are held, when they are before
 * (usually well before DuckDB is up). If they cannot be held, the database
 * answers.
 */
export function heldAnswer<Row>(answer: (reports: ReportsByBody) => Row[]): PreparedRows<Row> | Promise<PreparedRows<Row> | null> {
  const rows = (reports: ReportsByBody) => ({ rows: answer(reports), final: true });
  const reports = heldReports();
  return reports instanceof Promise ? reports.then(rows, () => null) : rows(reports);
}

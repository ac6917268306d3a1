import type { ReportsByBody } from '../queries/held-reports';
import { heldReports } from './data.svelte';
import type { PreparedRows } from './query.svelte';

/**
 * A query's rows answered from every report held in the page (`answer`, the
 * same rows as the query): at once when they are held, when they are before
 * (usually well before DuckDB is up). If they cannot be held, or `answer`
 * gives null (what it needs is not held), the database answers. `cube`:
 * `answer` reads the reports' cells of the cell cube (decoded at the first
 * such ask).
 */
export function heldAnswer<Row>(answer: (reports: ReportsByBody) => Row[] | null, cube = false): PreparedRows<Row> | Promise<PreparedRows<Row> | null> | null {
  const rows = (reports: ReportsByBody) => {
    const answered = answer(reports);
    return answered ? { rows: answered, final: true } : null;
  };
  const reports = heldReports(cube);
  return reports instanceof Promise ? reports.then(rows, () => null) : rows(reports);
}

import type { ReportsByBody } from '../queries/held-reports';
import { data, heldReports } from './data.svelte';
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

/**
 * A query's rows from what the ingest prepared (`prepared`: the value, or a
 * promise of it; null when there is none to read), `fromPrepared` giving the
 * same rows as the query; else from the reports held in the page. Prepared
 * files know nothing of the report source nor of a year left out at load:
 * then, and when `usable` is false, the held reports answer.
 */
export function preparedAnswer<Prepared, Row>(
  usable: boolean,
  prepared: () => Prepared | null | Promise<Prepared | null>,
  fromPrepared: (file: Prepared) => Row[],
  fromHeld: (reports: ReportsByBody) => Row[] | null,
): PreparedRows<Row> | Promise<PreparedRows<Row> | null> | null {
  const held = () => heldAnswer(fromHeld);
  if (!usable || data.failed.length > 0) return held();
  const answer = (file: Prepared | null) => (file ? { rows: fromPrepared(file), final: true } : held());
  const file = prepared();
  return file instanceof Promise ? file.then(answer) : answer(file);
}

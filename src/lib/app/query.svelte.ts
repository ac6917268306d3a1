import { untrack } from 'svelte';
import type { Query } from '../queries/query';
import { data, runQuery } from './data.svelte';

export interface QueryState<Row> {
  rows: Row[];
  loading: boolean;
  error: string | null;
}

/** Rows a query gives, known without the database (computed at ingest). */
export interface PreparedRows<Row> {
  rows: Row[];
  /** They are the query's answer; when false, they are drawn until the database answers. */
  final: boolean;
}

/** Rows known without asking the database, at once or later, or null. */
export type PrepareRows<Row> = () => PreparedRows<Row> | Promise<PreparedRows<Row> | null> | null;

/** Raw rows: they are replaced, never changed in place; a deep proxy over thousands of rows made every read a proxy trap (seconds on 年度对比). */
class QueryRows<Row> implements QueryState<Row> {
  rows = $state.raw<Row[]>([]);
  loading = $state(true);
  error = $state<string | null>(null);
}

/**
 * Rows of a query that follows its inputs: when build() gives another query
 * (the filters changed), it runs again; a late answer to an old query is dropped.
 * prepared() may give rows without the database (or null); it is asked when
 * the query changes, so its answer must depend on the query alone.
 */
export function queryState<Row>(build: () => Query, prepared?: PrepareRows<Row>): QueryState<Row> {
  const state = new QueryRows<Row>();
  // Rows prepared from a damaged file (one that throws, at once or later) are none: the database answers, the page goes on.
  const preparedOrNone = () => {
    try {
      return prepared?.() ?? null;
    } catch {
      return null;
    }
  };
  // The query as text: the effect reruns when the query changes, not whenever something it was built from does (the URL …).
  const key = $derived(JSON.stringify(build()));
  $effect(() => {
    void data.generation; // the data loaded again (an import): ask again
    const query = JSON.parse(key) as Query;
    // Untracked: the effect follows the query alone, not whatever prepared() reads (the URL …).
    const early = untrack(preparedOrNone);
    // Rows known at once are drawn in this update, with no loading state in between.
    if (!(early instanceof Promise) && early?.final) {
      Object.assign(state, { rows: early.rows, loading: false, error: null });
      return;
    }
    let current = true;
    state.loading = true;
    // Rows prepared at ingest time are drawn before the database is even up, and when final, it is not asked.
    Promise.resolve(early)
      .catch(() => null)
      .then((known) => {
        if (!current) return []; // superseded before it ran: not sent to the database
        if (known?.final) return known.rows;
        if (known) {
          state.rows = known.rows;
          state.loading = false;
        }
        return runQuery<Row>(query);
      })
      .then(
        (rows) => {
          if (!current) return;
          state.rows = rows;
          state.error = null;
          state.loading = false;
        },
        (e: Error) => {
          if (!current) return;
          state.error = e.message;
          state.loading = false;
        },
      );
    return () => {
      current = false;
    };
  });
  return state;
}

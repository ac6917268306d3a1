import type { Query } from '../queries/query';
import { getDatabase } from './data.svelte';

export interface QueryState<Row> {
  rows: Row[];
  loading: boolean;
  error: string | null;
}

/**
 * Rows of a query that follows its inputs: when build() gives another query
 * (the filters changed), it runs again; a late answer to an old query is dropped.
 */
export function queryState<Row>(build: () => Query): QueryState<Row> {
  const state = $state<QueryState<Row>>({ rows: [], loading: true, error: null });
  $effect(() => {
    const { sql, params } = build();
    let current = true;
    state.loading = true;
    getDatabase()
      .then((db) => db.query<Row>(sql, params))
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

import { CONSOLIDATED_KIND, inScope, type Filters } from './filters';
import type { Query } from './query';

export interface LeftOutRow {
  /** Reports of the selection that do not count: another report of the same body and year does (DUPLICATE_REPORT). */
  duplicates: number;
  /** Consolidated reports the selection's region, level and years have, left out of the default view's sums. */
  consolidated: number;
}

/** What the sums of the selection leave out, and why: second reports of a body and year, and (with no kind chosen) consolidated reports. */
export function leftOut(filters: Filters): Query {
  const selected = inScope(filters, undefined, 'all');
  const consolidated = filters.kinds.length === 0 ? inScope({ ...filters, kinds: [CONSOLIDATED_KIND] }, undefined, 'all') : null;
  return {
    sql: `SELECT
  (SELECT COUNT(*) FROM reports WHERE ${selected.sql} AND superseded_by IS NOT NULL) AS duplicates,
  ${consolidated ? `(SELECT COUNT(*) FROM reports WHERE ${consolidated.sql})` : '0'} AS consolidated`,
    params: [...selected.params, ...(consolidated?.params ?? [])],
  };
}

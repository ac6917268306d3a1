import { scope, type Filters } from './filters';
import type { Query } from './query';

/** Columns of the filtered-data download, with their Chinese headers. */
export const EXPORT_COLUMNS = [
  ['body', '发布机关'],
  ['year', '年度'],
  ['template', '模板版本'],
  ['origin', '来源（real 真实 / synthetic 合成）'],
  ['table', '表'],
  ['item', '项'],
  ['row', '行'],
  ['col', '列'],
  ['value', '数值（金额为万元）'],
  ['state', '状态'],
  ['raw', '原文'],
  ['report_id', '报告编号'],
  ['source_file', '源文件'],
  ['superseded_by', '不计入合计（同一机关同一年度计入的报告编号）'],
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number][0], string | number | null>;

/** Every cell of the reports the filters select, with its report's metadata. */
export function filteredCells(filters: Filters): Query {
  const s = scope(filters);
  return {
    sql: `WITH ${s.sql}
SELECT s.body, s.year, s.template, s.origin, c."table" AS "table", c.item, c."row" AS "row", c.col, c.value, c.state, c.raw, c.report_id, r.source_file, r.superseded_by
FROM scope s JOIN cells c ON c.report_id = s.report_id JOIN reports r ON r.report_id = s.report_id
ORDER BY s.body, s.year, c.report_id`,
    params: s.params,
    cells: { from: filters.from, to: filters.to },
  };
}

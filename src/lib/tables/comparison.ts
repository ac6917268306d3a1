import type { Comparison } from '../analysis/compare';
import { formatDifference, formatPercentChange, formatValue } from '../format/numbers';
import type { Column } from './table';

/** Downloads keep numbers as numbers, rates and % changes to two decimals. */
const rounded = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
const withBase = (value: number | null, unit: string, base: number | null) => `${formatValue(value, unit)}${base !== null ? `（n=${base.toLocaleString('zh-CN')}）` : ''}`;

/** Columns of a year comparison: the first names the row (a metric, a body), then A, B, change, % change and why not. */
export function comparisonColumns<Row extends Comparison>(a: number, b: number, nameColumn: Omit<Column<Row>, 'key'>): Column<Row>[] {
  return [
    { key: 'name', ...nameColumn },
    { key: 'a', label: `${a} 年`, numeric: true, value: (r) => rounded(r.a), text: (r) => withBase(r.a, r.unitA, r.baseA) },
    { key: 'b', label: `${b} 年`, numeric: true, value: (r) => rounded(r.b), text: (r) => withBase(r.b, r.unitB, r.baseB) },
    { key: 'change', label: '变化', numeric: true, value: (r) => rounded(r.change), text: (r) => formatDifference(r.change, r.unitB) },
    { key: 'percent', label: '变化率', numeric: true, value: (r) => rounded(r.percent), text: (r) => formatPercentChange(r.percent) },
    { key: 'unit', label: '单位', value: (r) => (r.unitA === r.unitB ? r.unitA : `${r.unitA} / ${r.unitB}`) },
    { key: 'note', label: '说明', wrap: true, value: (r) => r.note ?? '' },
  ];
}

import {
  labelMatches,
  normalizeLabel,
  T3_COLUMNS,
  T3_GROUPS,
  T3_ROWS,
  type T3Group,
  type T3Row,
  type TemplateVersion,
} from '../template';
import { rowPage, type SourceCell } from './blocks';
import { onPage, unplacedRow, type PlacedCell } from './placed';
import { fitValues, lastNaming, splitRow, textValuesAfter, unpaddedWidths, valuesWithBlanks } from './rows';

const HEADER_WORDS = ['自然人', '商业企业', '申请人情况', '法人或其他组织'];
const TOP_LEVEL = T3_ROWS.filter((r) => !r.group && r.key !== 'other');
const IN_GROUPS = T3_ROWS.filter((r) => r.group);
const OTHER_2019 = T3_ROWS.find((r) => r.key === 'other')!;
// One set of key objects for every report's rows (nothing changes them).
const ROW_KEYS = new Map(T3_ROWS.map((r) => [r.key, T3_COLUMNS.map((c) => ({ table: 't3' as const, item: null, row: r.key, col: c.key }))]));

export interface T3Reading {
  cells: PlacedCell[];
  votes: TemplateVersion[];
  /** Row keys whose applicant split could not be read (flattened rows). */
  ambiguousRows: string[];
  /** Rows met twice with other figures the second time (a second copy of the table): the first copy is read. */
  conflicts: { row: string; first: string; second: string }[];
}

/**
 * Read t3 (依申请公开). Rows are matched by label with the group (（三）不予公开 …)
 * carried from the rows above, so both rowspan HTML and flattened text work.
 * A flattened row keeps only its non-empty texts: the last is 总计 (TEMPLATE.md),
 * the applicant columns of the rest are ambiguous.
 */
export function readT3(rows: SourceCell[][]): T3Reading {
  const result: T3Reading = { cells: [], votes: [], ambiguousRows: [], conflicts: [] };
  const seen = new Set<string>();
  let group: T3Group | null = null;
  const split = rows.map(splitRow);
  const unpadded = unpaddedWidths(split, T3_COLUMNS.length);
  for (const [r, cells] of rows.entries()) {
    const { labels } = split[r];
    if (labels.length === 0 || split[r].padded.length === 0) continue;
    let header = false;
    let groupHere: T3Group | undefined;
    const names = labels.map(normalizeLabel);
    for (const name of names) {
      const info = labelInfo(name);
      if (info.header) header = true;
      groupHere ??= info.group;
    }
    if (header) continue;
    if (groupHere) group = groupHere;
    const named = lastNaming(names, (name) => matchRow(name, group));
    if (!named) continue;
    const row = named.found;
    const values = valuesWithBlanks(textValuesAfter(split[r], named.at, T3_COLUMNS.length), T3_COLUMNS.length, unpadded);
    if (values.length === 0) continue;
    if (seen.has(row.key)) {
      const again = fitValues(values, T3_COLUMNS.length);
      const first = result.cells.filter((c) => c.key.row === row.key).map((c) => c.raw).join(' | ');
      const second = again.kind === 'placed' ? again.values.join(' | ') : again.present.join(' | ');
      if (again.kind === 'placed' && first !== second) result.conflicts.push({ row: row.key, first, second });
      continue;
    }
    if (!row.group && row.key !== 'other') group = null;
    seen.add(row.key);
    if (row.versions) result.votes.push(...row.versions);
    result.cells.push(...onPage(placeRow(row.key, values, result), rowPage(cells)));
  }
  return result;
}

function matchRow(label: string, group: T3Group | null): T3Row | undefined {
  let byLabel = rowByGroupAndLabel.get(group);
  if (!byLabel) rowByGroupAndLabel.set(group, (byLabel = new Map()));
  if (!byLabel.has(label)) {
    if (byLabel.size > 5000) byLabel.clear();
    byLabel.set(label, findRow(label, group));
  }
  return byLabel.get(label);
}

// Labels repeat across thousands of reports; matching them is the reader's main cost.
const rowByGroupAndLabel = new Map<T3Group | null, Map<string, T3Row | undefined>>();
const infoByLabel = new Map<string, { header: boolean; group: T3Group | undefined }>();

/** Whether a normalised label marks a header row, and the group it names. */
function labelInfo(label: string): { header: boolean; group: T3Group | undefined } {
  let info = infoByLabel.get(label);
  if (!info) {
    info = { header: HEADER_WORDS.some((w) => label.includes(w)) || label.startsWith('注'), group: T3_GROUPS.find((g) => labelMatches(label, g.match))?.key };
    if (infoByLabel.size > 5000) infoByLabel.clear();
    infoByLabel.set(label, info);
  }
  return info;
}

function findRow(label: string, group: T3Group | null): T3Row | undefined {
  return (
    TOP_LEVEL.find((r) => labelMatches(label, r.match)) ??
    IN_GROUPS.find((r) => r.group === group && labelMatches(label, r.match)) ??
    (group === 'other' && labelMatches(label, OTHER_2019.match) ? OTHER_2019 : undefined) ??
    IN_GROUPS.find((r) => r.key !== 'other.other' && labelMatches(label, r.match))
  );
}

function placeRow(row: string, values: string[], result: T3Reading): PlacedCell[] {
  const keys = ROW_KEYS.get(row)!;
  const fitted = fitValues(values, T3_COLUMNS.length);
  if (fitted.kind === 'placed') return keys.map((key, i) => ({ key, raw: fitted.values[i] }));
  const { present } = fitted;
  if (present.length > T3_COLUMNS.length) {
    result.ambiguousRows.push(row);
    return unplacedRow(keys, present);
  }
  if (present.length === 0) return unplacedRow(keys, present);
  const total = present[present.length - 1];
  if (present.length === 1) {
    // Only 总计 survived: every applicant cell was empty.
    return keys.map((key) => ({ key, raw: key.col === 'total' ? total : '' }));
  }
  result.ambiguousRows.push(row);
  return unplacedRow(keys, present.slice(0, -1), new Map([['total', total]]));
}

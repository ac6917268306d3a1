import { labelMatches, normalizeLabel, T2_ITEMS, T2_ROW_HEADER, type ColumnDef, type T2Item, type TemplateVersion } from '../template';
import { rowPage, type SourceCell } from './blocks';
import { headerMoneyUnit, type MoneyUnit } from './cell-value';
import { onPage, unplacedRow, type PlacedCell } from './placed';
import { fitValues, lastNaming, splitRow, textValuesAfter, unpaddedWidths, valuesWithBlanks, type SplitRow } from './rows';

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const ITEM_MARKER = /第二十条第\(?([一二三四五六七八九十]+)\)?项/;

interface HeaderColumn {
  def: ColumnDef;
  versions: TemplateVersion[];
  unit: MoneyUnit | null;
}

/** A t2 data row as read, before the template version is known. */
export interface T2Row {
  item: string;
  row: string;
  /** Columns named by the item's header row, or null to use the version's template order. */
  header: HeaderColumn[] | null;
  /** The row's values as splitRow gives them (a text row's trailing cells apart). */
  split: SplitRow;
  /** The PDF page of the row (1-based). */
  page?: number;
}

export interface T2Reading {
  rows: T2Row[];
  /** One entry per column or row this t2 uses that only one version's template has. */
  votes: TemplateVersion[];
}

/** Read t2 (主动公开) rows: item markers, header rows naming the columns, and data rows. */
export function readT2(rows: SourceCell[][]): T2Reading {
  const result: T2Reading = { rows: [], votes: [] };
  let item: string | null = null;
  let header: HeaderColumn[] | null = null;
  for (const cells of rows) {
    let split = splitRow(cells);
    const { labels, values } = split;
    const rest: string[] = [];
    // Where each of rest stands among the labels (item markers are left out of rest).
    const restAt: number[] = [];
    let marked: string | null = null;
    labels.forEach((label, at) => {
      const normalized = normalizeLabel(label);
      const itemHere = itemMarked(normalized);
      if (itemHere === null) rest.push(normalized) && restAt.push(at);
      else marked ??= itemHere;
    });
    if (marked) {
      item = marked;
      header = null;
    }
    if (rest.length === 0) continue;
    const found = findRow(rest[rest.length - 1], item);
    const headed = rest[0] === T2_ROW_HEADER;
    const words = headed ? rest.slice(1) : rest;
    const named: HeaderColumn[] = headed || values.every((v) => v === '') ? readHeader(words, item) : [];
    // A header row: 信息内容 first, or labels that are all column names (采购项目数量 | 采购总金额（元）), or no row of the template.
    if (headed || (named.length > 0 && named.length === words.length) || (!found && values.every((v) => v === ''))) {
      if (named.length > 0) header = named;
      for (const h of named) if (h.versions.length === 1) result.votes.push(h.versions[0]);
      continue;
    }
    // A row whose first value is text (=HYPERLINK("x")): the label naming the row is an earlier one, the rest are its values.
    const naming = found ? null : lastNaming(rest, (name) => findRow(name, item) ?? undefined);
    if (naming && header) split = textValuesAfter(split, restAt[naming.at], header.length);
    const row: { item: string; row: string } | null = found ?? (naming && split.values.length === header?.length ? naming.found : null);
    if (!row || split.values.length === 0) continue;
    item = row.item;
    const rowVersions = versionsOfRow(row);
    if (rowVersions.length === 1) result.votes.push(rowVersions[0]);
    result.rows.push({ item: row.item, row: row.row, header, split, page: rowPage(cells) });
  }
  return result;
}

// Per normalised label: the item its 第二十条第（x）项 marker names, or null.
const itemByLabel = new Map<string, string | null>();

function itemMarked(label: string): string | null {
  let item = itemByLabel.get(label);
  if (item === undefined) {
    const marker = ITEM_MARKER.exec(label);
    item = marker ? `art20_${chineseNumber(marker[1])}` : null;
    if (itemByLabel.size > 5000) itemByLabel.clear();
    itemByLabel.set(label, item);
  }
  return item;
}

// The template versions that have a row (one row object per distinct row: findRow's results are cached).
const versionsByRow = new Map<{ item: string; row: string }, TemplateVersion[]>();

function versionsOfRow(found: { item: string; row: string }): TemplateVersion[] {
  let versions = versionsByRow.get(found);
  if (!versions) {
    versions = T2_ITEMS.filter((i) => i.item === found.item && i.rows.some((r) => r.key === found.row)).map((i) => i.version);
    if (versionsByRow.size > 5000) versionsByRow.clear();
    versionsByRow.set(found, versions);
  }
  return versions;
}

function chineseNumber(numeral: string): number {
  if (numeral.length === 1) return NUMERALS[numeral];
  return numeral.startsWith('十') ? 10 + (NUMERALS[numeral[1]] ?? 0) : NUMERALS[numeral[0]] * 10 + (NUMERALS[numeral[2]] ?? 0);
}

function readHeader(labels: string[], item: string | null): HeaderColumn[] {
  const key = `${item}\u0000${labels.join('\u0000')}`;
  if (!headerByLabels.has(key)) {
    if (headerByLabels.size > 5000) headerByLabels.clear();
    headerByLabels.set(key, matchHeader(labels, item));
  }
  return headerByLabels.get(key)!;
}

const headerByLabels = new Map<string, HeaderColumn[]>();

function matchHeader(labels: string[], item: string | null): HeaderColumn[] {
  const items = T2_ITEMS.filter((i) => !item || i.item === item);
  return labels.flatMap((label) => {
    const owners = items.filter((i) => i.cols.some((c) => labelMatches(label, c.match)));
    if (owners.length === 0) return [];
    const def = owners[0].cols.find((c) => labelMatches(label, c.match))!;
    const versions = owners.filter((i) => i.cols.some((c) => c.key === def.key)).map((i) => i.version);
    return [{ def, versions, unit: def.money ? headerMoneyUnit(label) : null }];
  });
}

function findRow(label: string, item: string | null): { item: string; row: string } | null {
  let byLabel = rowByItemAndLabel.get(item);
  if (!byLabel) rowByItemAndLabel.set(item, (byLabel = new Map()));
  if (!byLabel.has(label)) {
    if (byLabel.size > 5000) byLabel.clear();
    byLabel.set(label, matchRow(label, item));
  }
  return byLabel.get(label)!;
}

// Labels repeat across thousands of reports: match each once.
const rowByItemAndLabel = new Map<string | null, Map<string, { item: string; row: string } | null>>();

function matchRow(label: string, item: string | null): { item: string; row: string } | null {
  const candidates = T2_ITEMS.filter((i) => !item || i.item === item);
  for (const it of [...candidates, ...T2_ITEMS]) {
    const row = it.rows.find((r) => labelMatches(label, r.match));
    if (row) return { item: it.item, row: row.key };
  }
  return null;
}

/** Place t2 rows on their columns once the version is known. */
export function placeT2(rows: T2Row[], version: TemplateVersion): { cells: PlacedCell[]; ambiguousRows: string[] } {
  const ambiguousRows: string[] = [];
  const columnsOf = ({ item, header }: T2Row) => (header && header.length > 0 ? header : (T2_ITEMS.find((i) => i.item === item && i.version === version)?.cols ?? []).map((def) => ({ def, unit: null })));
  const columns = rows.map(columnsOf);
  // An item's rows of one width of columns: whether they are padded is told once for them all.
  const unpaddedByItem = new Map<string, Set<number>>();
  const unpaddedOf = (r: number) => {
    const key = `${rows[r].item}\u0000${columns[r].length}`;
    let widths = unpaddedByItem.get(key);
    if (!widths) {
      const same = rows.flatMap((other, o) => (other.item === rows[r].item && columns[o].length === columns[r].length ? [other.split] : []));
      unpaddedByItem.set(key, (widths = unpaddedWidths(same, columns[r].length)));
    }
    return widths;
  };
  const cells = rows.flatMap((row, r) =>
    onPage(placeRow(row.item, row.row, columns[r], valuesWithBlanks(row.split, columns[r].length, unpaddedOf(r))), row.page),
  );
  return { cells, ambiguousRows };

  function placeRow(item: string, row: string, columns: { def: ColumnDef; unit: MoneyUnit | null }[], values: string[]): PlacedCell[] {
    const keys = columns.map((c) => ({ table: 't2' as const, item, row, col: c.def.key }));
    const money = (i: number) => (columns[i].def.money ? { money: { headerUnit: columns[i].unit } } : {});
    const fitted = fitValues(values, columns.length);
    if (fitted.kind === 'placed') return keys.map((key, i) => ({ key, raw: fitted.values[i], ...money(i) }));
    if (fitted.present.length > 0) ambiguousRows.push(`t2.${item}.${row}`);
    return unplacedRow(keys, fitted.present);
  }
}

import {
  cellRef,
  inTemplate,
  cellNames,
  cellName,
  refsByRow,
  labelMatches,
  RULE_BY_ID,
  TABLE_HEADINGS,
  TEMPLATE_CELLS,
  templateIndexOf,
  versionForYear,
  type Cell,
  type Finding,
  type RuleId,
  type TableId,
  type TemplateVersion,
} from '../template';
import { appendAll } from './arrays';
import { htmlBlocks } from './html-blocks';
import { looksLikeHtml, textBlocks, type Block, type SourceCell } from './blocks';
import { readCell, type CellReading } from './cell-value';
import { decodeReport, type DecodedReport } from './decode';
import { detectMeta, titleYear } from './metadata';
import type { PlacedCell } from './placed';
import { reportId } from './report-id';
import { placeT2, readT2 } from './t2';
import { readT3 } from './t3';
import { readT4 } from './t4';
import { ReportError, type ManifestEntry, type ParsedReport, type SourceEncoding, type SourceFormat, type SourceInfo } from './types';

export interface ReportInput {
  bytes: Uint8Array;
  source: SourceInfo;
  /** What a manifest says of this file; without it, body and year are read off the text. */
  manifest?: ManifestEntry;
}

/** One report file → every cell of its template, keyed as TEMPLATE.md, with what the reader met. */
export function parseReport({ bytes, ...input }: ReportInput): ParsedReport {
  return parseDecoded({ decoded: decodeReport(bytes), ...input });
}

/** parseReport of a file already decoded (decodeReport), for callers that keep its text. */
export function parseDecoded({ decoded: { text, encoding }, ...input }: Omit<ReportInput, 'bytes'> & { decoded: DecodedReport }): ParsedReport {
  const format = looksLikeHtml(text) ? 'html' : 'text';
  return parseBlocks({ blocks: format === 'html' ? htmlBlocks(text) : textBlocks(text), format, encoding, ...input });
}

export interface BlocksInput extends Omit<ReportInput, 'bytes'> {
  /** The file as prose lines and table rows, whatever its format. */
  blocks: Block[];
  format: SourceFormat;
  /** The text encoding, for text and HTML; 'binary' for PDF and Word, which carry their own. */
  encoding: SourceEncoding;
}

/** A report's blocks → every cell of its template, keyed as TEMPLATE.md, with what the reader met. */
export function parseBlocks({ blocks, format, encoding, source, manifest }: BlocksInput): ParsedReport {
  const tables = classifyTables(blocks);
  if (!tables.t2 && !tables.t3 && !tables.t4)
    throw new ReportError('not_a_report', '找不到年度报告的任何表格（主动公开、依申请公开、复议诉讼）：这不像政府信息公开工作年度报告（no report tables found）');

  const proseLines: string[] = [];
  for (const b of blocks) if (b.kind === 'text') proseLines.push(b.text);
  const detected = manifest ? null : detectMeta(proseLines);
  const meta = manifest ?? { body: detected?.body ?? UNKNOWN_BODY, year: detected?.year ?? 0 };
  const t2 = readT2(tables.t2 ?? []);
  const t3 = readT3(tables.t3 ?? []);
  const t4 = readT4(tables.t4 ?? []);
  const versions = decideVersions({ t2: t2.votes, t3: t3.votes }, meta.year);
  const template = versions.report;
  const t2Placed = placeT2(t2.rows, versions.tables.t2);
  const placed = t2Placed.cells.concat(t3.cells, t4.cells);

  const id = reportId(source.file, meta.body, meta.year);
  const findings: Finding[] = [];
  const note = (rule: RuleId, cells: string[], message: string, expected: number | null = null, actual: number | null = null) =>
    findings.push({ rule, severity: RULE_BY_ID[rule].severity, reportId: id, cells, expected, actual, message, relatedReportId: null });

  if (versions.mix) note('VERSION_MIX', [], versions.mix);
  if (manifest) {
    const stated = titleYear(proseLines);
    if (stated && stated !== manifest.year)
      note('META_CONFLICT', [], `清单写 ${manifest.year} 年，报告标题写 ${stated} 年：请核对清单`, manifest.year, stated);
    else if (template !== versionForYear(manifest.year))
      note('META_CONFLICT', [], `清单写 ${manifest.year} 年，表格却按 ${template} 版模板填写（${manifest.year} 年度报告应按 ${versionForYear(manifest.year)} 版）：请核对清单的年度`, manifest.year, null);
  }
  if (t3.conflicts.length > 0)
    note('DUPLICATE_TABLE', t3.conflicts.map((c) => `t3.${c.row}`), `表格“${TABLE_HEADINGS.t3}”的行出现了两次且数字不同，读取的是第一次：${t3.conflicts.map((c) => `${cellName(`t3.${c.row}`)}：“${c.first}” / “${c.second}”`).join('；')}`);
  const ambiguousRows = [...t2Placed.ambiguousRows, ...t3.ambiguousRows.map((row) => `t3.${row}`), ...(t4.ambiguous ? ['t4'] : [])];
  if (ambiguousRows.length > 0) note('AMBIGUOUS_SPLIT', ambiguousRows, '原文丢失了空单元格：这些行只确定总计，其余数字属于哪一列无法确定');

  const { cells, missingByTable, unreadable, inferred } = assembleCells(placed, versions.tables);
  if (unreadable.length > 0)
    note('UNREADABLE_CELL', unreadable.map(cellRef), `无法识别的单元格：${unreadable.map((c) => `${cellName(cellRef(c))}“${c.raw}”`).join('，')}`);
  if (inferred.length > 0)
    note('MONEY_UNIT_INFERRED', inferred.map(cellRef), `金额未写单位，按位数读作“元”：${inferred.map((c) => c.raw).join('，')}`);
  for (const table of ['t2', 't3', 't4'] as const) {
    const missing = missingByTable.get(table) ?? [];
    const refs = missing.map((i) => TEMPLATE_CELLS[i].ref);
    if (!tables[table]) note('TABLE_MISSING', refs, `缺少表格“${TABLE_HEADINGS[table]}”`);
    else if (refs.length > 0) note('CELLS_MISSING', refs, `表格“${TABLE_HEADINGS[table]}”缺少 ${refs.length} 个单元格（表格可能被截断）：${cellNames(refsByRow(missing))}`);
  }

  const report: ParsedReport = {
    id,
    body: meta.body,
    year: meta.year,
    region: manifest?.region ?? null,
    level: manifest?.level ?? null,
    kind: manifest ? manifest.kind : detected?.kind ?? null,
    origin: manifest?.origin ?? 'real',
    metaSource: manifest ? 'manifest' : 'detected',
    template,
    source: { file: source.file, sha256: source.sha256, bytes: source.bytes, format, encoding },
    cells,
    prose: proseLines.join('\n'),
    findings,
  };
  const missing = [!detected?.body && !manifest && 'body', !detected?.year && !manifest && 'year'].filter((m): m is 'body' | 'year' => !!m);
  if (missing.length > 0) throw new MetadataMissing(report, missing);
  return report;
}

/**
 * Which table is which, by what it contains (headings move around; contents
 * do not). A table with none of the words, right after one of the three (no
 * prose between but 续表), is its continuation when it reads as part of it: a
 * table split at a page break.
 */
function classifyTables(blocks: Block[]): Partial<Record<TableId, SourceCell[][]>> {
  const found: Partial<Record<TableId, SourceCell[][]>> = {};
  let previous: TableId | null = null;
  // t4's first header row (行政复议 | 行政诉讼) alone before a page break: t4 if the part after it has the outcomes.
  let t4Head: SourceCell[][] | null = null;
  for (const block of blocks) {
    if (block.kind !== 'table') {
      if (!CONTINUED.test(block.text)) previous = t4Head = null;
      continue;
    }
    let text = '';
    for (const row of block.rows) for (const cell of row) text += cell.text;
    if (/\s/.test(text)) text = text.replace(/\s+/g, '');
    const reviews = labelMatches(text, TABLE_WORDS.t4);
    const outcomes = labelMatches(text, TABLE_WORDS.t4Outcome);
    const table: TableId | null = labelMatches(text, TABLE_WORDS.t3)
      ? 't3'
      : (reviews || t4Head) && outcomes
        ? 't4'
        : labelMatches(text, TABLE_WORDS.t2)
          ? 't2'
          : previous && continues(previous, block.rows)
            ? previous
            : null;
    if (table === 't4' && t4Head) appendAll((found.t4 ??= []), t4Head);
    if (table) appendAll((found[table] ??= []), block.rows);
    t4Head = !table && reviews ? block.rows : null;
    previous = table;
  }
  return found;
}

/** Whether rows read as part of the table: a row of its template (t2, t3), or t4's full row of values. */
function continues(table: TableId, rows: SourceCell[][]): boolean {
  if (table === 't2') return readT2(rows).rows.length > 0;
  if (table === 't3') return readT3(rows).cells.length > 0;
  const t4 = readT4(rows);
  return t4.cells.length > 0 && !t4.ambiguous;
}

/** A line that says the table goes on: 续表, （续表）, 续上表. */
const CONTINUED = /^[（(]?续上?表[）)]?[:：]?$/;

/** Words that tell the tables apart, whitespace removed. */
const TABLE_WORDS = {
  t3: ['本年新收', '申请人情况', '上年结转'],
  t4: ['行政复议'],
  t4Outcome: ['维持', '纠正'],
  t2: ['第二十条', '信息内容', '行政许可', '规范性文件', '集中采购'],
};

/** Body and year the text does not tell: the report is read, then refused with MetadataMissing. */
const UNKNOWN_BODY = '（未识别）';

/** A report read whole but whose body or year the text does not tell: `parse` shows it; `ingest` refuses it. */
export class MetadataMissing extends ReportError {
  constructor(
    readonly report: ParsedReport,
    readonly missing: ('body' | 'year')[],
  ) {
    const words = missing.map((m) => (m === 'body' ? '发布机关' : '年度')).join('和');
    super('no_metadata', `无法从正文识别${words}：请在清单（manifest.csv：file,body,year）中写明（cannot tell the issuing ${missing.join(' and ')}）`);
  }
}

interface Versions {
  /** The report's version: what most of its tables follow; the year's when they are split or say nothing. */
  report: TemplateVersion;
  /** The version each table follows: its own rows and columns where they say, else the report's. */
  tables: Record<TableId, TemplateVersion>;
  /** What VERSION_MIX says, when the tables follow different versions or one table mixes them. */
  mix: string | null;
}

/**
 * The template versions: each table's from its own rows and columns (t4 is the
 * same in both), the report's from all its tables, the year breaking a tie.
 */
export function decideVersions(votes: Record<'t2' | 't3', TemplateVersion[]>, year: number): Versions {
  const said: Partial<Record<TableId, TemplateVersion>> = {};
  const mixed: string[] = [];
  for (const table of ['t2', 't3'] as const) {
    const v2019 = votes[table].filter((v) => v === '2019').length;
    const v2021 = votes[table].length - v2019;
    if (v2019 !== v2021) said[table] = v2019 > v2021 ? '2019' : '2021';
    if (v2019 > 0 && v2021 > 0) mixed.push(`${table} 同时有2019版（${v2019} 处）和2021版（${v2021} 处）的行或列`);
  }
  const sayings = Object.values(said);
  const for2019 = sayings.filter((v) => v === '2019').length;
  const for2021 = sayings.length - for2019;
  const report: TemplateVersion = for2019 === for2021 ? versionForYear(year) : for2019 > for2021 ? '2019' : '2021';
  const tables = { t2: said.t2 ?? report, t3: said.t3 ?? report, t4: report };
  if (for2019 > 0 && for2021 > 0) mixed.unshift(`${(['t2', 't3'] as const).map((t) => `${t} 按${tables[t]}版`).join('，')}填写`);
  const mix = mixed.length > 0 ? `${mixed.join('；')}；报告按${report}版读取${for2019 === for2021 && year ? `（${year} 年度）` : ''}，每个表格按它自己的版本检查` : null;
  return { report, tables, mix };
}

/**
 * Every template cell of either version, in template order: read, missing (the
 * version its table follows has it, the source does not), or not_in_template.
 */
function assembleCells(placed: PlacedCell[], versions: Record<TableId, TemplateVersion>) {
  const slots: (PlacedCell | undefined)[] = new Array(TEMPLATE_CELLS.length);
  for (const p of placed) {
    const i = templateIndexOf(p.key);
    if (i !== undefined && !slots[i]) slots[i] = p;
  }
  const cells: Cell[] = [];
  // TEMPLATE_CELLS positions of the cells missing, by table.
  const missingByTable = new Map<TableId, number[]>();
  const unreadable: Cell[] = [];
  const inferred: Cell[] = [];
  TEMPLATE_CELLS.forEach((tc, templateIndex) => {
    const p = slots[templateIndex];
    const { table, item, row, col } = tc;
    if (!p) {
      const state = inTemplate(tc, versions[table]) ? 'missing' : 'not_in_template';
      cells.push({ table, item, row, col, templateIndex, value: null, state, raw: null });
      if (state === 'missing') missingByTable.get(table)?.push(templateIndex) ?? missingByTable.set(table, [templateIndex]);
      return;
    }
    const reading: CellReading = p.ambiguous ? { state: 'ambiguous', value: null } : readCell(p.raw, p.money ?? null);
    const cell: Cell = { table, item, row, col, templateIndex, value: reading.value, state: reading.state, raw: p.raw };
    if (p.page) cell.page = p.page;
    cells.push(cell);
    if (reading.note === 'unreadable') unreadable.push(cell);
    if (reading.note === 'unitInferred') inferred.push(cell);
  });
  return { cells, missingByTable, unreadable, inferred };
}


import { CUBE_CELL_COLUMNS, CUBE_CELL_REFS, SHOWN_STATES, stateCountColumn, SUMMED_COLUMNS, UNDETERMINED_COLUMN } from '../template';

/**
 * The dataset's tables (documented in README, "Data model"). Column names
 * are snake_case so that DuckDB, Spark or Trino read the same files unchanged.
 */
export type ColumnType = 'string' | 'int16' | 'int32' | 'float64';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  nullable: boolean;
  doc: string;
  /**
   * Written with Parquet dictionary pages: values that repeat. Smaller files,
   * and read back 5× faster (the reader rebuilds the Arrow dictionary from the
   * pages instead of hashing every string) for the same write time.
   */
  dictionary?: boolean;
}

const utf8 = (name: string, doc: string, nullable = false, dictionary = false): ColumnSpec => ({ name, type: 'string', nullable, doc, dictionary });

export const REPORT_COLUMNS: readonly ColumnSpec[] = [
  utf8('report_id', 'stable id: hash of source file, body and year'),
  utf8('body', 'issuing body (发布机关)', false, true),
  { name: 'year', type: 'int16', nullable: false, doc: 'report year' },
  utf8('template', "template version the tables follow: '2019' | '2021'", false, true),
  utf8('region', 'region, from the manifest', true, true),
  utf8('level', 'administrative level, from the manifest', true, true),
  utf8('kind', 'department | government | consolidated …, from the manifest', true, true),
  utf8('origin', "'real' | 'synthetic'", false, true),
  utf8('meta_source', "where body and year came from: 'manifest' | 'detected'", false, true),
  utf8('source_file', 'source file, relative to the manifest folder or ingest root'),
  utf8('source_sha256', 'SHA-256 of the source file bytes'),
  utf8('source_format', "'text' | 'html' | 'pdf' | 'docx' | 'doc'", false, true),
  utf8('source_encoding', "'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be'; 'binary' for PDF and Word", false, true),
  { name: 'source_bytes', type: 'int32', nullable: false, doc: 'source file size' },
  utf8('status', "worst finding: 'ok' | 'warning' | 'error'", false, true),
  { name: 'n_errors', type: 'int32', nullable: false, doc: 'findings of severity error' },
  { name: 'n_warnings', type: 'int32', nullable: false, doc: 'findings of severity warning' },
  utf8('superseded_by', 'null when the report counts in sums; else the report of the same body and year that does (a DUPLICATE_REPORT: the more complete one, see checks/cross-year.ts)', true),
];

export const CELL_COLUMNS: readonly ColumnSpec[] = [
  utf8('report_id', 'the report', false, true),
  utf8('table', "'t2' | 't3' | 't4'", false, true),
  utf8('item', 't2 item (art20_1 …); null for t3 and t4', true, true),
  utf8('row', 'row key (TEMPLATE.md); t4: the group', false, true),
  utf8('col', 'column key (TEMPLATE.md)', false, true),
  { name: 'value', type: 'float64', nullable: true, doc: "the number (money in 万元); null unless state = 'value'", dictionary: true },
  utf8('state', "'value' | 'slash' | 'dash' | 'blank' | 'not_in_template' | 'ambiguous' | 'missing'", false, true),
  utf8('raw', 'the text as the source wrote it (ambiguous: the unplaced texts of the row); null for not_in_template and missing', true, true),
  { name: 'page', type: 'int16', nullable: true, doc: "the PDF page the cell's text is on (1-based); null for other formats and cells not found" },
];

/**
 * A summary file's rows: the cells the dashboard sums over many reports
 * (isSummaryCell), as numbers the site inserts as they are. The cells files
 * hold the same cells with their keys and text, for everyone else.
 */
export const SUMMARY_CELL_COLUMNS: readonly ColumnSpec[] = [
  { name: 'report_no', type: 'int32', nullable: false, doc: "the report's position in reports.parquet, from 1" },
  { name: 'cell', type: 'int16', nullable: false, doc: "the cell's position in the template's list of cells (template/cells.ts TEMPLATE_CELLS)" },
  { name: 'value', type: 'float64', nullable: true, doc: "as the cells' value" },
  { name: 'state', type: 'int16', nullable: false, doc: "the cell's state, as its position in 'value' | 'slash' | 'dash' | 'blank' | 'not_in_template' | 'ambiguous' | 'missing'" },
];

/**
 * Each report's measures (template/measures.ts), summed when the dataset is
 * written, and its cells counted by state: the pages that chart many reports
 * read these, not the cells.
 */
export const MEASURE_COLUMNS: readonly ColumnSpec[] = [
  utf8('report_id', 'the report (one row per report, in the order of reports.parquet)'),
  { name: 'procurement_reports', type: 'int32', nullable: false, doc: '1 when the report\'s template has procurement (2021), else 0' },
  ...SUMMED_COLUMNS.map((key): ColumnSpec => ({ name: key, type: 'float64', nullable: true, doc: key.endsWith('_reports') ? "1 when the report has every cell of the rate's part and base, else 0" : key.endsWith('_part') || key.endsWith('_base') ? "a rate's part or base (null unless the report has every cell of both)" : 'the measure summed over its cells (null: none has a value)' })),
  ...SHOWN_STATES.map((state): ColumnSpec => ({ name: stateCountColumn(state), type: 'int32', nullable: false, doc: `the report's cells in state '${state}'` })),
];

/**
 * Each report's cells of the cell cube (template/cube-cells.ts): the page
 * reads them when a view first needs them (a choice of bodies' t3 and t4
 * cells, reasons per body) and sums them with no query; DuckDB does not load them.
 */
export const CUBE_CELL_FILE_COLUMNS: readonly ColumnSpec[] = [
  utf8('report_id', 'the report (one row per report, in the order of reports.parquet)'),
  ...CUBE_CELL_REFS.map((ref, k): ColumnSpec => ({ name: CUBE_CELL_COLUMNS[k], type: 'float64', nullable: true, doc: `the value of cell ${ref} (null: none)` })),
  { name: UNDETERMINED_COLUMN, type: 'float64', nullable: true, doc: 'the new requests (t3.new.total) its applicant split leaves undetermined, the known parts taken away (null unless a part is ambiguous)' },
];

export const FINDING_COLUMNS: readonly ColumnSpec[] = [
  utf8('report_id', 'the report the finding is on'),
  utf8('rule', 'rule id (template/rules.ts)', false, true),
  utf8('severity', "'error' | 'warning' | 'info'", false, true),
  utf8('cells', 'cell references involved, space-separated (t3.new.total …)'),
  { name: 'expected', type: 'float64', nullable: true, doc: 'what the rule expects' },
  { name: 'actual', type: 'float64', nullable: true, doc: 'what the report says' },
  utf8('message', 'the finding in words (zh-CN)'),
  utf8('related_report_id', 'the other report a cross-year rule compared with', true),
  utf8('unchecked_rule', 'NOT_EVALUATED: the rule that could not be evaluated (its cells are missing or ambiguous)', true, true),
];

/**
 * dataset.json's schema_version: the site reads datasets of this version only.
 * 2: cells in state 'missing', reports.superseded_by, findings.unchecked_rule.
 * 3: measures.parquet and the summary files.
 * 4: the cells and summary files in hive-style partition folders (cells/year=2019/…).
 * 5: each report's cells of the cell cube (cube-cells.parquet).
 */
export const DATASET_SCHEMA_VERSION = 5;

/**
 * The files of a dataset folder. The pages that chart many reports load the
 * reports, their measures and the summary cells; the cells themselves (with
 * their text) are loaded when a page first needs them (a report, a download),
 * split by report year so that only those years are. dataset.json names the files of the dataset:
 * each Parquet file is written under its name with its content's hash
 * (`reports.3f2a9c1b0d4e.parquet`, see `versioned`), so an ingest writes a new
 * dataset beside the old one and switches to it by replacing dataset.json
 * alone. The names below are the files' logical names.
 */
export const DATASET_FILES = {
  description: 'dataset.json',
  reports: 'reports.parquet',
  findings: 'findings.parquet',
  measures: 'measures.parquet',
  /** Each report's cells of the cell cube (CUBE_CELL_FILE_COLUMNS), read by the page alone. */
  cubeCells: 'cube-cells.parquet',
  /** The files the page holds (queries/held-reports.ts), decoded first in this order: the others refer to the reports. */
  held: ['reports.parquet', 'measures.parquet', 'findings.parquet'] as readonly string[],
  /**
   * A year's cells, in a hive-style partition folder (`cells/year=2019/`):
   * DuckDB, Spark or Trino read the folder of folders with the year as a column.
   */
  cells: (year: number) => `cells/year=${year}/cells.parquet`,
  cellsPattern: /^cells\/year=(\d{4})\/cells(?:\.[0-9a-f]{12})?\.parquet$/,
  /** A year's summary cells (SUMMARY_CELL_COLUMNS), partitioned as the cells. */
  summary: (year: number) => `summary/year=${year}/summary.parquet`,
  summaryPattern: /^summary\/year=(\d{4})\/summary(?:\.[0-9a-f]{12})?\.parquet$/,
  /**
   * A year's sums per body (template/body-years.ts), partitioned as the cells:
   * JSON, which the page reads itself (no decoder to wait for). Named with its hash, as the Parquet files.
   */
  bodyYears: (year: number) => `body-years/year=${year}/body-years.json`,
  bodyYearsPattern: /^body-years\/year=(\d{4})\/body-years(?:\.[0-9a-f]{12})?\.json$/,
  /**
   * A group of bodies' sums for every year (template/body-years.ts BodyGroup):
   * a body's page reads its group's file alone (bodyGroupOf), not every year's.
   */
  bodyGroup: (group: number) => `body-groups/group=${group}/body-group.json`,
  bodyGroupPattern: /^body-groups\/group=(\d+)\/body-group(?:\.[0-9a-f]{12})?\.json$/,
  /** The files only the page reads (the body-year and body-group files), not loaded into DuckDB. */
  pageOnly: (name: string): boolean => DATASET_FILES.bodyYearsPattern.test(name) || DATASET_FILES.bodyGroupPattern.test(name),
  /** The folders of the partitioned files. */
  partitioned: ['cells', 'summary', 'body-years', 'body-groups'],
  /**
   * Any file an ingest writes under its hash (the Parquet files, the body
   * years and groups; the ones a new dataset does not list are removed after the switch), and the flat names of schema 3
   * (`cells-2019.<hash>.parquet`), which the next ingest removes.
   */
  versionedPattern: /^(?:(?:reports|findings|measures|cube-cells|cells\/year=\d{4}\/cells|summary\/year=\d{4}\/summary|(?:cells|summary)-\d{4})(?:\.[0-9a-f]{12})?\.parquet|(?:body-years\/year=\d{4}\/body-years|body-groups\/group=\d+\/body-group)(?:\.[0-9a-f]{12})?\.json)$/,
  /** The name a file is written under: its logical name with the first 12 hex digits of its SHA-256. */
  versioned: (name: string, sha256: string) => name.replace(/\.(parquet|json)$/, `.${sha256.slice(0, 12)}.$1`),
  /** A file's logical name (reports.parquet) from the name it was written under. */
  logical: (name: string) => name.replace(/\.[0-9a-f]{12}(\.parquet|\.json)$/, '$1'),
  /** A report's text as read (decoded; HTML as markup), UTF-8 with a BOM, named by reports.source_sha256. */
  source: (sha256: string) => `sources/${sha256}.txt`,
  /** A PDF or Word report as published, beside the text read from it. */
  original: (sha256: string, format: string) => `sources/${sha256}.${format}`,
  sources: 'sources',
  sourcePattern: /^sources\/[0-9a-f]{64}\.(?:txt|pdf|docx|doc)$/,
} as const;

/** About so many bodies to a body-group file, and at most so many files: a body's page reads some hundred kB, the listing stays short. */
const BODIES_PER_GROUP = 256;
const MAX_BODY_GROUPS = 256;

/** How many body-group files a dataset of so many bodies has. */
export function bodyGroupCount(bodies: number): number {
  return Math.min(MAX_BODY_GROUPS, Math.max(1, Math.ceil(bodies / BODIES_PER_GROUP)));
}

/** The body-group file holding a body, of `groups`: FNV-1a over its name's UTF-16 code units, the same at ingest and in the page. */
export function bodyGroupOf(body: string, groups: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < body.length; i++) hash = Math.imul(hash ^ body.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % groups;
}

/** reports.source_format as the report page names it. */
export const SOURCE_FORMAT_LABELS: Record<string, string> = { text: '文本', html: 'HTML', pdf: 'PDF', docx: 'Word（DOCX）', doc: 'Word（DOC）' };

/** How a table's columns are written to Parquet. */
export interface ParquetLayout {
  /** Columns written with dictionary pages. */
  dictionary: string[];
  /**
   * Columns with min/max statistics: the numbers only. A text column's min and
   * max skip nothing here (report ids are hashes; the key columns repeat in
   * every report), and computing them took 40 % of the time spent writing the cells.
   */
  statistics: string[];
}

export function parquetLayout(specs: readonly ColumnSpec[]): ParquetLayout {
  return { dictionary: specs.filter((s) => s.dictionary).map((s) => s.name), statistics: specs.filter((s) => s.type !== 'string').map((s) => s.name) };
}

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { tableToIPC } from 'apache-arrow';
import { checkAcrossYears, type CarryFacts } from '../checks';
import { CUBE_CELL_REFS, isSummaryCell, MEASURE_DEFINITIONS, SHOWN_STATES, TEMPLATE_CELLS, type Finding } from '../template';
import type { DatasetBuilder } from './builder';
import { bodyYearFiles } from './body-years';
import { cellCube, overviewCube, PREPARED_OVERVIEW, qualityCube } from './overview';
import type { ParquetJob } from './parquet-job';
import { cubeCellFileColumns, measureFileColumns } from './report-measures';
import { CELL_COLUMNS, CUBE_CELL_FILE_COLUMNS, DATASET_FILES, DATASET_SCHEMA_VERSION, FINDING_COLUMNS, MEASURE_COLUMNS, parquetLayout, REPORT_COLUMNS, SUMMARY_CELL_COLUMNS } from './schema';

/** A file of the dataset folder, as written. */
export interface DatasetFile {
  name: string;
  bytes: Uint8Array;
}

/** A file written under its hash (DATASET_FILES.versioned): what dataset.json lists of it, and its bytes. */
export interface HashedFile extends DatasetFile {
  sha256: string;
}

/** What dataset.json lists of a file written under its hash, once its bytes are let go (the ingest writes them as they are made). */
export type ListedFile = Pick<HashedFile, 'name' | 'sha256'> & { size: number };

/** A file under its versioned name, with its hash. */
export function hashedFile(name: string, bytes: Uint8Array): HashedFile {
  const sha256 = sha256Hex(bytes);
  return { name: DATASET_FILES.versioned(name, sha256), bytes, sha256 };
}

/** What `keep` gives of a hashed file: the file itself (kept in memory), or what is listed of it once written. */
type Kept = HashedFile | ListedFile;

/**
 * The dataset's Parquet files (their logical names, and the jobs that write
 * them), with the checks across reports run, and what is summed from the
 * measures beforehand: the prepared overview's cubes and the body-year and
 * body-group files.
 * The same for the command line's ingest (jobs on worker threads) and the
 * browser's import (jobs in a worker). `keep` takes each body-year and
 * body-group file as it is made (the ingest writes it and lets its bytes go:
 * at a million reports they are 250 MB).
 */
export function datasetJobs<K extends Kept>(builder: DatasetBuilder, carry: readonly CarryFacts[], keep: (file: HashedFile) => K) {
  const tables = builder.build(checkAcrossYears(carry));
  // Summed now: the measures' buffers go to the threads that write their files (transferred, not copied).
  const overview = {
    cube: overviewCube(tables.inOrder, tables.supersededBy, tables.measures),
    cells: { refs: CUBE_CELL_REFS, rows: cellCube(tables.inOrder, tables.supersededBy, tables.measures) },
    quality: { states: SHOWN_STATES, rows: qualityCube(tables.inOrder, tables.findingList, tables.measures) },
  };
  const bodyFiles = Array.from(bodyYearFiles(tables.inOrder, tables.supersededBy, tables.measures), ({ name, bytes }) => keep(hashedFile(name, bytes)));
  const jobs: { name: string; job: () => ParquetJob }[] = [
    // The measures first: their buffers leave this thread with their jobs, before the years' files are written.
    { name: DATASET_FILES.measures, job: () => ({ measures: measureFileColumns(tables.measures), layout: parquetLayout(MEASURE_COLUMNS) }) },
    { name: DATASET_FILES.cubeCells, job: () => ({ cubeCells: cubeCellFileColumns(tables.measures), layout: parquetLayout(CUBE_CELL_FILE_COLUMNS) }) },
    { name: DATASET_FILES.reports, job: () => ({ ipc: tableToIPC(tables.reports(), 'stream'), layout: parquetLayout(REPORT_COLUMNS) }) },
    { name: DATASET_FILES.findings, job: () => ({ ipc: tableToIPC(tables.findings(), 'stream'), layout: parquetLayout(FINDING_COLUMNS) }) },
    ...[...tables.years].map(([year, cells]) => ({ name: DATASET_FILES.cells(year), job: (): ParquetJob => ({ cells, layout: parquetLayout(CELL_COLUMNS) }) })),
    ...[...tables.years].map(([year, cells]) => ({ name: DATASET_FILES.summary(year), job: (): ParquetJob => ({ summary: cells, only: IS_SUMMARY_CELL, layout: parquetLayout(SUMMARY_CELL_COLUMNS) }) })),
  ];
  return { tables, overview, bodyFiles, jobs };
}

function encodeJson(value: unknown, pretty = false): Uint8Array {
  return new TextEncoder().encode(`${pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`);
}

/** By template position: whether a cell is a summary cell. */
const IS_SUMMARY_CELL = Uint8Array.from(TEMPLATE_CELLS, (cell) => (isSummaryCell(cell) ? 1 : 0));

/** SHA-256 as hex, the same in Node and the browser (Web Crypto is missing on a plain-http intranet site: not a secure context). */
export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/**
 * dataset.json and the prepared first view, naming the written Parquet files
 * (`parquet`, in the jobs' order) and body files: with them, every file of
 * the dataset but the sources.
 */
export function describedDataset<K extends Kept>(
  builder: DatasetBuilder,
  { tables, overview, bodyFiles }: ReturnType<typeof datasetJobs<K>>,
  parquet: readonly K[],
  withSources: boolean,
  builtAt: Date,
): { files: (K | DatasetFile)[]; findings: Finding[] } {
  const outputs = [...parquet, ...bodyFiles];
  const description = {
    schema_version: DATASET_SCHEMA_VERSION,
    measures: MEASURE_DEFINITIONS,
    built_at: builtAt.toISOString(),
    reports: builder.size,
    years: [...tables.years.keys()],
    origins: builder.origins(),
    sources: withSources,
    files: outputs.map((file) => ({ name: file.name, bytes: 'bytes' in file ? file.bytes.length : file.size, sha256: file.sha256 })),
  };
  const json = { name: DATASET_FILES.description, bytes: encodeJson(description, true) };
  const prepared = { name: PREPARED_OVERVIEW, bytes: encodeJson({ dataset: description.files, ...overview }) };
  return { files: [...outputs, prepared, json], findings: tables.findingList };
}

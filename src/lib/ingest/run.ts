import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { checkAcrossYears, type CarryFacts } from '../checks';
import { tableToIPC, type Table } from 'apache-arrow';
import { CELL_COLUMNS, DATASET_FILES, DatasetBuilder, dictionaryColumns, FINDING_COLUMNS, REPORT_COLUMNS, type ColumnSpec } from '../dataset';
import { parseManifest } from '../reader';
import { CELL_STATES, type CellState, type RuleId } from '../template';
import { writeDatasetAtomically } from './atomic';
import { collectFiles } from './collect';
import { IngestPool } from './pool';
import { PREPARED_OVERVIEW, preparedOverview } from './prepared';

export interface IngestOptions {
  inputs: string[];
  manifest?: string;
  out: string;
  /** Worker threads for parsing; default: one per core. */
  threads?: number;
  onProgress?: (done: number, total: number) => void;
  onFailure?: (failure: FileFailure) => void;
}

export interface FileFailure {
  file: string;
  reason: string;
}

export interface IngestSummary {
  files: number;
  reports: number;
  failures: FileFailure[];
  cellsByState: Record<CellState, number>;
  findingsByRule: Partial<Record<RuleId, number>>;
  out: string;
  /** The dataset's files, as written; empty when nothing was written. */
  written: string[];
}

/** Ingest report files into the Parquet dataset. A failing file is recorded and the others go on. */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const manifestPath = options.manifest ? resolve(options.manifest) : null;
  const manifest = manifestPath
    ? { dir: dirname(manifestPath), entries: parseManifest(await readFile(manifestPath, 'utf8'), options.manifest) }
    : null;
  const files = await collectFiles(options.inputs, manifest);
  const builder = new DatasetBuilder();
  const carry: CarryFacts[] = [];
  const failures: FileFailure[] = [];
  const cellsByState = Object.fromEntries(CELL_STATES.map((s) => [s, 0])) as Record<CellState, number>;
  let done = 0;
  const pool = await IngestPool.start(files.length, options.threads);
  try {
    await pool.processFiles(
      files.map((file) => ({ file, manifest: manifest?.entries.get(file.name) })),
      (result) => {
        if (result.ok) {
          builder.add(result.packed);
          carry.push(result.carry);
          for (const s of result.packed.cells.state) cellsByState[CELL_STATES[s]]++;
        } else {
          failures.push({ file: result.file, reason: result.reason });
          options.onFailure?.({ file: result.file, reason: result.reason });
        }
        options.onProgress?.(++done, files.length);
      },
    );
    failures.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const summary: IngestSummary = { files: files.length, reports: builder.size, failures, cellsByState, findingsByRule: {}, out: resolve(options.out), written: [] };
    if (builder.size === 0) return summary;

    const tables = builder.build(checkAcrossYears(carry));
    for (const f of tables.findingList) summary.findingsByRule[f.rule] = (summary.findingsByRule[f.rule] ?? 0) + 1;
    const named: { name: string; table: Table; specs: readonly ColumnSpec[] }[] = [
      ...[...tables.cellsByYear].map(([year, table]) => ({ name: DATASET_FILES.cells(year), table, specs: CELL_COLUMNS })),
      { name: DATASET_FILES.reports, table: tables.reports, specs: REPORT_COLUMNS },
      { name: DATASET_FILES.findings, table: tables.findings, specs: FINDING_COLUMNS },
    ];
    const parquet = await pool.writeParquet(named.map(({ table, specs }) => ({ ipc: tableToIPC(table, 'stream'), dictionaryColumns: dictionaryColumns(specs) })));
    const outputs = named.map(({ name }, i) => ({ name, bytes: parquet[i] }));
    const description = {
      schema_version: 1,
      reports: builder.size,
      years: [...tables.cellsByYear.keys()],
      origins: builder.origins(),
      files: outputs.map(({ name, bytes }) => ({ name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') })),
    };
    const json = { name: DATASET_FILES.description, bytes: new TextEncoder().encode(`${JSON.stringify(description, null, 2)}\n`) };
    const overview = await preparedOverview({ reports: tables.reports, cells: [...tables.cellsByYear.values()] });
    const prepared = { name: PREPARED_OVERVIEW, bytes: new TextEncoder().encode(`${JSON.stringify({ dataset: description.files, rows: overview })}\n`) };
    await writeDatasetAtomically(summary.out, [...outputs, prepared, json]);
    summary.written = [...outputs, prepared, json].map((f) => f.name);
    return summary;
  } finally {
    await pool.close();
  }
}

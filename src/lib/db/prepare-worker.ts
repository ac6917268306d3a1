/**
 * The dataset's files prepared for DuckDB (db/prepare.ts) off the page's own
 * thread: at 100,000 reports, decoding the cells takes seconds. Requests are
 * answered one at a time: a page's own asks first, then the load's files in
 * the order they come, reports first.
 */
import initParquet, { readParquet } from 'parquet-wasm/esm';
import { engineError } from './engine-error';
import { filePreparer, parquetReader, reportCellsOf, type PrepareFile, type RowWindow } from './prepare';

/** A file to prepare, or (with the .wasm alone) the decoder to load now, unanswered. */
export type PrepareRequest =
  | {
      id: number;
      name: string;
      parquet: Uint8Array;
      /** The decoder's .wasm (db/parquet-wasm.ts), loaded at the first request. */
      wasm: string;
      /** Only this report's rows of a cells file (reportCellsOf), not the file prepared for DuckDB. */
      report?: string;
      /** Where the report's rows should be in the file (reportCellsOf). */
      rows?: RowWindow;
      /** Asked by the page for itself (a file DuckDB does not load, a report's cells): before the load's next file. */
      asked?: boolean;
    }
  | { wasm: string };

export type PrepareResponse = { id: number; ipc: Uint8Array } | { id: number; error: string };

let prepare: Promise<{ file: PrepareFile; reportCells: ReturnType<typeof reportCellsOf> }> | null = null;

self.onmessage = ({ data: request }: MessageEvent<PrepareRequest>) => {
  const { wasm } = request;
  prepare ??= initParquet({ module_or_path: wasm }).then(
    () => {
      const decode = parquetReader(readParquet);
      return { file: filePreparer(decode), reportCells: reportCellsOf(decode) };
    },
    (e: Error) => {
      throw engineError(wasm, `无法加载（${e.message}）`);
    },
  );
  prepare.catch(() => {}); // a file's request says why
  if (!('id' in request)) return;
  (request.asked || request.report !== undefined ? asked : files).push(request);
  void answerAll();
};

type Request = Extract<PrepareRequest, { id: number }>;
const asked: Request[] = [];
const files: Request[] = [];
let answering = false;

/** One request at a time, the page's own asks first: the load's files come one after the other, so an ask waits for one file at most. */
async function answerAll(): Promise<void> {
  if (answering) return;
  answering = true;
  for (let next = asked.shift() ?? files.shift(); next; next = asked.shift() ?? files.shift()) await answer(next);
  answering = false;
}

async function answer({ id, name, parquet, report, rows }: Request): Promise<void> {
  try {
    const prepared = await prepare!;
    const ipc = report !== undefined ? prepared.reportCells(name, parquet, report, rows) : prepared.file(name, parquet);
    self.postMessage({ id, ipc } satisfies PrepareResponse, { transfer: [ipc.buffer] });
  } catch (e) {
    self.postMessage({ id, error: (e as Error).message } satisfies PrepareResponse);
  }
}

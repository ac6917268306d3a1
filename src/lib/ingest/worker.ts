/** A worker thread of the ingest pool: parses batches of files, or writes a table as Parquet. */
import { parentPort } from 'node:worker_threads';
import { packedBuffers } from '../dataset/packed';
import { spilledRuns } from './cell-spill';
import { processFiles } from './process-file';
import type { WorkerRequest, WorkerResponse } from './pool';

// Loaded when asked for: a worker that only parses never loads Arrow or compiles the Parquet wasm.
const parquetWriter = () => import('../dataset/parquet-job').then((m) => m.writeParquetJob);

parentPort!.on('message', async (request: WorkerRequest) => {
  let response: WorkerResponse;
  let transfer: ArrayBuffer[] = [];
  try {
    if (request.kind === 'files') {
      const results = await processFiles(request.tasks, request.sources);
      response = { kind: 'files', results };
      // Every report of the batch refers to the same PackedCells: its buffers go once.
      const packed = results.flatMap((r) => (r.ok ? [r.packed.cells.packed] : []))[0];
      if (packed) transfer = packedBuffers(packed);
    } else if (request.kind === 'load parquet') {
      await parquetWriter();
      response = { kind: 'parquet loaded' };
    } else {
      const parquet = await (await parquetWriter())(request.job, spilledRuns);
      response = { kind: 'parquet', parquet };
      transfer = [parquet.buffer as ArrayBuffer];
    }
  } catch (e) {
    response = { kind: 'error', message: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(response, transfer);
});

/** A worker thread of the ingest pool: parses batches of files, or writes a table as Parquet. */
import { parentPort } from 'node:worker_threads';
import { packedBuffers } from '../dataset/packed';
import { processFile } from './process-file';
import type { WorkerRequest, WorkerResponse } from './pool';

// Loaded when asked for: a worker that only parses never compiles the Parquet wasm.
const parquetWriter = () => import('../dataset/parquet').then((m) => m.ipcToParquet);

parentPort!.on('message', async (request: WorkerRequest) => {
  let response: WorkerResponse;
  let transfer: ArrayBuffer[] = [];
  try {
    if (request.kind === 'files') {
      const results = request.tasks.map((task) => processFile(task, request.sources));
      response = { kind: 'files', results };
      transfer = results.flatMap((r) => (r.ok ? packedBuffers(r.packed) : []));
    } else if (request.kind === 'load parquet') {
      await parquetWriter();
      response = { kind: 'parquet loaded' };
    } else {
      const parquet = (await parquetWriter())(request.ipc, request.layout);
      response = { kind: 'parquet', parquet };
      transfer = [parquet.buffer as ArrayBuffer];
    }
  } catch (e) {
    response = { kind: 'error', message: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(response, transfer);
});

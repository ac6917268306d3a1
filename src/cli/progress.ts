import type { IngestStage } from '../lib/ingest';

/** Below this many items a run is short: no progress is shown. */
export const MIN_FOR_PROGRESS = 20;

/** Progress on stderr for long runs: a live line on a terminal, a line every 10 % otherwise. */
export function progressReporter(label: string, minTotal = MIN_FOR_PROGRESS): (done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  return (done, total) => {
    if (total < minTotal) return;
    const percent = Math.floor((done / total) * 100);
    if (tty) {
      if (done === total || done % 25 === 0) process.stderr.write(`\r${label} ${done}/${total} (${percent}%)${done === total ? '\n' : ''}`);
    } else if (Math.floor(percent / 10) !== lastDecile) {
      lastDecile = Math.floor(percent / 10);
      process.stderr.write(`${label} ${done}/${total} (${percent}%)\n`);
    }
  };
}

/** An ingest's progress: files read, then, for a run long enough to show that, Parquet files written. */
export function ingestProgress(): (done: number, total: number, stage: IngestStage) => void {
  const reading = progressReporter('读取报告 reading');
  const writing = progressReporter('写入 Parquet writing', 0);
  let files = 0;
  return (done, total, stage) => {
    if (stage === 'reading') {
      files = total;
      reading(done, total);
    } else if (files >= MIN_FOR_PROGRESS) writing(done, total);
  };
}

import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** What a user must do something about: said in one sentence, no stack trace. */
export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestError';
  }
}

const LOCK = '.ingest.lock';

/**
 * One writer at a time: a lock file in the output folder, made with O_EXCL.
 * A lock whose process is gone (killed) is taken over; a live one is named.
 */
export async function withLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const path = join(dir, LOCK);
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, started: new Date().toISOString() }));
      await handle.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e;
      const holder = await readFile(path, 'utf8').then((text) => JSON.parse(text) as { pid: number; started: string }, () => null);
      if (holder && alive(holder.pid))
        throw new IngestError(`另一个导入（进程 ${holder.pid}，${holder.started} 开始）正在写入 ${dir}：请等它结束后再运行（another ingest is writing there）`);
      await rm(path, { force: true });
    }
  }
  try {
    return await fn();
  } finally {
    await rm(path, { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A file-system failure as one sentence naming the path and what to do; anything else unchanged. */
export function fileSystemError(e: unknown, out: string): unknown {
  const err = e as NodeJS.ErrnoException & { dest?: string };
  // A rename names where it was going (dest) besides where from (path, in the staging folder).
  const path = err?.dest ?? err?.path ?? out;
  switch (err?.code) {
    case 'EACCES':
    case 'EPERM':
      return new IngestError(`没有写入权限：${path}（或文件被其他程序锁定）：请换一个输出文件夹，或关闭占用它的程序（permission denied）`);
    case 'EROFS':
      return new IngestError(`${path} 在只读的磁盘上：请换一个输出文件夹（read-only file system）`);
    case 'ENOSPC':
      return new IngestError(`磁盘已满，无法写入 ${path}：原有数据集未改动，请腾出空间后再运行（no space left on device）`);
    case 'EDQUOT':
      return new IngestError(`磁盘配额已满，无法写入 ${path}：原有数据集未改动（disk quota exceeded）`);
    case 'ENOTDIR':
    case 'EEXIST':
      return new IngestError(`输出路径 ${out} 是一个文件，不是文件夹：请用 --out 指定一个文件夹（output path is a file）`);
    default:
      return e;
  }
}

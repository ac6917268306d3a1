import { describe, expect, it } from 'vitest';
import { fileSystemError, IngestError } from '../../src/lib/ingest/lock';

const errno = (code: string, path: string) => Object.assign(new Error(`${code}: raw message, ${path}`), { code, path });

describe('file-system failures while writing a dataset are one sentence naming the path and what to do', () => {
  it.each([
    ['EACCES', '没有写入权限：/srv/data/cells-2019.parquet（或文件被其他程序锁定）：请换一个输出文件夹，或关闭占用它的程序（permission denied）'],
    ['EPERM', '没有写入权限：/srv/data/cells-2019.parquet（或文件被其他程序锁定）：请换一个输出文件夹，或关闭占用它的程序（permission denied）'],
    ['EROFS', '/srv/data/cells-2019.parquet 在只读的磁盘上：请换一个输出文件夹（read-only file system）'],
    ['ENOSPC', '磁盘已满，无法写入 /srv/data/cells-2019.parquet：原有数据集未改动，请腾出空间后再运行（no space left on device）'],
    ['ENOTDIR', '输出路径 /srv/data 是一个文件，不是文件夹：请用 --out 指定一个文件夹（output path is a file）'],
  ])('%s', (code, message) => {
    const e = fileSystemError(errno(code, '/srv/data/cells-2019.parquet'), '/srv/data');
    expect(e).toBeInstanceOf(IngestError);
    expect((e as Error).message).toBe(message);
  });

  it('anything else is passed on as it is', () => {
    const other = new RangeError('not a file-system failure');
    expect(fileSystemError(other, '/srv/data')).toBe(other);
  });
});

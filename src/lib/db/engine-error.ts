/** The engine (DuckDB-wasm, or the Parquet decoder) could not start: one sentence naming the file and what IT should check. */
export class EngineError extends Error {}

/** How every engine error begins, also when it crosses from a worker as text. */
export const ENGINE_FAILED = '数据引擎无法启动';

/** What IT should check when a file of the engine does not load. */
export const ENGINE_CHECK = '请 IT 检查：网站的 _app 文件夹已完整上传，服务器允许下载 .wasm 和 .js 文件，.wasm 的 MIME 类型为 application/wasm，代理或安全软件没有拦截它们。';

const fileName = (url: string) => decodeURIComponent(url.split('/').pop()!.split('?')[0]);

/** 数据引擎无法启动：duckdb-eh.wasm 无法下载（HTTP 404）。请 IT 检查：… */
export function engineError(url: string, what: string): EngineError {
  return new EngineError(`${ENGINE_FAILED}：${fileName(url)} ${what}。${ENGINE_CHECK}`);
}

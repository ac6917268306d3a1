/**
 * npm start: the dashboard on the built-in demo data. Generates the demo corpus,
 * ingests it and builds the site — each step only when its inputs changed — then
 * serves the site and prints its address.
 */
import { spawn, spawnSync } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { DEMO_DEFAULTS } from '../lib/demo/options';
import { publishedReports, realReports, writeDemoCorpus } from '../lib/demo/write';
import { formatSummary, ingest } from '../lib/ingest';
import { DEFAULT_DATASET_DIR, DEMO_DIR, PUBLISHED_DIR, REAL_DIR } from './paths';
import { inputsHash, stamp, upToDate } from './stamp';
import { ingestProgress } from './progress';

const PORT = Number(process.env.PORT ?? 4173);
/** Each step's record of the inputs it was made from. */
const STAMPS = '.cache/start';

/** Whether the port can be served on: checked first, so that a dashboard already running is said in one line, before minutes of work. */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function main(): Promise<void> {
  if (!(await portFree(PORT)))
    throw new Error(`端口 ${PORT} 已被占用（也许看板已在运行：打开 http://localhost:${PORT}/ 看看）：关闭占用它的程序，或换一个端口，如 PORT=${PORT + 1} npm start（port ${PORT} in use）`);
  const demoHash = inputsHash(['src/lib/demo', 'src/lib/template', REAL_DIR, PUBLISHED_DIR], DEMO_DEFAULTS);
  const demoStamp = join(STAMPS, 'demo');
  if (upToDate(demoStamp, demoHash)) console.log('✓ 示例数据已是最新 demo corpus up to date');
  else {
    console.log('… 生成示例数据（合成）generating the demo corpus');
    writeDemoCorpus({ ...DEMO_DEFAULTS, real: realReports(REAL_DIR), published: publishedReports(PUBLISHED_DIR) }, DEMO_DIR);
    stamp(demoStamp, demoHash);
  }

  const dataHash = inputsHash([DEMO_DIR, 'src/lib/reader', 'src/lib/checks', 'src/lib/dataset', 'src/lib/ingest', 'src/lib/template']);
  const dataStamp = join(STAMPS, 'dataset');
  if (upToDate(dataStamp, dataHash)) console.log('✓ 数据集已是最新 dataset up to date');
  else {
    console.log('… 读入报告 ingesting');
    const summary = await ingest({ inputs: [], manifest: join(DEMO_DIR, 'manifest.csv'), out: DEFAULT_DATASET_DIR, onProgress: ingestProgress() });
    console.log(formatSummary(summary));
    if (summary.written.length === 0) throw new Error('ingest wrote nothing');
    stamp(dataStamp, dataHash);
  }

  const siteHash = inputsHash(['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json']);
  const siteStamp = join(STAMPS, 'site');
  if (upToDate(siteStamp, siteHash)) console.log('✓ 网站已是最新 site up to date');
  else {
    console.log('… 构建网站 building the site');
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
    stamp(siteStamp, siteHash);
  }

  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: ['ignore', 'ignore', 'inherit'] });
  server.on('exit', (code) => process.exit(code ?? 0));
  // The address once the site answers there: opened at once, it is served.
  while (!(await answers(PORT))) await new Promise((resolve) => setTimeout(resolve, 200));
  console.log(`\n看板 dashboard: http://localhost:${PORT}/   (Ctrl+C 停止 to stop)\n`);
}

/** Whether something accepts connections on the port. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.end(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

main().catch((e) => {
  console.error(`✗ ${(e as Error).message}`);
  process.exit(1);
});

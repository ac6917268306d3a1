/**
 * npm run ingest -- <files or folders> [--manifest file.csv] [--out dir] [--no-sources]
 * Reads report files into the Parquet dataset the dashboard serves.
 */
import { parseArgs } from 'node:util';
import { formatSummary, ingest, IngestError } from '../lib/ingest';
import { ManifestError } from '../lib/reader';
import { DEFAULT_DATASET_DIR } from './paths';
import { ingestProgress } from './progress';

const USAGE = `用法 usage: npm run ingest -- <文件或文件夹…> [--manifest manifest.csv] [--out ${DEFAULT_DATASET_DIR}] [--no-sources]
  --no-sources  不写各报告原文 sources/<sha256>.txt（do not write each report's source text）`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        manifest: { type: 'string' },
        out: { type: 'string', default: DEFAULT_DATASET_DIR },
        'no-sources': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    console.error(`✗ ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || (positionals.length === 0 && !values.manifest)) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const summary = await ingest({
    inputs: positionals,
    manifest: values.manifest,
    out: values.out!,
    sources: !values['no-sources'],
    onProgress: ingestProgress(),
    onFailure: (f) => console.error(`✗ ${f.file}: ${f.reason}`),
  });
  console.log(formatSummary(summary));
  return summary.failures.length > 0 || summary.written.length === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof ManifestError) console.error(`✗ 清单错误 manifest error: ${e.message}`);
    else if (e instanceof IngestError) console.error(`✗ ${e.message}`);
    else console.error(`✗ 导入出错（internal error）：${(e as Error)?.message ?? e}`);
    process.exit(2);
  },
);

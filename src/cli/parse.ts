/**
 * npm run parse -- <file> [--json] [--manifest manifest.csv]
 * One report: its tables as read, or with --json the cells and findings.
 */
import { resolve, dirname, relative } from 'node:path';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { checkReport } from '../lib/checks';
import { readReportFile } from '../lib/ingest';
import { parseManifest, ReportError } from '../lib/reader';
import { reportJson, reportText } from './report-output';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean' }, manifest: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals.length !== 1) {
    console.error('用法 usage: npm run parse -- <报告文件> [--json] [--manifest manifest.csv]');
    return values.help ? 0 : 2;
  }
  const path = resolve(positionals[0]);
  let name = positionals[0];
  let entry;
  if (values.manifest) {
    const dir = dirname(resolve(values.manifest));
    name = relative(dir, path).split('\\').join('/');
    entry = parseManifest(await readFile(values.manifest, 'utf8'), values.manifest).get(name);
  }
  try {
    const report = readReportFile({ path, name }, entry);
    const findings = checkReport(report);
    console.log(values.json ? JSON.stringify(reportJson(report, findings), null, 2) : reportText(report, findings));
    return 0;
  } catch (e) {
    if (e instanceof ReportError || (e as NodeJS.ErrnoException).code) {
      console.error(`✗ ${positionals[0]}: ${(e as Error).message}`);
      return 1;
    }
    throw e;
  }
}

main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(2); });

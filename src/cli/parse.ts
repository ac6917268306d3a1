/**
 * npm run parse -- <file> [--json] [--manifest manifest.csv] [--body 名称] [--year 2023]
 * One report (text, HTML, PDF, DOCX, DOC): its tables as read, or with --json
 * the cells and findings. Shown even when body or year cannot be told.
 */
import { resolve, dirname, relative } from 'node:path';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { checkReport } from '../lib/checks';
import { readReportFile } from '../lib/ingest';
import { ManifestError, MetadataMissing, parseManifest, ReportError, type ManifestEntry, type ParsedReport } from '../lib/reader';
import { reportJson, reportText } from './report-output';

const USAGE = '用法 usage: npm run parse -- <报告文件> [--json] [--manifest manifest.csv] [--body 发布机关] [--year 年度]';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { json: { type: 'boolean' }, manifest: { type: 'string' }, body: { type: 'string' }, year: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    console.error(`✗ ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const path = resolve(positionals[0]);
  let name = positionals[0];
  let entry: ManifestEntry | undefined;
  try {
    if (values.manifest) {
      const dir = dirname(resolve(values.manifest));
      name = relative(dir, path).split('\\').join('/');
      entry = parseManifest(await readFile(values.manifest), values.manifest).get(name);
    }
    if (values.body !== undefined || values.year !== undefined) entry = givenMeta(name, entry, values.body, values.year);
  } catch (e) {
    if (e instanceof ManifestError || e instanceof ArgumentError || (e as NodeJS.ErrnoException).code) {
      console.error(`✗ ${e instanceof ManifestError || e instanceof ArgumentError ? '' : `${values.manifest}: `}${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
  let report: ParsedReport;
  let unknown: MetadataMissing | null = null;
  try {
    report = await readReportFile({ path, name }, entry);
  } catch (e) {
    if (e instanceof MetadataMissing) {
      report = e.report;
      unknown = e;
    } else if (e instanceof ReportError || (e as NodeJS.ErrnoException).code) {
      console.error(`✗ ${positionals[0]}: ${(e as Error).message}`);
      return 1;
    } else throw e;
  }
  const findings = checkReport(report);
  console.log(values.json ? JSON.stringify(reportJson(report, findings), null, 2) : reportText(report, findings));
  if (unknown) {
    // Both are needed together: the one the text did tell is filled in.
    const options = `--body ${unknown.missing.includes('body') ? '发布机关' : report.body} --year ${unknown.missing.includes('year') ? '年度' : report.year}`;
    console.error(`\n! ${positionals[0]}: ${unknown.message}\n  可以这样给出：npm run parse -- ${positionals[0]} ${options}（或 --manifest manifest.csv）；ingest 需要清单写明。`);
    return 1;
  }
  return 0;
}

class ArgumentError extends Error {}

/** --body and --year over what the manifest says, or on their own. */
function givenMeta(file: string, entry: ManifestEntry | undefined, body: string | undefined, year: string | undefined): ManifestEntry {
  const y = year === undefined ? entry?.year : Number(year);
  if (y === undefined || !Number.isInteger(y) || y < 2000 || y > 2100) throw new ArgumentError(`--year 须为四位年份，并与 --body 一起给出（得到 “${year ?? ''}”）`);
  const b = body?.trim() || entry?.body;
  if (!b) throw new ArgumentError('--body 不能为空，并须与 --year 一起给出：请写明发布机关');
  return { file, body: b, year: y, region: entry?.region ?? null, level: entry?.level ?? null, kind: entry?.kind ?? null, origin: entry?.origin ?? 'real' };
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`✗ 出错了（internal error）：${(e as Error)?.message ?? e}`);
    process.exit(2);
  },
);

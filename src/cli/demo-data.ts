/**
 * npm run demo-data -- [--seed N] [--bodies N] [--years 2019-2025] [--defect-rate 0.04] [--out data/demo]
 * Writes the built-in demo corpus: report files as real sites publish them, a
 * manifest (every generated report marked synthetic, the real ones real) and the
 * list of injected defects. A few synthetic reports are the pre-made PDF and DOCX
 * files of data/published (used with the default seed and years). The ingest reads it like any other folder.
 */
import { parseArgs } from 'node:util';
import { DEMO_DEFAULTS, REAL_REPORTS, yearRange } from '../lib/demo/options';
import { publishedReports, realReports, writeDemoCorpus } from '../lib/demo/write';
import { DEMO_DIR, PUBLISHED_DIR, REAL_DIR } from './paths';
import { progressReporter } from './progress';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(DEMO_DEFAULTS.seed) },
    bodies: { type: 'string', default: String(DEMO_DEFAULTS.bodies) },
    years: { type: 'string', default: `${DEMO_DEFAULTS.years[0]}-${DEMO_DEFAULTS.years.at(-1)}` },
    'defect-rate': { type: 'string', default: String(DEMO_DEFAULTS.defectRate) },
    out: { type: 'string', default: DEMO_DIR },
  },
});
const years = yearRange(values.years!);
const bodies = Number(values.bodies);
const progress = progressReporter('生成 generating', 500);
try {
  const written = writeDemoCorpus(
    { seed: Number(values.seed), bodies, years, defectRate: Number(values['defect-rate']), real: realReports(REAL_DIR), published: publishedReports(PUBLISHED_DIR) },
    values.out!,
    // Each body every year, the consolidated report, and the real reports of bodies of their own.
    (n) => progress(n, (bodies + 1) * years.length + REAL_REPORTS.filter((r) => r.own && years.includes(r.year)).length),
  );
  console.log(`示例数据（合成）demo corpus: ${written.reports} reports (${written.defects} with injected defects) → ${values.out}`);
} catch (e) {
  console.error(`✗ ${(e as Error).message}`);
  process.exit(1);
}

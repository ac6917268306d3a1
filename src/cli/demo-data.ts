/**
 * npm run demo-data -- [--seed N] [--bodies N] [--years 2019-2025] [--defect-rate 0.04] [--out data/demo]
 * Writes the built-in demo corpus: report files as real sites publish them, a
 * manifest (every generated report marked synthetic, the real one real) and the
 * list of injected defects. The ingest reads it like any other folder.
 */
import { parseArgs } from 'node:util';
import { DEMO_DEFAULTS, realReport, yearRange } from '../lib/demo/options';
import { writeDemoCorpus } from '../lib/demo/write';
import { DEMO_DIR, REAL_REPORT } from './paths';
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
const written = writeDemoCorpus(
  { seed: Number(values.seed), bodies, years, defectRate: Number(values['defect-rate']), real: years.includes(2019) ? realReport(REAL_REPORT) : undefined },
  values.out!,
  (n) => progress(n, (bodies + 1) * years.length),
);
console.log(`示例数据（合成）demo corpus: ${written.reports} reports (${written.defects} with injected defects) → ${values.out}`);

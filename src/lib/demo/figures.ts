import { t3Rows, T3_APPLICANT_COLUMNS, T4_COLUMNS, T4_GROUPS, type TemplateVersion } from '../template';
import type { DemoBody } from './bodies';
import { apportion, Random } from './random';

/** One report's numbers: every cell of its version by reference (money in 万元). */
export type Figures = Map<string, number>;

/** What a body carries from one year's report into the next. */
interface Carry {
  carriedForward: number[];
  inForce: Record<string, number>;
  publicTotal: Record<string, number>;
}

const APPLICANT_WEIGHTS = [0.8, 0.11, 0.01, 0.01, 0.045, 0.025];

/** How handled requests spread over outcomes, before the body's own openness shifts 予以公开. */
const OUTCOME_WEIGHTS: Record<string, number> = {
  partial: 0.08,
  'denied.state_secret': 0.004,
  'denied.law_prohibited': 0.01,
  'denied.security': 0.004,
  'denied.third_party': 0.02,
  'denied.internal': 0.02,
  'denied.process': 0.03,
  'denied.enforcement': 0.01,
  'denied.inquiry': 0.02,
  'unavailable.not_held': 0.18,
  'unavailable.needs_creation': 0.03,
  'unavailable.unclear': 0.02,
  'rejected.petition': 0.04,
  'rejected.duplicate': 0.03,
  'rejected.publication': 0.004,
  'rejected.excessive': 0.006,
  'rejected.confirmation': 0.01,
  other: 0.05,
  'other.no_correction': 0.02,
  'other.unpaid_fee': 0.002,
  'other.other': 0.03,
};

const T3_COLS = T3_APPLICANT_COLUMNS.map((c) => c.key);

/**
 * A body's reports over the years, each year following from the one before:
 * requests trend with breaks, carry-over matches, 现行有效 carries on.
 */
export function bodySeries(
  body: DemoBody,
  years: number[],
  seed: number,
  versionOf: (year: number) => TemplateVersion,
  /** Years whose report is a real one: the next year carries over what that report carried forward. */
  real: { year: number; carriedForward?: number[] }[] = [],
): Map<number, Figures> {
  const random = new Random(seed, body.name);
  const growth = random.next() * 0.2 - 0.05;
  const breakYear = random.chance(0.1) ? random.pick(years) : null;
  const series = new Map<number, Figures>();
  let carry: Carry | null = null;
  for (const year of years) {
    const r = new Random(seed, body.name, year);
    const shock = (year === 2020 ? 0.85 : 1) * (breakYear !== null && year >= breakYear ? 1.6 : 1);
    const scale = Math.pow(1 + growth, year - years[0]) * shock;
    const figures: Figures = new Map();
    carry = yearFigures(figures, body, versionOf(year), r, scale, carry);
    const forward = real.find((r) => r.year === year)?.carriedForward;
    if (forward) carry.carriedForward = forward;
    series.set(year, figures);
  }
  return series;
}

function yearFigures(f: Figures, body: DemoBody, version: TemplateVersion, r: Random, scale: number, previous: Carry | null): Carry {
  // t3: per applicant column, new + carried over = handled + carried forward.
  const newTotal = Math.max(0, Math.round(body.requests * scale * r.around(0.2)));
  const fresh = apportion(newTotal, APPLICANT_WEIGHTS.map((w) => w * r.around(0.3)));
  const carriedOver = previous?.carriedForward ?? fresh.map((n) => Math.round(n * 0.04));
  const forwardShare = r.next() * 0.08;
  const carriedForward = fresh.map((n, i) => Math.floor((n + carriedOver[i]) * forwardShare));
  const rows = t3Rows(version).filter((row) => !['new', 'carried_over', 'handled', 'carried_forward'].includes(row.key));
  const weights = rows.map((row) => (row.key === 'granted' ? body.openness : (OUTCOME_WEIGHTS[row.key] ?? 0)) * r.around(0.5));
  const set = (row: string, values: number[]) => {
    values.forEach((v, i) => f.set(`t3.${row}.${T3_COLS[i]}`, v));
    f.set(`t3.${row}.total`, values.reduce((a, b) => a + b, 0));
  };
  set('new', fresh);
  set('carried_over', carriedOver);
  const handled = fresh.map((n, i) => n + carriedOver[i] - carriedForward[i]);
  const byColumn = handled.map((n) => apportion(n, weights));
  rows.forEach((row, k) => set(row.key, byColumn.map((col) => col[k])));
  set('handled', handled);
  set('carried_forward', carriedForward);

  // t4: a few reviews and suits, more for bodies with many requests.
  for (const [g, group] of T4_GROUPS.entries()) {
    const total = Math.round(body.requests * [0.02, 0.008, 0.004][g] * scale * r.around(0.6));
    const parts = apportion(total, [0.6, 0.12, 0.13, 0.15].map((w) => w * r.around(0.5)));
    T4_COLUMNS.forEach((c, i) => f.set(`t4.${group.key}.${c.key}`, i < 4 ? parts[i] : total));
  }

  // t2.
  const t2 = (item: string, row: string, col: string, value: number) => f.set(`t2.${item}.${row}.${col}`, value);
  const decisions = (base: number) => Math.max(0, Math.round(base * scale * r.around(0.25)));
  const inForce: Record<string, number> = {};
  const publicTotal: Record<string, number> = {};
  for (const [row, rate] of [['regulations', 0.3], ['normative_docs', 4]] as const) {
    const issued = Math.round(rate * r.next() * 2);
    const repealed = Math.min(issued, Math.round(rate * r.next()));
    if (version === '2021') {
      const prior = previous?.inForce[row] ?? Math.round(rate * 10 * r.around(0.5));
      inForce[row] = prior + issued - repealed;
      t2('art20_1', row, 'issued', issued);
      t2('art20_1', row, 'repealed', repealed);
      t2('art20_1', row, 'in_force', inForce[row]);
    } else {
      publicTotal[row] = (previous?.publicTotal[row] ?? Math.round(rate * 8 * r.around(0.5))) + issued;
      t2('art20_1', row, 'made', issued);
      t2('art20_1', row, 'published', issued);
      t2('art20_1', row, 'public_total', publicTotal[row]);
    }
  }
  const licensing = decisions(body.licensing);
  const penalty = decisions(body.licensing / 12 + 2);
  const coercion = decisions(body.licensing / 200);
  if (version === '2021') {
    t2('art20_5', 'licensing', 'decisions', licensing);
    t2('art20_6', 'penalty', 'decisions', penalty);
    t2('art20_6', 'coercion', 'decisions', coercion);
    t2('art20_8', 'fees', 'amount', r.chance(0.3) ? Math.round(r.next() * 50000) / 100 : 0);
  } else {
    const items = (item: string, row: string, base: number, count: number) => {
      t2(item, row, 'prev_items', base);
      t2(item, row, 'change', r.int(-Math.min(3, base), 3));
      if (item !== 'art20_8') t2(item, row, 'decisions', count);
    };
    items('art20_5', 'licensing', r.int(3, 60), licensing);
    items('art20_5', 'other_services', r.int(5, 80), decisions(body.licensing / 3));
    items('art20_6', 'penalty', r.int(5, 120), penalty);
    items('art20_6', 'coercion', r.int(0, 8), coercion);
    items('art20_8', 'fees', r.int(0, 4), 0);
    const projects = Math.max(1, Math.round((20 + body.requests / 8) * r.around(0.4)));
    t2('art20_9', 'procurement', 'projects', projects);
    t2('art20_9', 'procurement', 'amount', Math.round(projects * 28 * r.around(0.5) * 100) / 100);
  }
  return { carriedForward, inForce: version === '2021' ? inForce : (previous?.inForce ?? {}), publicTotal };
}

/** Add a report's figures to a consolidated report's, cell by cell (the sum of reports of one version, taken report by report). */
export function addFigures(sum: Figures, figures: Figures): void {
  for (const [ref, v] of figures) sum.set(ref, Math.round(((sum.get(ref) ?? 0) + v) * 100) / 100);
}

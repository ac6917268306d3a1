import { RULE_BY_ID, T2_ITEMS, type Finding, type RuleId } from '../template';
import type { ParsedReport } from '../reader/types';
import { CellValues, differ } from './cell-values';

/** Reports of one body: same region and body name. */
export function bodyKey(report: { region: string | null; body: string }): string {
  return `${report.region ?? ''}\u0000${report.body}`;
}

const IN_FORCE_ROWS = T2_ITEMS.find((i) => i.item === 'art20_1' && i.version === '2021')!.rows;

interface InForce {
  row: string;
  label: string;
  inForce?: number;
  issued?: number;
  repealed?: number;
}

/** What the rules across years need of one report: a few numbers, so that all reports' cells need not be kept. */
export interface CarryFacts {
  reportId: string;
  body: string;
  region: string | null;
  year: number;
  template: ParsedReport['template'];
  file: string;
  carriedOver?: number;
  carriedForward?: number;
  inForce: InForce[];
}

export function carryFacts(report: ParsedReport): CarryFacts {
  const cells = new CellValues(report.cells);
  return {
    reportId: report.id,
    body: report.body,
    region: report.region,
    year: report.year,
    template: report.template,
    file: report.source.file,
    carriedOver: cells.number('t3.carried_over.total'),
    carriedForward: cells.number('t3.carried_forward.total'),
    inForce: IN_FORCE_ROWS.map((row) => ({
      row: row.key,
      label: row.label,
      inForce: cells.number(`t2.art20_1.${row.key}.in_force`),
      issued: cells.number(`t2.art20_1.${row.key}.issued`),
      repealed: cells.number(`t2.art20_1.${row.key}.repealed`),
    })),
  };
}

/**
 * Rules across the reports of one body (YEAR_CARRY, IN_FORCE_CARRY), and
 * DUPLICATE_REPORT where a body has two reports for one year (the first by
 * file name is compared; the other is kept and flagged).
 */
export function checkAcrossYears(reports: readonly CarryFacts[]): Finding[] {
  const findings: Finding[] = [];
  const byBody = new Map<string, CarryFacts[]>();
  for (const r of reports) {
    const list = byBody.get(bodyKey(r));
    if (list) list.push(r);
    else byBody.set(bodyKey(r), [r]);
  }
  for (const group of byBody.values()) {
    const byYear = new Map<number, CarryFacts>();
    for (const r of [...group].sort((a, b) => a.year - b.year || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
      const first = byYear.get(r.year);
      if (first) findings.push(finding('DUPLICATE_REPORT', r, first, [], null, null, `${r.body} ${r.year} 年有多份报告：${first.file}、${r.file}`));
      else byYear.set(r.year, r);
    }
    for (const [year, now] of byYear) {
      const before = byYear.get(year - 1);
      if (!before) continue;
      if (before.carriedForward !== undefined && now.carriedOver !== undefined && differ(before.carriedForward, now.carriedOver))
        findings.push(finding('YEAR_CARRY', now, before, ['t3.carried_over.total'], before.carriedForward, now.carriedOver,
          `${year} 年上年结转 ${now.carriedOver} 件，而 ${year - 1} 年报告结转下年度 ${before.carriedForward} 件`));
      if (now.template !== '2021' || before.template !== '2021') continue;
      now.inForce.forEach((current, i) => {
        const prior = before.inForce[i].inForce;
        const { inForce, issued, repealed, row, label } = current;
        if (prior === undefined || inForce === undefined || issued === undefined || repealed === undefined) return;
        const expected = prior + issued - repealed;
        if (differ(expected, inForce))
          findings.push(finding('IN_FORCE_CARRY', now, before, [`t2.art20_1.${row}.in_force`, `t2.art20_1.${row}.issued`, `t2.art20_1.${row}.repealed`], expected, inForce,
            `${label}：上年现行有效 ${prior} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected}，报告现行有效 ${inForce}`));
      });
    }
  }
  return findings;
}

function finding(rule: RuleId, report: CarryFacts, related: CarryFacts, cells: string[], expected: number | null, actual: number | null, message: string): Finding {
  return { rule, severity: RULE_BY_ID[rule].severity, reportId: report.reportId, cells, expected, actual, message, relatedReportId: related.reportId };
}

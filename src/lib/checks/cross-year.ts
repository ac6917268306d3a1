import { RULE_BY_ID, T2_ITEMS, type Finding, type RuleId } from '../template';
import type { ParsedReport } from '../reader/types';
import { CellValues, differ } from './cell-values';

/** Reports of one body: same region and body name. */
export function bodyKey(report: Pick<ParsedReport, 'region' | 'body'>): string {
  return `${report.region ?? ''}\u0000${report.body}`;
}

const IN_FORCE_ROWS = T2_ITEMS.find((i) => i.item === 'art20_1' && i.version === '2021')!.rows;

/**
 * Rules across the reports of one body (YEAR_CARRY, IN_FORCE_CARRY), and
 * DUPLICATE_REPORT where a body has two reports for one year (the first by id
 * is compared; the other is kept and flagged).
 */
export function checkAcrossYears(reports: readonly ParsedReport[]): Finding[] {
  const findings: Finding[] = [];
  const byBody = new Map<string, ParsedReport[]>();
  for (const r of reports) byBody.set(bodyKey(r), [...(byBody.get(bodyKey(r)) ?? []), r]);

  for (const group of byBody.values()) {
    const byYear = new Map<number, ParsedReport>();
    for (const r of [...group].sort((a, b) => a.year - b.year || a.id.localeCompare(b.id))) {
      const first = byYear.get(r.year);
      if (first) {
        findings.push(finding('DUPLICATE_REPORT', r, first, [], null, null,
          `${r.body} ${r.year} 年有多份报告：${first.source.file}、${r.source.file}`));
      } else byYear.set(r.year, r);
    }
    for (const [year, current] of byYear) {
      const previous = byYear.get(year - 1);
      if (!previous) continue;
      const now = new CellValues(current.cells);
      const before = new CellValues(previous.cells);

      const carriedForward = before.number('t3.carried_forward.total');
      const carriedOver = now.number('t3.carried_over.total');
      if (carriedForward !== undefined && carriedOver !== undefined && differ(carriedForward, carriedOver))
        findings.push(finding('YEAR_CARRY', current, previous, ['t3.carried_over.total'], carriedForward, carriedOver,
          `${year} 年上年结转 ${carriedOver} 件，而 ${year - 1} 年报告结转下年度 ${carriedForward} 件`));

      if (current.template !== '2021' || previous.template !== '2021') continue;
      for (const row of IN_FORCE_ROWS) {
        const ref = (col: string) => `t2.art20_1.${row.key}.${col}`;
        const prior = before.number(ref('in_force'));
        const change = now.sum([ref('issued')]);
        const repealed = now.number(ref('repealed'));
        const inForce = now.number(ref('in_force'));
        if (prior === undefined || change === undefined || repealed === undefined || inForce === undefined) continue;
        const expected = prior + change - repealed;
        if (differ(expected, inForce))
          findings.push(finding('IN_FORCE_CARRY', current, previous, [ref('in_force'), ref('issued'), ref('repealed')], expected, inForce,
            `${row.label}：上年现行有效 ${prior} + 本年制发 ${change} − 本年废止 ${repealed} = ${expected}，报告现行有效 ${inForce}`));
      }
    }
  }
  return findings;
}

function finding(rule: RuleId, report: ParsedReport, related: ParsedReport, cells: string[], expected: number | null, actual: number | null, message: string): Finding {
  return { rule, severity: RULE_BY_ID[rule].severity, reportId: report.id, cells, expected, actual, message, relatedReportId: related.id };
}

import { RULE_BY_ID, type Finding } from '../template';
import type { ParsedReport } from '../reader/types';
import { CellValues, differ } from './cell-values';

interface Claim {
  what: string;
  /** Cells whose sum the prose states. */
  cells: string[];
  /** Also accepted: reports often say 受理 for 新收 + 上年结转. */
  alsoAccepted?: string[];
  /** A number stated in the prose (first capture group), or a statement that there were none. */
  stated: RegExp[];
  none?: RegExp[];
}

const CLAIMS: Claim[] = [
  {
    what: '收到政府信息公开申请',
    cells: ['t3.new.total'],
    alsoAccepted: ['t3.new.total', 't3.carried_over.total'],
    stated: [/(?:新收|收到|受理|接收|收悉)[^，。；,;:：]{0,16}?(?:申请|事项)[^，。；,;\d]{0,6}?(\d+)\s*(?:件|个|条)/],
  },
  {
    what: '行政复议',
    cells: ['t4.review.total'],
    stated: [/行政复议(?:案件|申请)?(?:共|合计)?(\d+)\s*(?:件|起|宗)/],
    none: [/(?:未|没有)(?:发生|收到|出现|产生)[^。；;]{0,24}行政复议/, /行政复议[^。；;]{0,6}(?:为零|为0件|0件)/],
  },
  {
    what: '行政诉讼',
    cells: ['t4.suit_direct.total', 't4.suit_after_review.total'],
    stated: [/行政诉讼(?:案件)?(?:共|合计)?(\d+)\s*(?:件|起|宗)/],
    none: [/(?:未|没有)(?:发生|收到|出现|产生)[^。；;]{0,24}行政诉讼/, /行政诉讼[^。；;]{0,6}(?:为零|为0件|0件)/],
  },
];

/**
 * NARRATIVE: figures the prose states against the tables. Phrasing varies
 * widely, so only the first statement of each kind is read, and a mismatch is
 * a warning, never an error.
 */
export function checkNarrative(report: ParsedReport): Finding[] {
  const cells = new CellValues(report.cells);
  const prose = report.prose.normalize('NFKC');
  const findings: Finding[] = [];
  for (const claim of CLAIMS) {
    const match = firstMatch(prose, claim);
    if (!match) continue;
    const table = cells.sum(claim.cells);
    if (table === undefined) continue;
    const alt = claim.alsoAccepted ? cells.sum(claim.alsoAccepted) : undefined;
    if (!differ(table, match.stated) || (alt !== undefined && !differ(alt, match.stated))) continue;
    findings.push({
      rule: 'NARRATIVE',
      severity: RULE_BY_ID.NARRATIVE.severity,
      reportId: report.id,
      cells: claim.cells,
      expected: table,
      actual: match.stated,
      message: `正文称${claim.what} ${match.stated}（“${match.quote}”），表格为 ${table}`,
      relatedReportId: null,
    });
  }
  return findings;
}

function firstMatch(prose: string, claim: Claim): { stated: number; quote: string } | null {
  let best: { index: number; stated: number; quote: string } | null = null;
  for (const re of claim.stated) {
    const m = re.exec(prose);
    if (m && (!best || m.index < best.index)) best = { index: m.index, stated: Number(m[1]), quote: m[0] };
  }
  for (const re of claim.none ?? []) {
    const m = re.exec(prose);
    if (m && (!best || m.index < best.index)) best = { index: m.index, stated: 0, quote: m[0] };
  }
  return best;
}

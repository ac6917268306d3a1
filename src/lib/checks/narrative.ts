import { RULE_BY_ID, templateIndex, type Finding } from '../template';
import type { ParsedReport } from '../reader/types';
import { CellValues, differ } from './cell-values';
import { notEvaluated, type UnusableCell } from './not-evaluated';

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

/**
 * The count attached to the quantity itself (共12件, 合计12件, 数量为12件): not a
 * change (数量增加12件), not a deadline (2个工作日内), not a share (占30%).
 */
const COUNT = '(?:共计|共|合计|总计|累计)?(?:数量|总数|总量)?(?:共计|共|合计)?(?:为|是|达到|达)?(\\d+)(?:件|个|条|起|宗)(?!工作日|日|天|个?月|小时)';
const count = (quantity: string) => new RegExp(quantity + COUNT, 'g');

const CLAIMS: Claim[] = [
  {
    what: '收到政府信息公开申请',
    cells: ['t3.new.total'],
    alsoAccepted: ['t3.new.total', 't3.carried_over.total'],
    stated: [count('(?:新收|收到|受理|接收|收悉)(?:的)?[^，。；,;:：\\d]{0,16}?(?:申请|事项)')],
  },
  {
    what: '行政复议',
    cells: ['t4.review.total'],
    stated: [count('行政复议(?:案件|申请)?')],
    none: [/(?:未|没有)(?:发生|收到|出现|产生)[^。；;，,]{0,24}行政复议/g, /行政复议[^。；;\d]{0,6}(?:为零|为0件|0件)/g],
  },
  {
    what: '行政诉讼',
    cells: ['t4.suit_direct.total', 't4.suit_after_review.total'],
    stated: [count('行政诉讼(?:案件)?')],
    none: [/(?:未|没有)(?:发生|收到|出现|产生)[^。；;，,]{0,24}行政诉讼/g, /行政诉讼[^。；;\d]{0,6}(?:为零|为0件|0件)/g],
  },
];

/** A figure of a wider scope than the report's own body: 全市共收到…, 全市法院受理…行政诉讼案件. */
const OTHER_SCOPE = /全市|全省|全区|全县|各级|全国|法院/;
/** A change, not the quantity: 较上年多受理…, 同比增加…. */
const CHANGE = /同比|环比|较上年|比上年|较去年|比去年|上年同期|[较比]\d{4}年|增加|减少|增长|下降|上升|回落/;

/**
 * NARRATIVE: figures the prose states against the tables. Phrasing varies
 * widely, so only the first statement of each kind is read, and a mismatch is
 * a warning, never an error.
 */
export function checkNarrative(report: ParsedReport): Finding[] {
  const cells = new CellValues(report.cells);
  const prose = report.prose.normalize('NFKC');
  const findings: Finding[] = [];
  const unchecked: UnusableCell[] = [];
  let instances = 0;
  for (const claim of CLAIMS) {
    const match = firstMatch(prose, claim);
    if (!match) continue;
    const table = cells.sum(claim.cells);
    if (table === undefined) {
      // The prose states a figure the table cannot give (its cells missing or ambiguous): said, not passed over.
      const lacking = claim.cells.filter((ref) => cells.number(ref) === undefined && cells.applies(ref));
      if (lacking.length > 0) instances++;
      for (const ref of lacking) unchecked.push({ index: templateIndex(ref)!, state: cells.state(ref) });
      continue;
    }
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
  if (instances > 0) findings.push(notEvaluated('NARRATIVE', report.id, instances, unchecked));
  return findings;
}

function firstMatch(prose: string, claim: Claim): { stated: number; quote: string } | null {
  let best: { index: number; stated: number; quote: string } | null = null;
  const consider = (res: RegExp[], stated: (m: RegExpMatchArray) => number) => {
    for (const re of res) {
      const m = [...prose.matchAll(re)].find((m) => ownStatement(prose, m.index!, m[0]));
      if (m && (!best || m.index! < best.index)) best = { index: m.index!, stated: stated(m), quote: m[0] };
    }
  };
  consider(claim.stated, (m) => Number(m[1]));
  consider(claim.none ?? [], () => 0);
  return best;
}

/** Whether the sentence states the body's own figure: no wider scope in the sentence, no change in the clause. */
function ownStatement(prose: string, index: number, quote: string): boolean {
  const before = prose.slice(0, index);
  const sentence = before.slice(afterLast(before, '。;!?\n')) + quote;
  const clause = sentence.slice(afterLast(sentence, ',，'));
  return !OTHER_SCOPE.test(sentence) && !CHANGE.test(clause);
}

/** Where the text after the last of the marks begins. */
function afterLast(text: string, marks: string): number {
  return Math.max(...[...marks].map((mark) => text.lastIndexOf(mark))) + 1;
}

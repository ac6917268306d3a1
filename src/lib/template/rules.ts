/** Consistency rules (勾稽关系) of TEMPLATE.md and the reader's own findings, as data. */
export type Severity = 'error' | 'warning' | 'info';

export type RuleId =
  | 'T3_BALANCE'
  | 'T3_HANDLED_SUM'
  | 'T3_ROW_SUM'
  | 'T4_GROUP_SUM'
  | 'YEAR_CARRY'
  | 'IN_FORCE_CARRY'
  | 'NARRATIVE'
  | 'TABLE_MISSING'
  | 'CELLS_MISSING'
  | 'AMBIGUOUS_SPLIT'
  | 'UNREADABLE_CELL'
  | 'MONEY_UNIT_INFERRED'
  | 'VERSION_MIX'
  | 'IMPLAUSIBLE_VALUE'
  | 'MONEY_UNIT_SUSPECT'
  | 'NOT_EVALUATED'
  | 'META_CONFLICT'
  | 'DUPLICATE_TABLE'
  | 'DUPLICATE_REPORT';

export interface RuleDef {
  id: RuleId;
  /** consistency: a 勾稽关系 of the template; reading: what the reader met in the source. */
  kind: 'consistency' | 'reading';
  severity: Severity;
  label: string;
  /** What expected and actual mean for this rule. */
  definition: string;
}

export const RULES: readonly RuleDef[] = [
  { id: 'T3_BALANCE', kind: 'consistency', severity: 'error', label: '申请数量平衡',
    definition: '每列：本年新收 + 上年结转（expected）= 办理结果总计 + 结转下年度（actual）' },
  { id: 'T3_HANDLED_SUM', kind: 'consistency', severity: 'error', label: '办理结果合计',
    definition: '每列：（七）总计（actual）= 各项办理结果之和（expected）' },
  { id: 'T3_ROW_SUM', kind: 'consistency', severity: 'error', label: '申请人合计',
    definition: '每行：总计（actual）= 自然人 + 各类法人或其他组织之和（expected）' },
  { id: 'T4_GROUP_SUM', kind: 'consistency', severity: 'error', label: '复议诉讼合计',
    definition: '每组：总计（actual）= 结果维持 + 结果纠正 + 其他结果 + 尚未审结（expected）' },
  { id: 'YEAR_CARRY', kind: 'consistency', severity: 'warning', label: '跨年结转',
    definition: '同一机关相邻年度：本年上年结转总计（actual）= 上一年结转下年度总计（expected）' },
  { id: 'IN_FORCE_CARRY', kind: 'consistency', severity: 'warning', label: '现行有效件数衔接',
    definition: '2021版相邻年度：现行有效（actual）= 上年现行有效 + 本年制发 − 本年废止（expected）' },
  { id: 'NARRATIVE', kind: 'consistency', severity: 'warning', label: '正文与表格一致',
    definition: '正文所述数字（actual）与表格（expected）一致' },
  { id: 'TABLE_MISSING', kind: 'reading', severity: 'error', label: '缺少表格',
    definition: '报告中找不到该表格' },
  { id: 'CELLS_MISSING', kind: 'reading', severity: 'error', label: '表格不完整',
    definition: '表格中缺少模板规定的行或单元格（表格可能被截断）' },
  { id: 'AMBIGUOUS_SPLIT', kind: 'reading', severity: 'info', label: '数字无法对应到列',
    definition: '原文丢失了空单元格，除总计外的数字无法确定属于哪一列' },
  { id: 'UNREADABLE_CELL', kind: 'reading', severity: 'warning', label: '单元格无法识别',
    definition: '单元格内容既不是数字也不是“/”“—”或空白' },
  { id: 'MONEY_UNIT_INFERRED', kind: 'reading', severity: 'warning', label: '金额单位推断',
    definition: '金额未写单位，按数值位数推断为“元”并换算为万元' },
  { id: 'VERSION_MIX', kind: 'reading', severity: 'info', label: '混用模板版本',
    definition: '表格混用了2019版与2021版的行或列' },
  { id: 'IMPLAUSIBLE_VALUE', kind: 'reading', severity: 'warning', label: '数值不合常理',
    definition: '数量不是整数或为负数（本年增/减除外），或数量、金额（actual）超出一个机关一年的合理范围' },
  { id: 'MONEY_UNIT_SUSPECT', kind: 'reading', severity: 'warning', label: '金额单位存疑',
    definition: '金额按所写单位读作万元（actual）后不合常理：超过一个机关一年的全国范围、每个采购项目平均超过10亿元，或是本机关其他年度的千倍以上（expected：其他年度的中位数，或按“元”读时的万元数）' },
  { id: 'NOT_EVALUATED', kind: 'reading', severity: 'info', label: '规则未能检查',
    definition: '规则所需的单元格缺失或无法确定，这条规则未能检查：列出规则与所缺的单元格' },
  { id: 'META_CONFLICT', kind: 'reading', severity: 'warning', label: '年度与报告不符',
    definition: '清单所写年度（expected）与报告标题所写年度（actual）或表格所用模板版本不符' },
  { id: 'DUPLICATE_TABLE', kind: 'reading', severity: 'warning', label: '表格重复且数字不同',
    definition: '同一行在报告中出现两次且数字不同；读取的是第一次出现的数字' },
  { id: 'DUPLICATE_REPORT', kind: 'reading', severity: 'warning', label: '重复报告',
    definition: '同一机关同一年度有多份报告' },
];

export const RULE_BY_ID: Record<RuleId, RuleDef> = Object.fromEntries(RULES.map((r) => [r.id, r])) as Record<RuleId, RuleDef>;

/** One rule instance that did not hold, or one thing the reader met in a report. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  reportId: string;
  /** Cell references (cellRef) involved. */
  cells: string[];
  expected: number | null;
  actual: number | null;
  message: string;
  /** The other report a cross-year rule compared with. */
  relatedReportId: string | null;
  /** NOT_EVALUATED: the rule that could not be evaluated. */
  uncheckedRule?: RuleId;
}

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export const RULE_KIND_LABELS: Record<RuleDef['kind'], string> = { consistency: '勾稽关系', reading: '读取' };

/** A report's status is its worst finding's severity (reports.status). */
export const REPORT_STATUS_LABELS: Record<string, string> = { ok: '无问题', warning: '有警告', error: '有错误' };

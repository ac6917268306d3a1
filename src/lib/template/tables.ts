/**
 * The national template as data: every table, row and column key with its label
 * (TEMPLATE.md). Reader, checks, dataset schema, charts and the report view all
 * read from here; no label is typed anywhere else.
 */
import type { LabelPattern } from './labels';
import type { TemplateVersion } from './versions';

export type TableId = 't2' | 't3' | 't4';

export interface KeyDef {
  key: string;
  label: string;
  /** Patterns that identify this key in a normalised label (see labels.ts). */
  match: readonly LabelPattern[];
}

export interface ColumnDef extends KeyDef {
  /** Money, normalised to 万元. */
  money?: boolean;
  /** The name outside its header group (其他 under 法人或其他组织 is 其他组织 on its own). */
  standalone?: string;
}

/** A column's name where its header group is not shown (a chart legend, a flat table header). */
export function columnName(c: ColumnDef): string {
  return c.standalone ?? c.label;
}

/** The t2 tables' first header cell, as the template prints it. */
export const T2_ROW_HEADER = '信息内容';

export interface T2Item {
  item: string;
  label: string;
  version: TemplateVersion;
  rows: readonly KeyDef[];
  cols: readonly ColumnDef[];
}

export const TABLE_LABELS: Record<TableId, string> = {
  t2: '主动公开政府信息情况',
  t3: '收到和处理政府信息公开申请情况',
  t4: '政府信息公开行政复议、行政诉讼情况',
};

/** The report's section headings as the template numbers them: 二、主动公开政府信息情况 … */
export const TABLE_HEADINGS: Record<TableId, string> = {
  t2: `二、${TABLE_LABELS.t2}`,
  t3: `三、${TABLE_LABELS.t3}`,
  t4: `四、${TABLE_LABELS.t4}`,
};

// ---- t2 ------------------------------------------------------------------

const row = (key: string, label: string, ...match: LabelPattern[]): KeyDef => ({ key, label, match });
const col = (key: string, label: string, match: LabelPattern[], money = false): ColumnDef =>
  money ? { key, label, match, money } : { key, label, match };

const REGULATIONS = row('regulations', '规章', '规章');
const PREV_ITEMS = col('prev_items', '上一年项目数量', ['上一年项目', '上年项目']);
const CHANGE = col('change', '本年增/减', ['增/减', '增减', '增(减)']);

export const T2_ITEMS: readonly T2Item[] = [
  {
    item: 'art20_1', label: '第二十条第（一）项', version: '2019',
    rows: [REGULATIONS, row('normative_docs', '规范性文件', '规范性文件')],
    cols: [
      col('made', '本年新制作数量', ['新制作', '制作数量']),
      col('published', '本年新公开数量', ['新公开', '公开数量']),
      col('public_total', '对外公开总数量', ['公开总数', '对外公开']),
    ],
  },
  {
    item: 'art20_5', label: '第二十条第（五）项', version: '2019',
    rows: [row('licensing', '行政许可', '行政许可'), row('other_services', '其他对外管理服务事项', '其他对外管理服务', '对外管理服务')],
    cols: [PREV_ITEMS, CHANGE, col('decisions', '处理决定数量', ['处理决定'])],
  },
  {
    item: 'art20_6', label: '第二十条第（六）项', version: '2019',
    rows: [row('penalty', '行政处罚', '行政处罚'), row('coercion', '行政强制', '行政强制')],
    cols: [PREV_ITEMS, CHANGE, col('decisions', '处理决定数量', ['处理决定'])],
  },
  {
    item: 'art20_8', label: '第二十条第（八）项', version: '2019',
    rows: [row('fees', '行政事业性收费', '行政事业性收费', '收费')],
    cols: [PREV_ITEMS, CHANGE],
  },
  {
    item: 'art20_9', label: '第二十条第（九）项', version: '2019',
    rows: [row('procurement', '政府集中采购', '集中采购', '采购')],
    cols: [col('projects', '采购项目数量', ['采购项目', '项目数量']), col('amount', '采购总金额', ['采购总金额', '总金额', '金额'], true)],
  },
  {
    item: 'art20_1', label: '第二十条第（一）项', version: '2021',
    rows: [REGULATIONS, row('normative_docs', '行政规范性文件', '规范性文件')],
    cols: [
      col('issued', '本年制发件数', ['制发']),
      col('repealed', '本年废止件数', ['废止']),
      col('in_force', '现行有效件数', ['现行有效']),
    ],
  },
  {
    item: 'art20_5', label: '第二十条第（五）项', version: '2021',
    rows: [row('licensing', '行政许可', '行政许可')],
    cols: [col('decisions', '本年处理决定数量', ['处理决定'])],
  },
  {
    item: 'art20_6', label: '第二十条第（六）项', version: '2021',
    rows: [row('penalty', '行政处罚', '行政处罚'), row('coercion', '行政强制', '行政强制')],
    cols: [col('decisions', '本年处理决定数量', ['处理决定'])],
  },
  {
    item: 'art20_8', label: '第二十条第（八）项', version: '2021',
    rows: [row('fees', '行政事业性收费', '行政事业性收费', '收费')],
    cols: [col('amount', '本年收费金额（单位：万元）', ['收费金额', '金额'], true)],
  },
];

export function t2Items(version: TemplateVersion): readonly T2Item[] {
  return T2_ITEMS.filter((i) => i.version === version);
}

// ---- t3 ------------------------------------------------------------------

export const T3_COLUMNS: readonly ColumnDef[] = [
  col('natural_person', '自然人', ['自然人']),
  col('business', '商业企业', ['商业企业']),
  col('research', '科研机构', ['科研机构']),
  col('social_org', '社会公益组织', ['社会公益组织']),
  col('legal_service', '法律服务机构', ['法律服务机构']),
  { ...col('other_org', '其他', [/^其他$/]), standalone: '其他组织' },
  col('total', '总计', ['总计']),
];

/** Applicant columns (all but 总计). */
export const T3_APPLICANT_COLUMNS = T3_COLUMNS.filter((c) => c.key !== 'total');

/** Groups of outcome rows that are numbered 1., 2., … under a group label. */
export type T3Group = 'denied' | 'unavailable' | 'rejected' | 'other';

export const T3_GROUPS: readonly (KeyDef & { key: T3Group })[] = [
  { key: 'denied', label: '（三）不予公开', match: ['不予公开'] },
  { key: 'unavailable', label: '（四）无法提供', match: ['无法提供'] },
  { key: 'rejected', label: '（五）不予处理', match: ['不予处理'] },
  { key: 'other', label: '（六）其他处理', match: ['其他处理'] },
];

export interface T3Row extends KeyDef {
  group?: T3Group;
  /** What the row is called alone, where its label leans on its place in the table (（七）总计 closes 三、本年度办理结果). */
  name?: string;
  /** Versions whose template has this row; absent = both. */
  versions?: readonly TemplateVersion[];
}

const t3 = (key: string, label: string, match: LabelPattern[], extra: Partial<T3Row> = {}): T3Row => ({ key, label, match, ...extra });
const inGroup = (group: T3Group, versions?: TemplateVersion[]) => (versions ? { group, versions } : { group });

export const T3_ROWS: readonly T3Row[] = [
  t3('new', '一、本年新收政府信息公开申请数量', ['本年新收', '新收']),
  t3('carried_over', '二、上年结转政府信息公开申请数量', ['上年结转']),
  t3('granted', '（一）予以公开', ['予以公开']),
  t3('partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ['部分公开']),
  t3('denied.state_secret', '1.属于国家秘密', ['国家秘密'], inGroup('denied')),
  t3('denied.law_prohibited', '2.其他法律行政法规禁止公开', ['法律行政法规禁止', '禁止公开'], inGroup('denied')),
  t3('denied.security', '3.危及“三安全一稳定”', ['三安全一稳定', '危及'], inGroup('denied')),
  t3('denied.third_party', '4.保护第三方合法权益', ['第三方'], inGroup('denied')),
  t3('denied.internal', '5.属于三类内部事务信息', ['内部事务'], inGroup('denied')),
  t3('denied.process', '6.属于四类过程性信息', ['过程性'], inGroup('denied')),
  t3('denied.enforcement', '7.属于行政执法案卷', ['执法案卷'], inGroup('denied')),
  t3('denied.inquiry', '8.属于行政查询事项', ['行政查询', '查询事项'], inGroup('denied')),
  t3('unavailable.not_held', '1.本机关不掌握相关政府信息', ['不掌握'], inGroup('unavailable')),
  t3('unavailable.needs_creation', '2.没有现成信息需要另行制作', ['另行制作', '没有现成'], inGroup('unavailable')),
  t3('unavailable.unclear', '3.补正后申请内容仍不明确', ['不明确'], inGroup('unavailable')),
  t3('rejected.petition', '1.信访举报投诉类申请', ['信访', '举报投诉'], inGroup('rejected')),
  t3('rejected.duplicate', '2.重复申请', ['重复申请'], inGroup('rejected')),
  t3('rejected.publication', '3.要求提供公开出版物', ['出版物'], inGroup('rejected')),
  t3('rejected.excessive', '4.无正当理由大量反复申请', ['大量反复'], inGroup('rejected')),
  t3('rejected.confirmation', '5.要求行政机关确认或重新出具已获取信息', ['重新出具', '确认'], inGroup('rejected')),
  t3('other', '（六）其他处理', ['其他处理'], { versions: ['2019'] }),
  t3('other.no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ['不补正'], inGroup('other', ['2021'])),
  t3('other.unpaid_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ['缴纳费用', '收费通知'], inGroup('other', ['2021'])),
  t3('other.other', '3.其他', [/^(?:3[.、]?)?其他$/], inGroup('other', ['2021'])),
  t3('handled', '（七）总计', ['总计'], { name: '办理结果总计' }),
  t3('carried_forward', '四、结转下年度继续办理', ['结转下年', '下年度继续']),
];

export function t3Rows(version: TemplateVersion): readonly T3Row[] {
  return T3_ROWS.filter((r) => !r.versions || r.versions.includes(version));
}

/** Rows whose sum is 办理结果（七）总计 (T3_HANDLED_SUM). */
export const T3_OUTCOME_ROWS = T3_ROWS.filter((r) => !['new', 'carried_over', 'handled', 'carried_forward'].includes(r.key));

// ---- t4 ------------------------------------------------------------------

export const T4_GROUPS: readonly KeyDef[] = [
  row('review', '行政复议', '行政复议'),
  row('suit_direct', '行政诉讼·未经复议直接起诉', '未经复议直接起诉', '直接起诉'),
  row('suit_after_review', '行政诉讼·复议后起诉', '复议后起诉'),
];

export const T4_COLUMNS: readonly ColumnDef[] = [
  col('upheld', '结果维持', ['维持']),
  col('corrected', '结果纠正', ['纠正']),
  col('other', '其他结果', ['其他结果']),
  col('pending', '尚未审结', ['尚未审结', '未审结']),
  col('total', '总计', ['总计']),
];

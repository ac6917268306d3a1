/** Issuing body and year read off a report's own text, when no manifest names them. */
export interface DetectedMeta {
  body: string | null;
  year: number | null;
  /** A region-wide report compiled from many bodies: its title names only a place (2020年上海市政府信息公开工作年度报告). */
  kind: 'consolidated' | null;
}

// Patterns run on text already cleaned by compact(): NFKC, no whitespace, Arabic year digits.
const YEAR = '(?<year>20\\d{2})年度?';
/** A body's name: whatever stands there, short and without sentence punctuation or digits. */
const BODY = '(?<body>[^\\d，。：；、,.:;!?！？“”"\'《》<>【】]{2,40}?)';
const REPORT = '(?:政府信息|政务)公开(?:工作)?(?:年度报告|年报)';

const TITLES = [
  new RegExp(`^${BODY}(?:关于)?${YEAR}${REPORT}`),
  new RegExp(`^${YEAR}${BODY}${REPORT}`),
  // XX局政府信息公开工作年度报告（2023年度）
  new RegExp(`^${BODY}${REPORT}(?:\\(${YEAR}\\))?`),
  new RegExp(`^${YEAR}${REPORT}`),
];

/** A title quoted in running text: 现公布XX局2023年政府信息公开工作年度报告. */
const TITLE_IN_PROSE = [
  new RegExp(`(?:公布|发布|印发|编制|编写|形成)(?:了)?${BODY}(?:关于)?${YEAR}${REPORT}`, 'g'),
  new RegExp(`(?:公布|发布|印发|编制|编写|形成)(?:了)?${YEAR}${BODY}${REPORT}`, 'g'),
];

/** Who compiled it: 本报告由北京市朝阳区人民政府办公室（根据…）编制. */
const COMPILED_BY = new RegExp(`报告(?:是)?由${BODY}(?=根据|依据|按照|依照|负责|编制|编写|制作|汇总|起草)`, 'g');
/** The statistics period: 统计期限自2023年1月1日起至2023年12月31日止. */
const PERIOD = /统计(?:期限|时限|期间|区间|时间|周期)?[^。;]{0,10}?(20\d{2})年1月1日/;
/** The opening of 总体情况: 2023年，XX局坚持… */
const OPENING = new RegExp(
  `^(?:[一二三四五六七八九十]+、总体情况)?${YEAR}(?:以来)?,` +
    `(?:(?!我|本|在|全|各|按照|根据|围绕|为)${BODY}(?=坚持|认真|深入|全面|严格|按照|紧紧|紧扣|紧密|聚焦|围绕|立足|始终|不断|持续|积极|进一步|切实|扎实|着力|大力|高度|以))?`,
);
/** The body's own rules: 《浙江省经济和信息化厅政府信息公开实施办法》. */
const OWN_RULES = /《([^\s《》、，,]{2,40}?(?:办公厅|办公室|委员会|人民政府|厅|局|委|办|署|院|会|中心|街道办事处|镇|乡|街道))政府信息(?:公开|主动公开)/;

/** Words of a site's navigation or of the report itself, never of a body's name. */
const NOT_A_BODY = /公开|报告|首页|位置|栏目|关于/;
const PLACE = '[\u4e00-\u9fff]{1,8}?(?:自治区|自治州|自治县|自治旗|省|市|区|县|盟|旗)';
const PLACE_ONLY = new RegExp(`^(?:${PLACE}){1,3}$`);
/** Zones that end in 区 but are run by a management body, not a region's government. */
const ZONE = /(?:开发区|高新区|实验区|试验区|示范区|园区|保税区|合作区|片区|景区|度假区|社区|校区)$/;

/**
 * Body and year by how surely the text says them: the title (first lines, a
 * title maybe split over two); a title quoted in the prose or who compiled
 * it; the body's own rules; the opening sentence; the year written most.
 */
/** The year a report's title states (its first lines only: cheap enough to check every report against its manifest row). */
export function titleYear(lines: string[]): number | null {
  for (const raw of lines.slice(0, 15)) {
    // Only a short line that names a report can be its title: the rest are not worth cleaning up.
    if (raw.length > 200 || !/报告|年报/.test(raw)) continue;
    const line = compact(raw);
    if (!line || isFurniture(line)) continue;
    const year = readTitle(titleText(line))?.year;
    if (year) return Number(year);
  }
  return null;
}

export function detectMeta(lines: string[]): DetectedMeta {
  const compacted = lines.map(compact);
  const head = compacted.filter((line) => line && !isFurniture(line)).slice(0, 40);
  const prose = compacted.join('\n');
  let body: string | null = null;
  let year: number | null = null;
  const offer = (b: string | undefined, y: string | undefined) => {
    if (!body && b && isBody(b)) body = b;
    if (!year && y && Number(y) >= 2008) year = Number(y);
  };

  head.forEach((line, i) => {
    if (line.length > 200) return;
    const title = readTitle(titleText(line));
    // A title broken after the body or after the year: 北京市朝阳区人民政府 / 2023年政府信息公开工作年度报告.
    const joined = !title?.body && i + 1 < head.length && line.length <= 40 ? readTitle(titleText(line + head[i + 1])) : null;
    const found = joined?.body ? joined : title;
    offer(found?.body, found?.year);
  });
  for (const re of TITLE_IN_PROSE) for (const m of prose.replace(/[《》]/g, '').matchAll(re)) offer(m.groups!.body, m.groups!.year);
  for (const m of prose.matchAll(COMPILED_BY)) offer(fullName(m.groups!.body), undefined);
  offer(signature(compacted), undefined);
  offer(undefined, PERIOD.exec(prose)?.[1]);
  offer(OWN_RULES.exec(prose)?.[1], undefined);
  for (const line of head) {
    const m = OPENING.exec(line);
    if (m) offer(fullName(m.groups!.body), m.groups!.year);
  }
  year ??= mostFrequentYear(prose);
  return { body, year, kind: body && isPlaceOnly(body) ? 'consolidated' : null };
}

function readTitle(text: string): { body?: string; year?: string } | null {
  for (const re of TITLES) {
    const found = re.exec(text)?.groups;
    if (found && (found.body === undefined || isBody(found.body))) return found;
  }
  return null;
}

/** NFKC (full-width letters, digits, brackets), whitespace removed, 二〇二三年 → 2023年. */
function compact(line: string): string {
  return line
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[〇零一二三四五六七八九]{4}(?=年)/g, (y) => [...y].map((c) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c)).join(''));
}

/** A title line as the patterns read it: the last step of a breadcrumb, no quotes, no 关于/印发 before it. */
function titleText(line: string): string {
  return line
    .split(/[>»›]/)
    .pop()!
    .replace(/【[^】]*】|[《》〈〉“”"「」]/g, '')
    .replace(/^(?:标题|名称|题名):/, '')
    .replace(/^关于(?:印发|公布|发布|公开)?/, '');
}

/** Page numbers, the publishing site's metadata lines, a breadcrumb without a title. */
function isFurniture(line: string): boolean {
  return (
    /^(?:page\d+(?:of\d+)?|第?\d+页(?:[,/]?共\d+页)?|[-—–]*\d+[-—–]*|(?:\d+\/)?\d+)$/i.test(line) ||
    /^(?:发布|成文|生效|更新|印发)?(?:日期|时间)[:：]|^(?:索引号|来源|信息来源|发布机构|发文机关|文号|发文字号|主题分类|分类|浏览次数|访问次数|点击数|作者|字号)[:：]/.test(line) ||
    /^(?:【[^】]*】)+$/.test(line) ||
    (/[>»›]/.test(line) && !new RegExp(REPORT).test(line))
  );
}

function isBody(text: string): boolean {
  return text.length >= 2 && !NOT_A_BODY.test(text) && !/^(?:[年度的我该]|本(?:机关|单位|部门|级|年))/.test(text);
}

/** Prose often names the body short, by its level alone (省经信厅, 市政府办公室): not a name to key it by. */
function fullName(body: string | undefined): string | undefined {
  return body && !/^[省市区县州盟旗镇乡]/.test(body) ? body : undefined;
}

function isPlaceOnly(body: string): boolean {
  return PLACE_ONLY.test(body) && !ZONE.test(body);
}

/** The closing signature (落款): the body's name on a line of its own, the date on the next. */
const SIGNED_BY = /(?:人民政府|办公厅|办公室|委员会|管委会|局|厅|委|办|署|院|中心|街道办事处|街道|镇|乡|海关|监狱|支队|公司)$/;
const SIGNED_ON = /^(?:20\d{2}|二[〇○零]\S{2})年\S{1,3}月\S{1,3}日$/;

function signature(lines: string[]): string | undefined {
  const tail = lines.filter(Boolean).slice(-20);
  for (let i = tail.length - 2; i >= 0; i--) {
    if (SIGNED_ON.test(tail[i + 1]) && tail[i].length <= 30 && SIGNED_BY.test(tail[i])) return tail[i];
  }
  return undefined;
}

function mostFrequentYear(prose: string): number | null {
  for (const pattern of [/(20\d{2})年度/g, /(20\d{2})年(?!\d)/g]) {
    const counts = new Map<number, number>();
    for (const m of prose.matchAll(pattern)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
    if (counts.size > 0) return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  }
  return null;
}

import { describe, expect, it } from 'vitest';
import { detectMeta, type DetectedMeta } from '../../src/lib/reader/metadata';

// The first lines of a report as the readers give them (prose lines, tables left out),
// with the body, year and kind a reader of the page would write down.
const OPENING = '一、总体情况';
const meta = (body: string | null, year: number | null, kind: DetectedMeta['kind'] = null): DetectedMeta => ({ body, year, kind });

const CASES: [string, string[], DetectedMeta][] = [
  ['body, year, standard title', ['北京市朝阳区人民政府2024年政府信息公开工作年度报告', OPENING], meta('北京市朝阳区人民政府', 2024)],
  ['city department, 年度', ['杭州市市场监督管理局2023年度政府信息公开工作年度报告', OPENING], meta('杭州市市场监督管理局', 2023)],
  ['year first', ['2019年上海市人民政府办公厅政府信息公开工作年度报告', '发布日期：2020-01-31'], meta('上海市人民政府办公厅', 2019)],
  ['year first, 年度', ['2021年度深圳市福田区教育局政府信息公开工作年度报告'], meta('深圳市福田区教育局', 2021)],
  ['实验区', ['重庆两江新区礼嘉智慧生态城实验区2022年政府信息公开工作年度报告'], meta('重庆两江新区礼嘉智慧生态城实验区', 2022)],
  ['管理委员会', ['苏州工业园区管理委员会2023年政府信息公开工作年度报告'], meta('苏州工业园区管理委员会', 2023)],
  ['管委会', ['合肥高新技术产业开发区管委会2020年政府信息公开工作年度报告'], meta('合肥高新技术产业开发区管委会', 2020)],
  ['开发区, not a place', ['宁波经济技术开发区2021年政府信息公开工作年度报告'], meta('宁波经济技术开发区', 2021)],
  ['高新区, not a place', ['2022年成都高新区政府信息公开工作年度报告'], meta('成都高新区', 2022)],
  ['街道办事处', ['广州市越秀区北京街道办事处2023年政府信息公开工作年度报告'], meta('广州市越秀区北京街道办事处', 2023)],
  ['街道', ['上海市静安区南京西路街道2021年政府信息公开工作年度报告'], meta('上海市静安区南京西路街道', 2021)],
  ['研究院', ['浙江省农业科学院2022年政府信息公开工作年度报告'], meta('浙江省农业科学院', 2022)],
  ['监狱', ['江苏省苏州监狱2023年政府信息公开工作年度报告'], meta('江苏省苏州监狱', 2023)],
  ['海关', ['2020年宁波海关政府信息公开工作年度报告'], meta('宁波海关', 2020)],
  ['支队', ['北京市公安局公安交通管理局第三支队2022年政府信息公开工作年度报告'], meta('北京市公安局公安交通管理局第三支队', 2022)],
  ['中心', ['湖北省公共资源交易中心2021年政府信息公开工作年度报告'], meta('湖北省公共资源交易中心', 2021)],
  ['parenthesised place in the name', ['中国(上海)自由贸易试验区临港新片区管理委员会2023年政府信息公开工作年度报告'], meta('中国(上海)自由贸易试验区临港新片区管理委员会', 2023)],
  ['region-wide: a province', ['2021年浙江省政府信息公开工作年度报告'], meta('浙江省', 2021, 'consolidated')],
  ['region-wide: a city', ['2020年上海市政府信息公开工作年度报告', OPENING], meta('上海市', 2020, 'consolidated')],
  ['region-wide: a district of a city', ['杭州市西湖区2022年政府信息公开工作年度报告'], meta('杭州市西湖区', 2022, 'consolidated')],
  ['region-wide: an autonomous region', ['2023年广西壮族自治区政府信息公开工作年度报告'], meta('广西壮族自治区', 2023, 'consolidated')],
  ['region-wide: a banner', ['鄂托克前旗2021年政府信息公开工作年度报告'], meta('鄂托克前旗', 2021, 'consolidated')],
  ['the city government is a body', ['上海市人民政府2020年政府信息公开工作年度报告'], meta('上海市人民政府', 2020)],
  ['关于', ['关于北京市海淀区人民政府2022年政府信息公开工作年度报告'], meta('北京市海淀区人民政府', 2022)],
  ['body 关于 year', ['天津市河西区人民政府关于2023年度政府信息公开工作年度报告'], meta('天津市河西区人民政府', 2023)],
  ['关于印发《…》的通知', ['关于印发《南京市江宁区人民政府2021年政府信息公开工作年度报告》的通知'], meta('南京市江宁区人民政府', 2021)],
  ['《》 around the title', ['《福建省生态环境厅2022年政府信息公开工作年度报告》'], meta('福建省生态环境厅', 2022)],
  ['spaces and a trailing note', ['广东省 财政厅 2023 年 政府信息公开工作年度报告（2024年1月修订）'], meta('广东省财政厅', 2023)],
  ['full-width digits and spaces', ['　　济南市历下区人民政府２０２２年政府信息公开工作年度报告'], meta('济南市历下区人民政府', 2022)],
  ['year in Chinese numerals', ['武汉市江汉区人民政府二〇二三年政府信息公开工作年度报告'], meta('武汉市江汉区人民政府', 2023)],
  ['year in a trailing note', ['四川省水利厅政府信息公开工作年度报告（2021年度）'], meta('四川省水利厅', 2021)],
  ['split after the body', ['北京市朝阳区人民政府', '2023年政府信息公开工作年度报告', OPENING], meta('北京市朝阳区人民政府', 2023)],
  ['split after the year', ['2022年度', '国家税务总局宁波市税务局政府信息公开工作年度报告', OPENING], meta('国家税务总局宁波市税务局', 2022)],
  ['split inside the phrase', ['青岛市市南区人民政府2021年政府信息公开', '工作年度报告'], meta('青岛市市南区人民政府', 2021)],
  [
    'web page furniture before the title',
    ['首页 > 政府信息公开 > 年度报告', '【字体：大 中 小】【打印】', '索引号：11110105000000000/2024-00012', '来源：北京市朝阳区人民政府办公室', '发布日期：2024-01-20', '北京市朝阳区人民政府2023年政府信息公开工作年度报告'],
    meta('北京市朝阳区人民政府', 2023),
  ],
  ['breadcrumb ending in the title', ['当前位置：首页 > 年度报告 > 长沙市岳麓区人民政府2021年政府信息公开工作年度报告'], meta('长沙市岳麓区人民政府', 2021)],
  ['page numbers around the title (a PDF)', ['- 1 -', 'Page 1', '沈阳市和平区人民政府2020年政府信息公开工作年度报告'], meta('沈阳市和平区人民政府', 2020)],
  [
    'compiled by, year from the statistics period',
    ['政府信息公开工作年度报告', '本报告由北京市朝阳区人民政府办公室编制。本年度报告中所列数据统计期限自2023年1月1日起至2023年12月31日止。'],
    meta('北京市朝阳区人民政府办公室', 2023),
  ],
  [
    'compiled by … according to …',
    ['本年度报告由厦门市思明区人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制，统计期限为2022年1月1日至2022年12月31日。'],
    meta('厦门市思明区人民政府办公室', 2022),
  ],
  [
    '现公布 a title in running text, after other bodies named',
    ['根据《中华人民共和国政府信息公开条例》和国务院办公厅有关要求，现公布青岛市交通运输局2023年政府信息公开工作年度报告。'],
    meta('青岛市交通运输局', 2023),
  ],
  [
    'the opening sentence names the body',
    [OPENING, '2023年，昆明市五华区发展和改革局坚持以习近平新时代中国特色社会主义思想为指导，认真落实政务公开各项要求。'],
    meta('昆明市五华区发展和改革局', 2023),
  ],
  [
    'the title wins over bodies named in the opening prose',
    ['南昌市东湖区人民政府2022年政府信息公开工作年度报告', '2022年，在市委、市政府的坚强领导下，按照国务院办公厅部署，本报告由东湖区政府办公室编制。'],
    meta('南昌市东湖区人民政府', 2022),
  ],
  [
    'a title with the year only: the closing signature (落款) names the body',
    ['2023年政府信息公开工作年度报告', OPENING, '2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。', '六、其他需要报告的事项', '本年度未收取信息处理费。', '杭州市统计局', '2024年1月18日'],
    meta('杭州市统计局', 2023),
  ],
  [
    'a signature dated in Chinese numerals',
    ['政府信息公开工作年度报告（2022年度）', '本年度报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。', '舟山市定海区环南街道办事处', '二〇二三年一月十六日'],
    meta('舟山市定海区环南街道办事处', 2022),
  ],
  ['negative: a page that names no body', ['政府信息公开工作年度报告', OPENING, '2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。'], meta(null, 2023)],
  [
    'negative: the opening names only the leadership and other bodies',
    [OPENING, '2022年，在市委、市政府的坚强领导下，全面贯彻落实国务院办公厅关于政务公开的部署。'],
    meta(null, 2022),
  ],
  ['negative: the opening names the body short', [OPENING, '2019年,省经信厅认真贯彻党的十九大精神。', '本报告由市政府办公室编制。'], meta(null, 2019)],
  ['negative: navigation lines are no body', ['首页', '政务公开', '2021年政府信息公开工作年度报告', OPENING], meta(null, 2021)],
  ['negative: a link to another report is no title', ['上一篇：株洲市荷塘区人民政府2020年政府信息公开工作年度报告'], meta(null, 2020)],
];

describe('detectMeta: body, year and kind from the report text', () => {
  it.each(CASES)('%s', (_name, lines, expected) => {
    expect(detectMeta(lines)).toEqual(expected);
  });

  it('a rules document names the body when nothing better does (the seed’s form)', () => {
    const lines = [OPENING, '2019年,省经信厅认真贯彻党的十九大精神。', '修订《浙江省经济和信息化厅政府信息公开实施办法》，规范依申请公开工作。'];
    expect(detectMeta(lines)).toEqual(meta('浙江省经济和信息化厅', 2019));
  });

  it('nothing at all: no body, no year', () => {
    expect(detectMeta(['Page 1', '- 1 -', '【字体：大 中 小】'])).toEqual(meta(null, null));
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/lib/checks';
import { fixture, parseText } from '../helpers';

// full-2021.txt (示例市文化和旅游局, 2022): t3 new 29, carried over 3; t4 review total 3,
// suits 1 + 1 = 2. Each case replaces its two prose sentences on 依申请公开 and on
// 复议诉讼 with sentences as real reports write them.
const BASE = readFileSync(fixture('text/full-2021.txt'), 'utf8');
const REQUESTS = '本年度共收到政府信息公开申请29件，上年结转3件，均在法定期限内答复。';
const APPEALS = '本年度发生政府信息公开行政复议3件，行政诉讼2件。';

function narrative(requests: string, appeals = APPEALS) {
  expect(BASE).toContain(REQUESTS);
  expect(BASE).toContain(APPEALS);
  const report = parseText(BASE.replace(REQUESTS, requests).replace(APPEALS, appeals));
  return checkNarrative(report).map((f) => [f.cells[0], f.expected, f.actual]);
}

describe('NARRATIVE: statements that are not the table’s quantity give no warning', () => {
  it.each([
    ['a deadline (工作日内)', '对收到的政府信息公开申请要求在2个工作日内完成登记，本年度共收到政府信息公开申请29件。'],
    ['a deadline (日内)', '收到政府信息公开申请15日内予以答复，全年共受理政府信息公开申请29件。'],
    ['a change (数量增加)', '本年度收到政府信息公开申请数量增加12件，主要集中在文物保护和旅游市场监管领域。'],
    ['a change (较上年)', '较上年多受理政府信息公开申请12件，申请主要涉及文化市场执法信息。'],
    ['a change (同比下降)', '2022年，本机关收到政府信息公开申请同比下降8件。'],
    ['a share (占比)', '收到的政府信息公开申请中，自然人申请20件，占69%。'],
    ['a region-wide figure (全市)', '2022年，全市各级行政机关共收到政府信息公开申请5236件，本局共收到政府信息公开申请29件。'],
    ['a province-wide figure (全省)', '全省共受理政府信息公开申请1.2万余件，本局新收政府信息公开申请29件。'],
  ])('%s', (_name, requests) => {
    expect(narrative(requests)).toEqual([]);
  });

  it.each([
    ['a court figure (法院)', '全市法院共审结政府信息公开行政诉讼案件687件。本年度发生政府信息公开行政复议3件，行政诉讼2件。'],
    ['a district-wide figure (全区)', '全区共发生政府信息公开行政复议案件45件、行政诉讼案件12件。本机关行政复议3件，行政诉讼2件。'],
    ['a change (减少)', '行政复议案件较上年减少2件，行政诉讼案件同比减少1件。'],
    ['a time limit (日内)', '被申请行政复议的，在10日内提出书面答复。'],
  ])('%s', (_name, appeals) => {
    expect(narrative(REQUESTS, appeals)).toEqual([]);
  });

  it('受理 may mean new plus carried over: 受理32件 = 29 + 3', () => {
    expect(narrative('本年度共受理政府信息公开申请32件，已全部办结。')).toEqual([]);
  });
});

describe('NARRATIVE: a different figure for the same quantity still warns', () => {
  it.each([
    ['数量为', '本机关收到政府信息公开申请数量为35件，全部按期答复。', 35],
    ['合计, a change after it', '本年度新收政府信息公开申请合计35件，同比增加6件。', 35],
    ['受理 neither new nor new + carried over', '全年共受理依申请公开事项40件，均在法定期限内答复。', 40],
    ['a deadline first, then the figure', '对收到的政府信息公开申请要求在2个工作日内完成登记，全年共收到政府信息公开申请35件。', 35],
    ['a region-wide figure first, then its own', '2022年，全市共收到政府信息公开申请5236件。我局共收到政府信息公开申请35件。', 35],
  ])('requests: %s', (_name, requests, stated) => {
    expect(narrative(requests)).toEqual([['t3.new.total', 29, stated]]);
  });

  it('行政复议案件5件 against review total 3', () => {
    expect(narrative(REQUESTS, '本年度发生政府信息公开行政复议案件5件，行政诉讼2件。')).toEqual([['t4.review.total', 3, 5]]);
  });

  it('被提起行政诉讼4件 against suits 1 + 1', () => {
    expect(narrative(REQUESTS, '因政府信息公开被申请行政复议3件，被提起行政诉讼4件。')).toEqual([['t4.suit_direct.total', 2, 4]]);
  });

  it('未发生…行政复议 against review total 3', () => {
    expect(narrative(REQUESTS, '本年度未发生政府信息公开行政复议案件，行政诉讼2件。')).toEqual([['t4.review.total', 3, 0]]);
  });
});

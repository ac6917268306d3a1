import type { CellState } from '../template';

export type MoneyUnit = '元' | '万元' | '亿元';

export interface CellReading {
  state: CellState;
  value: number | null;
  /** unreadable: neither number nor '/', '—', blank; unitInferred: a bare money amount read as 元 by its size. */
  note?: 'unreadable' | 'unitInferred';
}

const TO_WAN: Record<MoneyUnit, number> = { 元: 1e-4, 万元: 1, 亿元: 1e4 };
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(亿元|万元|万|元|件|个|项|次|人次|条)?$/;

/** The money unit a column header states, e.g. 本年收费金额（单位：万元）. */
export function headerMoneyUnit(header: string): MoneyUnit | null {
  const m = header.normalize('NFKC').match(/亿元|万元|元/);
  return m ? (m[0] as MoneyUnit) : null;
}

/**
 * One cell's text → state and value. Money is normalised to 万元 from the unit in
 * the cell, else the unit in the header, else 万元; a bare integer of 8 or more
 * digits cannot be 万元 for one body's spending and is read as 元 (and noted).
 */
export function readCell(raw: string, money: { headerUnit: MoneyUnit | null } | null = null): CellReading {
  // Cells repeat the same few texts ('/', '0', '1' …) across thousands of reports.
  const cache = caches[money ? (money.headerUnit ?? 'none') : 'count'];
  let reading = cache.get(raw);
  if (!reading) {
    reading = readText(raw, money);
    if (cache.size > 10_000) cache.clear();
    cache.set(raw, reading);
  }
  return reading;
}

const caches: Record<MoneyUnit | 'none' | 'count', Map<string, CellReading>> = {
  count: new Map(),
  none: new Map(),
  元: new Map(),
  万元: new Map(),
  亿元: new Map(),
};

/** Superscript digits: a footnote mark after a figure (1044¹), which NFKC would join to it. */
const SUPERSCRIPT = /[\u00b9\u00b2\u00b3\u2070-\u2079]/;

function readText(raw: string, money: { headerUnit: MoneyUnit | null } | null): CellReading {
  const spaced = raw.normalize('NFKC').replace(/\[\s*\d+\s*\]/g, '');
  // Two figures in one cell (two paragraphs, a figure and its footnote) are not one figure.
  if (SUPERSCRIPT.test(raw) || /\d[\s\u00a0]+[\d+-]/.test(spaced)) return { state: 'ambiguous', value: null, note: 'unreadable' };
  const text = spaced.replace(/[\s\u00a0]/g, '');
  if (text === '') return { state: 'blank', value: null };
  if (/^\/+$/.test(text)) return { state: 'slash', value: null };
  if (/^[-—–―─‐]+$/.test(text)) return { state: 'dash', value: null };
  const m = NUMBER.exec(text);
  if (!m) return { state: 'ambiguous', value: null, note: 'unreadable' };
  const [, sign, whole, fraction, suffix] = m;
  const number = Number(`${sign}${whole.replaceAll(',', '')}${fraction ? `.${fraction}` : ''}`);
  const cellUnit = suffix === '万' ? '万元' : (suffix as MoneyUnit | undefined);
  const isMoneyUnit = cellUnit === '元' || cellUnit === '万元' || cellUnit === '亿元';
  if (!money) {
    return isMoneyUnit ? { state: 'ambiguous', value: null, note: 'unreadable' } : { state: 'value', value: number };
  }
  if (suffix && !isMoneyUnit) return { state: 'ambiguous', value: null, note: 'unreadable' };
  if (isMoneyUnit) return { state: 'value', value: toWan(number, cellUnit) };
  if (money.headerUnit) return { state: 'value', value: toWan(number, money.headerUnit) };
  if (!fraction && whole.replaceAll(',', '').length >= 8) return { state: 'value', value: toWan(number, '元'), note: 'unitInferred' };
  return { state: 'value', value: number };
}

function toWan(amount: number, unit: MoneyUnit): number {
  return Math.round(amount * TO_WAN[unit] * 1e6) / 1e6;
}

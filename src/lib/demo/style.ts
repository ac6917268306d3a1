import type { DemoBody } from './bodies';
import { Random } from './random';

/** How a body writes its report: real sites differ in format and in how they write zeros, money and signs. */
export interface WritingStyle {
  format: 'text' | 'html';
  zero: '0' | '/';
  money: 'wan-unit' | 'bare' | 'yuan';
  signedChange: boolean;
  /** HTML: one table per t2 item rather than one table for all. */
  t2Split: boolean;
}

export function writingStyle(body: DemoBody, seed: number): WritingStyle {
  const r = new Random(seed, body.name, 'style');
  return {
    format: r.chance(0.6) ? 'html' : 'text',
    zero: r.chance(0.25) ? '/' : '0',
    money: r.pick(['wan-unit', 'bare', 'yuan'] as const),
    signedChange: r.chance(0.3),
    t2Split: r.chance(0.4),
  };
}

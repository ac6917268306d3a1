import { execFileSync } from 'node:child_process';

/** Resident memory of Chromium's renderer processes (MiB): the open tabs, their workers included. */
export function rendererMemory(): number {
  const out = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes('--type=renderer')).reduce((kb, l) => kb + Number(l.trim().split(/\s+/)[0]), 0) / 1024;
}

/** Samples rendererMemory every 100 ms until stopped; gives the peak. */
export function memoryPeak(): { stop: () => number } {
  let peak = rendererMemory();
  const sampler = setInterval(() => (peak = Math.max(peak, rendererMemory())), 100);
  return { stop: () => (clearInterval(sampler), peak) };
}

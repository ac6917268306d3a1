import { CELL_STATE_LABELS, CELL_STATES, RULE_BY_ID, RULES } from '../template';
import { REPORT_EXTENSIONS } from './collect';
import type { IngestSummary } from './run';

/** The summary an ingest ends with, as lines for a terminal. */
export function formatSummary(s: IngestSummary): string {
  const lines = [
    `文件 files: ${s.files}    报告 reports: ${s.reports}    失败 failed: ${s.failures.length}`,
    `单元格 cells: ${CELL_STATES.map((st) => `${CELL_STATE_LABELS[st]} ${st} ${s.cellsByState[st].toLocaleString('en-US')}`).join(' · ')}`,
  ];
  const rules = RULES.filter((r) => s.findingsByRule[r.id]);
  lines.push(rules.length === 0 ? '发现 findings: 无 none' : '发现 findings:');
  for (const r of rules) lines.push(`  ${r.id.padEnd(20)} ${String(s.findingsByRule[r.id]).padStart(7)}  ${RULE_BY_ID[r.id].severity.padEnd(7)} ${r.label}`);
  if (s.failures.length > 0) {
    lines.push('失败的文件 failed files:');
    for (const f of s.failures) lines.push(`  ✗ ${f.file}: ${f.reason}`);
  }
  if (s.written.length > 0) lines.push(`数据集已写入 dataset written: ${s.out}`);
  else if (s.files === 0) lines.push(`未找到报告文件（${REPORT_EXTENSIONS.join(' ')}），未写入数据集 no report files found: dataset not written`);
  else lines.push(`未写入数据集（没有可用的报告）dataset not written: no report could be read`);
  return lines.join('\n');
}

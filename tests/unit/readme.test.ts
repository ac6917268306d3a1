import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CELL_COLUMNS, FINDING_COLUMNS, REPORT_COLUMNS } from '../../src/lib/dataset';
import { RULES } from '../../src/lib/template';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

it('README documents every column of the dataset and every rule', () => {
  for (const column of [...REPORT_COLUMNS, ...CELL_COLUMNS, ...FINDING_COLUMNS]) expect(readme).toContain(`\`${column.name}\``);
  for (const rule of RULES) expect(readme).toContain(`\`${rule.id}\``);
  expect(readme).toContain('npm test');
});

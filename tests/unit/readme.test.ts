import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CELL_COLUMNS, FINDING_COLUMNS, REPORT_COLUMNS } from '../../src/lib/dataset';
import { RULES } from '../../src/lib/template';
import { README_CLAIMS } from '../readme-claims';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

it('README documents every column of the dataset and every rule', () => {
  for (const column of [...REPORT_COLUMNS, ...CELL_COLUMNS, ...FINDING_COLUMNS]) expect(readme).toContain(`\`${column.name}\``);
  for (const rule of RULES) expect(readme).toContain(`\`${rule.id}\``);
  expect(readme).toContain('npm test');
});

it('every claim on the checklist (tests/readme-claims.ts) is in README and names tests that exist', () => {
  const flat = (text: string) => text.replace(/\s+/g, ' ');
  for (const { claim, tests } of README_CLAIMS) {
    expect(flat(readme), 'README no longer says it: update tests/readme-claims.ts').toContain(flat(claim));
    expect(tests.length).toBeGreaterThan(0);
    for (const [file, name] of tests) {
      const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
      expect(source, `${file} has no test named: ${name}`).toContain(`it('${name}'`);
    }
  }
});

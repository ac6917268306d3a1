import { describe, expect, it } from 'vitest';
import { e2e } from './context';
import './dashboard.suite';
import './analyses.suite';
import './accessibility.suite';
import './sums.suite';
import './import.suite';

// One build of the site for all the browser suites; this check runs after them all.
describe('offline and clean', () => {
  it('no console errors and no request off the site’s origin on any page', () => {
    expect(e2e.consoleErrors).toEqual([]);
    expect(e2e.offOrigin).toEqual([]);
  });
});

import { SUMMED_COLUMNS, type BodyGroup, type BodyYears, type MeasureKey, type RateColumn, type YearlyCubeRow } from '../template';
import type { BodyYearMeasures } from './body-years';
import { inScopeRow, type Filters } from './filters';
import { compareCodes } from './held-reports';
import { yearlyFromCube, type YearlyRow } from './yearly';

/** Whether a parsed body-year file (template BodyYears) has every column, of one length: a damaged or older file is not read as one. */
export function isBodyYears(file: unknown, year: number): file is BodyYears {
  const f = file as BodyYears | null;
  if (typeof f !== 'object' || f === null || f.year !== year || !Array.isArray(f.body) || !Array.isArray(f.scopes) || typeof f.sums !== 'object' || f.sums === null) return false;
  const sums = SUMMED_COLUMNS.map((key) => f.sums[key]);
  if (!Array.isArray(f.templateSets) || sums.some((column) => column === undefined)) return false;
  return [f.scope, f.reports, f.templates, f.procurement_reports, ...sums.filter((column) => column !== null)].every((column) => Array.isArray(column) && column.length === f.body.length);
}

/** Whether a parsed body-group file (template BodyGroup) is group `group` of `groups`, each year's rows whole. */
export function isBodyGroup(file: unknown, group: number, groups: number): file is BodyGroup {
  const f = file as BodyGroup | null;
  return typeof f === 'object' && f !== null && f.group === group && f.groups === groups && Array.isArray(f.years) && f.years.every((year) => isBodyYears(year, year?.year));
}

/** yearlyTotals(filters) for a choice of bodies (filters.bodies), from their groups' files (`files`): the same rows. */
export function yearlyOfBodyGroups(files: readonly BodyGroup[], filters: Filters): YearlyRow[] {
  const chosen = new Set(filters.bodies);
  const rows: YearlyCubeRow[] = [];
  // Each group once, however many of its bodies are chosen.
  for (const file of new Map(files.map((f) => [f.group, f])).values())
    for (const year of file.years)
      year.body.forEach((body, i) => {
        if (!chosen.has(body)) return;
        const [region, level, kind] = year.scopes[year.scope[i]];
        const row = { year: year.year, region, level, kind, imported: false, reports: year.reports[i], procurement_reports: year.procurement_reports[i] } as YearlyCubeRow;
        for (const key of SUMMED_COLUMNS) row[key] = year.sums[key]?.[i] ?? null;
        rows.push(row);
      });
  // The rows are the bodies' own: the other filters select among them as among the cube's.
  return yearlyFromCube(rows, { ...filters, bodies: [] });
}

/** bodyKinds(body) from its group's file: the kinds of its reports that count. */
export function kindsOfBodyGroup(file: BodyGroup, body: string): { kind: string }[] {
  const kinds = new Set<string>();
  for (const year of file.years)
    year.body.forEach((b, i) => {
      const [, , kind] = year.scopes[year.scope[i]];
      if (b === body && kind !== null) kinds.add(kind);
    });
  return [...kinds].sort().map((kind) => ({ kind }));
}

/**
 * measuresByBodyYear(filters, years, columns) answered from the years'
 * body-year files (`files`: those years'): the same rows, in the SQL's order
 * (by body, then year). The report source is not in the files: the caller
 * asks them only when every report is chosen (filters.source 'all').
 */
export function bodyYearsOfFiles(files: readonly BodyYears[], filters: Filters, columns: readonly (MeasureKey | RateColumn)[]): BodyYearMeasures[] {
  const inScope = inScopeRow({ ...filters, bodies: [], from: null, to: null });
  const chosen = filters.bodies.length > 0 ? new Set(filters.bodies) : null;
  // Each file's rows are in the order of bodies; the years' lists are merged (not sorted: tens of thousands of names compared).
  let merged: BodyYearMeasures[] = [];
  for (const file of [...files].sort((x, y) => x.year - y.year)) {
    const rows: BodyYearMeasures[] = [];
    const selected = file.scopes.map(([region, level, kind]) => inScope({ year: file.year, region, level, kind, imported: false }));
    const sums = columns.map((key) => file.sums[key]);
    let row: BodyYearMeasures | null = null;
    // A body's rows lie together: one row out per body.
    for (let i = 0; i < file.body.length; i++) {
      const body = file.body[i];
      if (!selected[file.scope[i]] || (chosen && !chosen.has(body))) continue;
      const [region, level] = file.scopes[file.scope[i]];
      if (row?.body !== body) {
        row = { body, year: file.year, region: null, level: null, reports: 0, templates: [], procurement_reports: 0 } as BodyYearMeasures;
        for (const key of columns) row[key] = null;
        rows.push(row);
      }
      row.region ??= region;
      row.level ??= level;
      row.reports += file.reports[i];
      row.procurement_reports += file.procurement_reports[i];
      const templates = file.templateSets[file.templates[i]];
      if (row.templates.length === 0) row.templates = templates;
      else for (const template of templates) if (!row.templates.includes(template)) row.templates = [...row.templates, template].sort();
      for (let k = 0; k < columns.length; k++) {
        const value = sums[k]?.[i] ?? null;
        if (value !== null) row[columns[k]] = (row[columns[k]] ?? 0) + value;
      }
    }
    merged = merged.length === 0 ? rows : mergeByBody(merged, rows);
  }
  return merged;
}

/** Two lists in the order of bodies, `later`'s of a later year: one list by body, then year. */
function mergeByBody(earlier: readonly BodyYearMeasures[], later: readonly BodyYearMeasures[]): BodyYearMeasures[] {
  const out: BodyYearMeasures[] = [];
  let [i, j] = [0, 0];
  while (i < earlier.length && j < later.length) out.push(compareCodes(earlier[i].body, later[j].body) <= 0 ? earlier[i++] : later[j++]);
  return out.concat(earlier.slice(i), later.slice(j));
}

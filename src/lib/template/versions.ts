/** The two versions of the national template in force for the years we cover. */
export type TemplateVersion = '2019' | '2021';

export const TEMPLATE_VERSIONS: readonly {
  version: TemplateVersion;
  issuedBy: string;
  firstYear: number;
  lastYear: number | null;
}[] = [
  { version: '2019', issuedBy: '国务院办公厅政府信息与政务公开办公室, 2019', firstYear: 2019, lastYear: 2020 },
  { version: '2021', issuedBy: '国办公开办函〔2021〕30号 (2021-09-26)', firstYear: 2021, lastYear: null },
];

/** The first year of the 2021 version: a trend that reaches across it may change meaning there. */
export const FIRST_2021_YEAR = TEMPLATE_VERSIONS.find((v) => v.version === '2021')!.firstYear;

/** The version a report of this year should follow; the reader prefers what the tables say. */
export function versionForYear(year: number): TemplateVersion {
  return year >= FIRST_2021_YEAR ? '2021' : '2019';
}

export { scope, NO_FILTERS, CONSOLIDATED_KIND, type Filters } from './filters';
export { MEASURES, measureSum, measureCells, type Measure, type MeasureKey } from './measures';
export { yearlyTotals, type YearlyRow } from './yearly';
export { requestsByApplicant, APPLICANT_ORDER, UNDETERMINED, type ApplicantRow } from './requests';
export { measureByBody, measuresByBody, filterOptions, type BodyYearRow, type BodyMeasuresRow, type FilterOptions } from './bodies';
export { cellSumsByYear, type CellSumRow } from './cells';
export { filteredCells, EXPORT_COLUMNS, type ExportRow } from './export';
export type { Query } from './query';

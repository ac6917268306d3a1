export { parseReport, type ReportInput } from './report';
export { parseManifest, ManifestError, normalizePath } from './manifest';
export { readCell, headerMoneyUnit } from './cell-value';
export { MAX_REPORT_BYTES, tooLarge } from './decode';
export * from './types';

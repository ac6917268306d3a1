export { parseReport, parseDecoded, type ReportInput } from './report';
export { parseManifest, ManifestError, normalizePath } from './manifest';
export { readCell, headerMoneyUnit } from './cell-value';
export { MAX_REPORT_BYTES, tooLarge, decodeReport, type DecodedReport } from './decode';
export * from './types';

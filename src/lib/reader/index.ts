export { parseReport, parseDecoded, type ReportInput } from './report';
export { parseManifest, ManifestError, normalizePath } from './manifest';
export { readCell, headerMoneyUnit } from './cell-value';
export { MAX_REPORT_BYTES, tooLarge, decodeReport, decodeUtf8, type DecodedReport, type Utf8Decoder } from './decode';
export * from './types';

export { parseReport, parseDecoded, parseBlocks, MetadataMissing, type ReportInput, type BlocksInput } from './report';
export { parseManifest, ManifestError, normalizePath } from './manifest';
export { readCell, headerMoneyUnit } from './cell-value';
export { MAX_REPORT_BYTES, tooLarge, decodeReport, decodeUtf8, type DecodedReport, type Utf8Decoder } from './decode';
export * from './types';
export { readReport, sniffFormat, blocksText, type ReadInput, type ReadResult, type FileKind } from './formats';
export type { PdfAssets } from './pdf';

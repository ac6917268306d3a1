export { ingest, readReportFile, sortReports, type IngestOptions, type IngestSummary, type FileFailure } from './run';
export { collectFiles, type InputFile } from './collect';
export { writeFilesAtomically } from './atomic';
export { formatSummary } from './summary';

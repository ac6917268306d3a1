export { ingest, type IngestOptions, type IngestStage, type IngestSummary, type FileFailure } from './run';
export { collectFiles, type InputFile } from './collect';
export { readReportFile, processFiles } from './process-file';
export { writeDatasetAtomically } from './atomic';
export { formatSummary } from './summary';
export { IngestError } from './lock';

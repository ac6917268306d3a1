export { demoCorpus, manifestLine, MANIFEST_HEADER, DEFECT_KINDS, type CorpusFile, type CorpusOptions, type DefectKind, type PublishedReport, type RealReport } from './corpus';
export { demoBodies, CONSOLIDATED, type DemoBody } from './bodies';

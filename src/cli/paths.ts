/** Where the dashboard reads the dataset from (served as static files). */
export const DEFAULT_DATASET_DIR = 'static/data';

/** Where the demo corpus is generated. */
export const DEMO_DIR = 'data/demo';

/** The real reports in the repository (the seed and others; see its README). */
export const REAL_DIR = 'data/real';

/** Synthetic reports published as PDF and DOCX, made once by npm run demo-published. */
export const PUBLISHED_DIR = 'data/published';

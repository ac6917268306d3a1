/** Where the dashboard reads the dataset from (served as static files). */
export const DEFAULT_DATASET_DIR = 'static/data';

/** Where the demo corpus is generated. */
export const DEMO_DIR = 'data/demo';

/** The one real report in the repository (the seed). */
export const REAL_REPORT = 'data/real/000_09f4574b615ba3f1.txt';

/** Where the dashboard reads the dataset from (served as static files). */
export const DEFAULT_DATASET_DIR = 'static/data';

// The default dataset and the rule for dataset names, without zod: the web app's entry chunk
// reads them to start the page's first requests, and must stay small (domain/ids.ts re-exports them).

/** The curated dataset; the default wherever a dataset is not named. */
export const CURATED_DATASET = 'laoshan';

/** Dataset names are URL- and label-safe. */
export const DATASET_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

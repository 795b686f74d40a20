// The rules for names chosen by the data — node ids, dataset names, years — as zod schemas,
// written once: the seed validator, the API's request validation and the web app's URL codec
// all use these, so a link, a record and a request agree on what a valid id is.
import { z } from 'zod';
import { DATASET_NAME_PATTERN } from './dataset-names.ts';

export { CURATED_DATASET, DATASET_NAME_PATTERN } from './dataset-names.ts';

/** Node ids: stable, URL-safe, chosen by the data (e.g. `firm/haier`). */
export const NODE_ID_PATTERN = /^[a-z0-9][a-z0-9._~-]*(\/[a-z0-9][a-z0-9._~-]*)*$/;
export const NODE_ID_MAX_LENGTH = 160;

/** Years that the data may carry (founding, award, event years). */
export const YEAR_MIN = 1800;
export const YEAR_MAX = 2999;

export const nodeIdSchema = z
  .string()
  .min(1, 'is empty')
  .max(NODE_ID_MAX_LENGTH, `is longer than ${NODE_ID_MAX_LENGTH} characters`)
  .regex(NODE_ID_PATTERN, 'is not a valid node id (lower-case letters, digits, . _ ~ - and / between parts)');

export const datasetNameSchema = z
  .string()
  .regex(DATASET_NAME_PATTERN, 'is not a dataset name (lower-case letters, digits, _ and -, at most 63)');

export const yearSchema = z.number().int().min(YEAR_MIN).max(YEAR_MAX);

export function isNodeId(value: string): boolean {
  return nodeIdSchema.safeParse(value).success;
}

export function isDatasetName(value: string): boolean {
  return datasetNameSchema.safeParse(value).success;
}

export function isYear(value: number): boolean {
  return yearSchema.safeParse(value).success;
}

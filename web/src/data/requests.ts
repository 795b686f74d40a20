// The URLs of the API's requests and the overview a page asks for first. Shared by the data
// source and the requests started with the page (prefetch.ts), which must name the very same
// URLs for the source to recognise them. Kept tiny: it is part of the entry chunk.
import { CURATED_DATASET, DATASET_NAME_PATTERN } from '../../../domain/dataset-names.ts';

export const API_BASE = '/api';
/** The overview's default size: beyond it the browser is asked to draw more than is useful. */
export const DEFAULT_OVERVIEW_LIMIT = 20_000;
export const MAX_OVERVIEW_LIMIT = 200_000;

/** Every request asks for JSON. */
export const JSON_REQUEST: RequestInit = { headers: { Accept: 'application/json' } };

export function apiUrl(base: string, path: string, params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString();
  return `${base}${path}${query ? `?${query}` : ''}`;
}

/** The overview's parameters; the columnar format names each field once (docs/api.md). */
export function overviewParams(dataset: string, limit: number | undefined): Record<string, string> {
  const params: Record<string, string> = { dataset };
  if (limit !== undefined) params.limit = String(limit);
  params.format = 'columnar';
  return params;
}

/** The dataset and overview size a link names, read as the view's URL codec reads them. */
export function firstView(search: string): { dataset: string; limit: number } {
  const params = new URLSearchParams(search);
  const limit = Number(params.get('limit'));
  const dataset = params.get('dataset');
  return {
    dataset: dataset !== null && DATASET_NAME_PATTERN.test(dataset) ? dataset : CURATED_DATASET,
    limit: Number.isInteger(limit) && limit >= 1 && limit <= MAX_OVERVIEW_LIMIT ? limit : DEFAULT_OVERVIEW_LIMIT,
  };
}

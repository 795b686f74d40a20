// The page's first requests — the schema and the overview of the dataset the link names — are
// started by the entry chunk, before the app's code (sigma, features) has even been fetched, so
// that they overlap its loading and sigma's start instead of following them.
import { API_BASE, JSON_REQUEST, apiUrl, firstView, overviewParams } from './requests.ts';

/** Answers in flight by URL; the data source takes each at most once (see HttpDataSource). */
export type Prefetched = Map<string, Promise<Response>>;

export function prefetchFirstView(search: string, base = API_BASE): Prefetched {
  const { dataset, limit } = firstView(search);
  const urls = [apiUrl(base, '/schema', { dataset }), apiUrl(base, '/graph', overviewParams(dataset, limit))];
  return new Map(
    urls.map((url) => {
      const answer = fetch(url, JSON_REQUEST);
      // A guess the app does not take up (another dataset chosen meanwhile) must fail quietly;
      // the source still sees the failure of one it takes.
      answer.catch(() => undefined);
      return [url, answer];
    }),
  );
}

// The page's first requests are started by the entry chunk, before the app's code (sigma,
// features) has even been fetched, so that they overlap its loading and sigma's start instead
// of following them: the schema and the level-of-detail answer of the dataset the link names,
// and — as soon as that answer says the dataset is sent whole (below the server's threshold) —
// its overview. Above the threshold the overview is not asked for: the app draws aggregates.
import { API_BASE, JSON_REQUEST, apiUrl, firstView, overviewParams } from './requests.ts';

/**
 * Answers in flight by URL (undefined: not asked after all); the data source takes each at
 * most once (see HttpDataSource).
 */
export type Prefetched = Map<string, Promise<Response | undefined>>;

/** A request whose failure stays quiet unless the app takes it up (then it sees the failure). */
function early(url: string): Promise<Response> {
  const answer = fetch(url, JSON_REQUEST);
  answer.catch(() => undefined);
  return answer;
}

/** Whether the level-of-detail answer says the overview is sent whole. */
async function sentWhole(answer: Response): Promise<boolean> {
  if (answer.status !== 200) return false;
  try {
    return ((await answer.clone().json()) as { level?: unknown }).level === 'full';
  } catch {
    return false;
  }
}

export function prefetchFirstView(search: string, base = API_BASE): Prefetched {
  const { dataset, limit } = firstView(search);
  const schema = apiUrl(base, '/schema', { dataset });
  const lod = apiUrl(base, '/overview', { dataset });
  const graph = apiUrl(base, '/graph', overviewParams(dataset, limit));
  const schemaAnswer = early(schema);
  const lodAnswer = early(lod);
  const graphAnswer = lodAnswer.then(
    async (answer) => ((await sentWhole(answer)) ? early(graph) : undefined),
    () => undefined,
  );
  return new Map<string, Promise<Response | undefined>>([
    [schema, schemaAnswer],
    [lod, lodAnswer],
    [graph, graphAnswer],
  ]);
}

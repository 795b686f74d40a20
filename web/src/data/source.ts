// The one interface through which the web app reads its data. The HTTP source fills it from
// the API; a static source (offline bundle, see ROADMAP) can fill it from files.
import { decodeColumnar, isColumnar } from '../../../domain/columnar.ts';
import type { Prefetched } from './prefetch.ts';
import { API_BASE, JSON_REQUEST, apiUrl, overviewParams } from './requests.ts';
import type {
  AggregateMembersPayload,
  ColumnarGraphPayload,
  DatasetSummary,
  DatasetsPayload,
  GapsPayload,
  GraphPayload,
  MetricsComputing,
  MetricsPayload,
  PartnersPayload,
  PathThroughPayload,
  NeighborhoodPayload,
  NodeDetails,
  OverviewPayload,
  PathsPayload,
  SchemaPayload,
  SearchHit,
  SourceDocument,
} from './types.ts';

export interface GraphDataSource {
  /** The datasets there are, with their counts. */
  datasets(): Promise<DatasetSummary[]>;
  schema(dataset: string): Promise<SchemaPayload>;
  /** The overview: at most `limit` nodes, best connected first (`truncated` says if cut). */
  graph(
    dataset: string,
    options?: { limit?: number; onProgress?: (loadedBytes: number) => void },
  ): Promise<GraphPayload>;
  neighbors(dataset: string, id: string): Promise<NeighborhoodPayload>;
  node(dataset: string, id: string): Promise<NodeDetails>;
  source(dataset: string, id: string): Promise<SourceDocument>;
  search(dataset: string, q: string, limit: number): Promise<SearchHit[]>;
  paths(dataset: string, from: string, to: string, maxHops: number, k: number): Promise<PathsPayload>;
  /** The actors that lie on most of the shortest paths between two nodes. */
  pathsThrough(dataset: string, from: string, to: string): Promise<PathThroughPayload>;
  /** Per-node metrics, sectors and brokers; `status: 'computing'` (with progress) until ready. */
  metrics(dataset: string): Promise<MetricsPayload>;
  /** The planners' gaps; `status: 'computing'` while the metrics they rest on are computed. */
  gaps(dataset: string): Promise<GapsPayload | MetricsComputing>;
  /** Actors the node has no tie with, ranked, each with its reasons; `type` narrows them. */
  partners(dataset: string, id: string, options?: { type?: string; limit?: number }): Promise<PartnersPayload>;
  /** Level of detail: above a size, the communities as aggregates (`status: 'computing'` meanwhile). */
  overview?(dataset: string): Promise<OverviewPayload | MetricsComputing>;
  /** One aggregate's best-connected members and their relations. */
  aggregateMembers?(dataset: string, id: string, limit?: number): Promise<AggregateMembersPayload | MetricsComputing>;
}

export class DataSourceError extends Error {
  override name = 'DataSourceError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    /** From `Retry-After`: the server says the failure is passing and when to ask again. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** A failure worth asking again about (the database was briefly away, the server busy). */
  get transient(): boolean {
    return this.status === 503 || this.status === 429 || this.retryAfterMs !== undefined;
  }
}

/** `Retry-After` in seconds (HTTP dates are not sent by this API); capped at a minute. */
export function retryAfterMs(header: string | null): number | undefined {
  if (header === null || !/^\d{1,6}$/.test(header.trim())) return undefined;
  return Math.min(60_000, Number(header.trim()) * 1_000);
}

export class HttpDataSource implements GraphDataSource {
  /** `prefetched`: answers the page asked for before the app loaded, each used once. */
  constructor(
    private readonly base = API_BASE,
    private readonly prefetched: Prefetched = new Map(),
  ) {}

  /** The prefetched answer to `url` if there is one (a second ask goes to the server). */
  private async fetchOnce(url: string): Promise<Response> {
    const early = this.prefetched.get(url);
    this.prefetched.delete(url);
    return (await early) ?? fetch(url, JSON_REQUEST);
  }

  private async getJson<T>(
    path: string,
    params: Record<string, string>,
    onProgress?: (bytes: number) => void,
  ): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchOnce(apiUrl(this.base, path, params));
    } catch {
      // The server itself is away (restarting, network down): as passing as a 503.
      throw new DataSourceError('the server could not be reached', 0, 'network_error', 2_000);
    }
    const text = onProgress ? await readWithProgress(response, onProgress) : await response.text();
    let body: unknown;
    try {
      performance.mark('explorer:parse:start');
      body = JSON.parse(text);
      performance.measure(`explorer:parse ${path}`, 'explorer:parse:start');
    } catch {
      throw new DataSourceError(
        `the server answered ${response.status} with a body that is not JSON`,
        response.status,
        'bad_response',
        retryAfterMs(response.headers.get('retry-after')),
      );
    }
    if (!response.ok) {
      const error = (body as { error?: { code?: string; message?: string } }).error;
      throw new DataSourceError(
        error?.message ?? `HTTP ${response.status}`,
        response.status,
        error?.code ?? 'http_error',
        retryAfterMs(response.headers.get('retry-after')),
      );
    }
    return body as T;
  }

  async datasets(): Promise<DatasetSummary[]> {
    return (await this.getJson<DatasetsPayload>('/datasets', {})).datasets;
  }

  schema(dataset: string): Promise<SchemaPayload> {
    return this.getJson('/schema', { dataset });
  }

  async graph(
    dataset: string,
    options: { limit?: number; onProgress?: (loadedBytes: number) => void } = {},
  ): Promise<GraphPayload> {
    const params = overviewParams(dataset, options.limit);
    const body = await this.getJson<GraphPayload | ColumnarGraphPayload>('/graph', params, options.onProgress);
    return isColumnar(body) ? decodeColumnar(body) : body;
  }

  neighbors(dataset: string, id: string): Promise<NeighborhoodPayload> {
    return this.getJson(`/nodes/${encodeURI(id)}/neighbors`, { dataset });
  }

  overview(dataset: string): Promise<OverviewPayload | MetricsComputing> {
    return this.getJson('/overview', { dataset });
  }

  aggregateMembers(dataset: string, id: string, limit = 2_000): Promise<AggregateMembersPayload | MetricsComputing> {
    return this.getJson(`/aggregates/${encodeURIComponent(id)}/members`, { dataset, limit: String(limit) });
  }

  node(dataset: string, id: string): Promise<NodeDetails> {
    return this.getJson(`/nodes/${encodeURI(id)}`, { dataset });
  }

  paths(dataset: string, from: string, to: string, maxHops: number, k: number): Promise<PathsPayload> {
    return this.getJson('/paths', { dataset, from, to, maxHops: String(maxHops), k: String(k) });
  }

  pathsThrough(dataset: string, from: string, to: string): Promise<PathThroughPayload> {
    return this.getJson('/paths/through', { dataset, from, to });
  }

  metrics(dataset: string): Promise<MetricsPayload> {
    return this.getJson('/metrics', { dataset });
  }

  gaps(dataset: string): Promise<GapsPayload | MetricsComputing> {
    return this.getJson('/gaps', { dataset });
  }

  partners(dataset: string, id: string, options: { type?: string; limit?: number } = {}): Promise<PartnersPayload> {
    const params: Record<string, string> = { dataset };
    if (options.type) params.type = options.type;
    if (options.limit !== undefined) params.limit = String(options.limit);
    return this.getJson(`/partners/${encodeURI(id)}`, params);
  }

  search(dataset: string, q: string, limit: number): Promise<SearchHit[]> {
    return this.getJson('/search', { dataset, q, limit: String(limit) });
  }

  source(dataset: string, id: string): Promise<SourceDocument> {
    return this.getJson(`/sources/${encodeURI(id)}`, { dataset });
  }
}

/**
 * Reads a large body chunk by chunk, reporting progress. Each chunk is decoded as it arrives,
 * and the caller's JSON parse runs in a task of its own: when the whole body is already
 * buffered, the reads resolve one after another in a single task, which must stay short.
 */
async function readWithProgress(response: Response, onProgress: (bytes: number) => void): Promise<string> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    loaded += value.byteLength;
    onProgress(loaded);
  }
  text += decoder.decode();
  await new Promise((resolve) => setTimeout(resolve, 0));
  return text;
}

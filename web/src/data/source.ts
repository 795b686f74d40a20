// The one interface through which the web app reads its data. The HTTP source fills it from
// the API; a static source (offline bundle, see ROADMAP) can fill it from files.
import { decodeColumnar, isColumnar } from '../../../domain/columnar.ts';
import type { AcceptRequest, AcceptResult, ExtractResponse } from '../../../domain/review.ts';
import type { StoriesPayload, Story, StorySummary } from '../../../domain/story.ts';
import type { Prefetched } from './prefetch.ts';
import { API_BASE, JSON_REQUEST, apiUrl, overviewParams } from './requests.ts';
import { upload, type UploadAnswer } from './upload.ts';
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
  SourcesPayload,
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
  /** The dataset's stories (domain/story.ts), the built-in one included. */
  stories(dataset: string): Promise<StorySummary[]>;
  story(dataset: string, id: string): Promise<Story>;
  /** Creates or replaces a story (admin token); absent where the source is read-only (offline bundle). */
  saveStory?(story: Story, token: string): Promise<Story>;
  deleteStory?(dataset: string, id: string, token: string): Promise<void>;
  /** The dataset's first sources without their text, and how many there are (a slide's footnote). */
  sources?(dataset: string): Promise<SourcesPayload>;
  /**
   * Sends an import (multipart, admin token) with upload progress; the server's status and JSON
   * (undefined when not JSON). Absent where the source is read-only: the import feature hides.
   */
  importFiles?(form: FormData, token: string, onProgress: (fraction: number) => void): Promise<UploadAnswer>;
  /** Where the whole dataset downloads in a format (`format=json`, …); absent where it cannot. */
  datasetExportUrl?(dataset: string, query: string): string;
  /**
   * Reads a document (pasted text, or a .txt, .md, .docx or .pdf file) and proposes the actors
   * and ties it states, the dataset's names and aliases marking merges (no dataset: a cold
   * reading, for a new one). Writes nothing; absent where there is no server (the review feature hides).
   */
  extractDocument?(
    dataset: string | undefined,
    document: { text: string; name?: string } | File,
  ): Promise<ExtractResponse>;
  /** Writes what a person accepted of a document's proposals (admin token). */
  acceptExtraction?(request: AcceptRequest, token: string): Promise<AcceptResult>;
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
    if (!response.ok) throw errorFrom(response, body);
    return body as T;
  }

  /**
   * A request with a body (JSON, or a form as multipart), with the admin token when it writes;
   * the answer's JSON (none for a 204).
   */
  private async write<T>(
    method: 'PUT' | 'DELETE' | 'POST',
    path: string,
    params: Record<string, string>,
    token: string | undefined,
    body?: unknown,
  ): Promise<T | undefined> {
    let response: Response;
    const form = body instanceof FormData;
    try {
      response = await fetch(apiUrl(this.base, path, params), {
        method,
        headers: {
          Accept: 'application/json',
          ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
          ...(body === undefined || form ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      });
    } catch {
      throw new DataSourceError('the server could not be reached', 0, 'network_error', 2_000);
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new DataSourceError(
        `the server answered ${response.status} with a body that is not JSON`,
        response.status,
        'bad_response',
      );
    }
    if (!response.ok) throw errorFrom(response, json);
    return json as T | undefined;
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

  sources(dataset: string): Promise<SourcesPayload> {
    return this.getJson('/sources', { dataset });
  }

  source(dataset: string, id: string): Promise<SourceDocument> {
    return this.getJson(`/sources/${encodeURI(id)}`, { dataset });
  }

  importFiles(form: FormData, token: string, onProgress: (fraction: number) => void): Promise<UploadAnswer> {
    return upload(`${this.base}/import`, form, token, onProgress);
  }

  datasetExportUrl(dataset: string, query: string): string {
    return `${this.base}/datasets/${encodeURIComponent(dataset)}/export?${query}`;
  }

  async stories(dataset: string): Promise<StorySummary[]> {
    return (await this.getJson<StoriesPayload>('/stories', { dataset })).stories;
  }

  story(dataset: string, id: string): Promise<Story> {
    return this.getJson(`/stories/${encodeURIComponent(id)}`, { dataset });
  }

  async saveStory(story: Story, token: string): Promise<Story> {
    const path = `/stories/${encodeURIComponent(story.id)}`;
    const saved = await this.write<Story>('PUT', path, { dataset: story.dataset }, token, story);
    if (!saved) throw new DataSourceError('the server answered without the story', 502, 'bad_response');
    return saved;
  }

  async deleteStory(dataset: string, id: string, token: string): Promise<void> {
    await this.write('DELETE', `/stories/${encodeURIComponent(id)}`, { dataset }, token);
  }

  async extractDocument(
    dataset: string | undefined,
    document: { text: string; name?: string } | File,
  ): Promise<ExtractResponse> {
    let body: unknown = { ...(dataset === undefined ? {} : { dataset }), ...document };
    if (document instanceof File) {
      const form = new FormData();
      if (dataset !== undefined) form.set('dataset', dataset);
      form.set('file', document, document.name);
      body = form;
    }
    const answer = await this.write<ExtractResponse>('POST', '/extract', {}, undefined, body);
    if (!answer) throw new DataSourceError('the server answered without proposals', 502, 'bad_response');
    return answer;
  }

  async acceptExtraction(request: AcceptRequest, token: string): Promise<AcceptResult> {
    const answer = await this.write<AcceptResult>('POST', '/extract/accept', {}, token, request);
    if (!answer) throw new DataSourceError('the server answered without a result', 502, 'bad_response');
    return answer;
  }
}

/** The API's error shape (`{error: {code, message}}`) as a DataSourceError. */
function errorFrom(response: Response, body: unknown): DataSourceError {
  const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return new DataSourceError(
    error?.message ?? `HTTP ${response.status}`,
    response.status,
    error?.code ?? 'http_error',
    retryAfterMs(response.headers.get('retry-after')),
  );
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

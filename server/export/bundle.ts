// The offline bundle's data (domain/offline-bundle.ts) for one dataset, read through the server's
// own API: the app is created in this process on a loopback port of its own (no rate limit) and
// asked what a browser would ask, so every answer — the stored layout, details, evidence,
// sources, metrics, gaps, partners, stories — is the server's, byte for byte. What the browser
// works out for itself offline (neighbourhoods, paths, search) needs only the graph and the
// search keys computed here.
import type { Logger } from 'pino';
import type { Server } from 'node:http';
import type {
  DatasetsPayload,
  GapsPayload,
  GraphPayload,
  MetricsReady,
  NodeDetails,
  PartnersPayload,
  SchemaPayload,
  SourceDocument,
  SourcesPayload,
} from '../../domain/api-types.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type OfflineBundle, type SearchEntry } from '../../domain/offline-bundle.ts';
import { searchKeys } from '../../domain/search-keys.ts';
import type { Story } from '../../domain/story.ts';
import { createApp, type App } from '../app.ts';
import type { Database } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import type { DatasetInfo } from '../graph/datasets.ts';
import { boundUrl, listen } from '../http/serve.ts';
import { lodThresholdFrom } from '../routes/overview.ts';
import { GRAPH_LIMIT_MAX } from '../routes/read.ts';
import { LocalApi, BundleError, mapLimit } from './bundle-api.ts';

/** As many suggestions per actor as the partners panel asks for (web/src/features/partners). */
export const OFFLINE_PARTNER_LIMIT = 10;
/**
 * Partner suggestions are recorded up to this many actors: each answer is about 10 kB (its
 * reasons name nodes and relations), so a larger copy leaves the partner finder to the server.
 */
export const OFFLINE_PARTNERS_MAX_ACTORS = 500;
/** Requests in flight at once while the details are read. */
const CONCURRENCY = 8;

export interface BundleOptions {
  dataset: string;
  /** Only this story (the dataset's stories otherwise). */
  story?: string;
  logger: Logger;
  /** What is being read, for the CLI to show. */
  onStep?: (message: string) => void;
}

/** The app on a loopback port of this process, closed by `close`. */
async function localServer(db: Database, logger: Logger): Promise<{ app: App; api: LocalApi; close(): Promise<void> }> {
  const app = createApp({ db, logger, rateLimitPerMinute: 0 });
  let server: Server;
  try {
    server = await listen(app.app, { port: 0, host: '127.0.0.1', logger });
  } catch (error) {
    await app.stop();
    throw error;
  }
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.stop();
  };
  return { app, api: new LocalApi(boundUrl(server)), close };
}

export async function readBundle(db: Database, options: BundleOptions): Promise<OfflineBundle> {
  const local = await localServer(db, options.logger);
  try {
    const ds = await resolveDataset(local.app, options.dataset);
    const step = options.onStep ?? (() => undefined);
    step('layout');
    await storedLayout(local.app, ds);
    return await readAll(local.api, ds.name, options, step);
  } finally {
    await local.close();
  }
}

async function resolveDataset(app: App, name: string): Promise<DatasetInfo> {
  let ds: DatasetInfo;
  try {
    ds = await app.datasets.resolve(name);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      const names = (await app.datasets.list()).map((d) => d.name).join(', ');
      throw new BundleError(`unknown dataset "${name}" (the database holds: ${names || 'none'})`);
    }
    throw error;
  }
  const threshold = lodThresholdFrom(process.env);
  if (ds.nodes > threshold) {
    throw new BundleError(
      `dataset "${name}" has ${ds.nodes} nodes: an offline copy draws the whole dataset, and above ${threshold} (LOD_THRESHOLD) the explorer shows it as communities the server computes`,
    );
  }
  return ds;
}

/** The stored layout, computed (by the server's layout code, in its worker) when there is none yet. */
async function storedLayout(app: App, ds: DatasetInfo): Promise<void> {
  if (await app.layouts.positions(ds)) return;
  await app.layouts.whenStored(ds);
  if (!(await app.layouts.positions(ds)))
    throw new BundleError(`the layout of dataset "${ds.name}" could not be computed`);
}

async function readAll(
  api: LocalApi,
  dataset: string,
  options: BundleOptions,
  step: (message: string) => void,
): Promise<OfflineBundle> {
  const q = { dataset };
  const { datasets } = await api.get<DatasetsPayload>('/datasets', {});
  const summary = datasets.find((d) => d.name === dataset)!;
  const schema = await api.get<SchemaPayload>('/schema', q);
  const graph = await api.get<GraphPayload>('/graph', { ...q, limit: String(GRAPH_LIMIT_MAX) });
  if (graph.positions !== 'stored') throw new BundleError(`the graph of "${dataset}" came without its stored layout`);
  step('stories');
  const stories = await readStories(api, dataset, options.story);
  step(`details of ${graph.nodes.length} nodes`);
  const details = await readDetails(api, dataset, graph);
  step('sources');
  const sources = await readSources(api, dataset, evidenceSources(details, stories));
  const sourceList = (await api.getOrMissing<SourcesPayload>('/sources', q)) ?? null;
  step('metrics');
  const metrics = await api.poll<MetricsReady>('/metrics', q);
  const gaps = await api.poll<GapsPayload>('/gaps', q);
  step('partners');
  const partners = await readPartners(api, dataset, schema, graph);
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    createdAt: new Date().toISOString(),
    dataset: summary,
    schema,
    graph,
    details,
    sources,
    sourceList,
    search: searchEntries(graph, details),
    metrics,
    gaps,
    partners,
    stories,
  };
}

async function readDetails(api: LocalApi, dataset: string, graph: GraphPayload): Promise<Record<string, NodeDetails>> {
  const answers = await mapLimit(graph.nodes, CONCURRENCY, (node) =>
    api.get<NodeDetails>(`/nodes/${encodeURI(node.id)}`, { dataset }),
  );
  return Object.fromEntries(answers.map((details) => [details.node.id, details]));
}

/** Every source a quote names: the nodes', the relations' and the stories' evidence. */
export function evidenceSources(details: Record<string, NodeDetails>, stories: readonly Story[]): string[] {
  const ids = new Set<string>();
  for (const { node, relations } of Object.values(details)) {
    for (const e of node.evidence) ids.add(e.source);
    for (const r of relations) for (const e of r.evidence) ids.add(e.source);
  }
  for (const story of stories) for (const s of story.steps) for (const e of s.evidence ?? []) ids.add(e.source);
  ids.delete('');
  return [...ids].sort();
}

/** The sources there are (a quote may name one the dataset does not hold: the server says 404 too). */
async function readSources(api: LocalApi, dataset: string, ids: string[]): Promise<Record<string, SourceDocument>> {
  const answers = await mapLimit(ids, CONCURRENCY, (id) =>
    api.getOrMissing<SourceDocument>(`/sources/${encodeURI(id)}`, { dataset }),
  );
  return Object.fromEntries(answers.filter((s): s is SourceDocument => s !== undefined).map((s) => [s.id, s]));
}

/** Suggestions of any type for every actor (context types such as fields have none); null above the cap. */
async function readPartners(
  api: LocalApi,
  dataset: string,
  schema: SchemaPayload,
  graph: GraphPayload,
): Promise<Record<string, PartnersPayload> | null> {
  const context = new Set(schema.nodeTypes.filter((t) => t.sector === 'context').map((t) => t.type));
  const actors = graph.nodes.filter((n) => !context.has(n.type));
  if (actors.length > OFFLINE_PARTNERS_MAX_ACTORS) return null;
  const answers = await mapLimit(actors, CONCURRENCY, (node) =>
    api.getOrMissing<PartnersPayload>(`/partners/${encodeURI(node.id)}`, {
      dataset,
      limit: String(OFFLINE_PARTNER_LIMIT),
    }),
  );
  return Object.fromEntries(answers.filter((p): p is PartnersPayload => p !== undefined).map((p) => [p.id, p]));
}

/** The dataset's stories in full, or the one asked for (an unknown id is an error). */
async function readStories(api: LocalApi, dataset: string, only: string | undefined): Promise<Story[]> {
  const listed = await api.getOrMissing<{ stories: { id: string }[] }>('/stories', { dataset });
  const ids = (listed?.stories ?? []).map((s) => s.id);
  if (only !== undefined && !ids.includes(only)) {
    throw new BundleError(`unknown story "${only}" in dataset "${dataset}" (its stories: ${ids.join(', ') || 'none'})`);
  }
  const wanted = only === undefined ? ids : [only];
  return mapLimit(wanted, CONCURRENCY, (id) => api.get<Story>(`/stories/${encodeURIComponent(id)}`, { dataset }));
}

/** Each node's search keys, as the seed and the importer store them (domain/search-keys.ts). */
export function searchEntries(graph: GraphPayload, details: Record<string, NodeDetails>): SearchEntry[] {
  const degree = new Map<string, number>();
  for (const e of graph.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  return graph.nodes.map((n) => {
    const raw = details[n.id]?.node.aliases;
    const aliases = Array.isArray(raw) ? raw.map(String) : [];
    const keys = searchKeys(n.name_zh, n.name_en, aliases);
    return {
      id: n.id,
      type: n.type,
      name_zh: n.name_zh,
      name_en: n.name_en,
      aliases,
      pinyin: keys.pinyin,
      pinyin_initials: keys.pinyin_initials,
      pinyin_words: keys.pinyin_words,
      degree: degree.get(n.id) ?? 0,
    };
  });
}

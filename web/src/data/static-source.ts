// The data source of the offline bundle: the same interface as the HTTP source, filled from the
// bundle object that `data.js` sets (domain/offline-bundle.ts) instead of the API. What the
// server computed is read as recorded (graph with its stored layout, details, sources, metrics,
// gaps, partners, stories); neighbourhoods, search and paths are answered in the browser over
// the whole dataset. Read-only: it has no writes (stories are not saved, nothing is imported).
import { BUNDLE_GLOBAL, isOfflineBundle, type OfflineBundle } from '../../../domain/offline-bundle.ts';
import { storySummary, type Story, type StorySummary } from '../../../domain/story.ts';
import { OfflineGraph } from './offline-graph.ts';
import { offlineSearch } from './offline-search.ts';
import { DataSourceError, type GraphDataSource } from './source.ts';
import type {
  DatasetSummary,
  GapsPayload,
  GraphPayload,
  MetricsComputing,
  MetricsPayload,
  NeighborhoodPayload,
  NodeDetails,
  PartnersPayload,
  PathsPayload,
  PathThroughPayload,
  SchemaPayload,
  SearchHit,
  SourceDocument,
  SourcesPayload,
} from './types.ts';

/** The bundle `data.js` put on the page, if any (a page of the HTTP app has none). */
export function offlineBundle(scope: object): OfflineBundle | undefined {
  const value = (scope as Record<string, unknown>)[BUNDLE_GLOBAL];
  return isOfflineBundle(value) ? value : undefined;
}

function notFound(what: string): DataSourceError {
  return new DataSourceError(`${what} is not in this offline copy`, 404, 'not_found');
}

/** Not a failure of the copy: the answer needs the server (never transient: no retry). */
function notOffline(what: string): DataSourceError {
  return new DataSourceError(`${what} needs the server: not available in this offline copy`, 501, 'not_offline');
}

export class StaticDataSource implements GraphDataSource {
  private index: OfflineGraph | undefined;

  constructor(private readonly bundle: OfflineBundle) {}

  /** The bundle's own dataset (a link naming another gets a 404, as from the server). */
  private check(dataset: string): void {
    if (dataset !== this.bundle.dataset.name) throw notFound(`dataset "${dataset}"`);
  }

  private graphIndex(): OfflineGraph {
    this.index ??= new OfflineGraph(this.bundle.graph);
    return this.index;
  }

  private known(id: string): void {
    if (!this.graphIndex().has(id)) throw notFound(`node "${id}"`);
  }

  async datasets(): Promise<DatasetSummary[]> {
    return [this.bundle.dataset];
  }

  async schema(dataset: string): Promise<SchemaPayload> {
    this.check(dataset);
    return this.bundle.schema;
  }

  /** The whole dataset, or its best-connected `limit` nodes (as the server cuts an overview). */
  async graph(dataset: string, options: { limit?: number } = {}): Promise<GraphPayload> {
    this.check(dataset);
    const whole = this.bundle.graph;
    const limit = options.limit ?? Infinity;
    if (whole.nodes.length <= limit) return { ...whole, truncated: false };
    const nodes = [...whole.nodes].sort((a, b) => (b.degree ?? 0) - (a.degree ?? 0)).slice(0, limit);
    const kept = new Set(nodes.map((n) => n.id));
    const edges = whole.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
    return { ...whole, truncated: true, nodes, edges };
  }

  async neighbors(dataset: string, id: string): Promise<NeighborhoodPayload> {
    this.check(dataset);
    this.known(id);
    return this.graphIndex().neighborhood(id);
  }

  async node(dataset: string, id: string): Promise<NodeDetails> {
    this.check(dataset);
    const details = this.bundle.details[id];
    if (!details) throw notFound(`node "${id}"`);
    return details;
  }

  async source(dataset: string, id: string): Promise<SourceDocument> {
    this.check(dataset);
    const document = this.bundle.sources[id];
    if (!document) throw notFound(`source "${id}"`);
    return document;
  }

  async sources(dataset: string): Promise<SourcesPayload> {
    this.check(dataset);
    if (!this.bundle.sourceList) throw notOffline('the list of sources');
    return this.bundle.sourceList;
  }

  async search(dataset: string, q: string, limit: number): Promise<SearchHit[]> {
    this.check(dataset);
    return offlineSearch(this.bundle.search, q, limit);
  }

  async paths(dataset: string, from: string, to: string, maxHops: number, k: number): Promise<PathsPayload> {
    this.check(dataset);
    this.known(from);
    this.known(to);
    return { dataset, from, to, paths: this.graphIndex().kShortestPaths(from, to, maxHops, k) };
  }

  async pathsThrough(dataset: string, from: string, to: string): Promise<PathThroughPayload> {
    this.check(dataset);
    this.known(from);
    this.known(to);
    return { dataset, ...this.graphIndex().pathsThrough(from, to) };
  }

  async metrics(dataset: string): Promise<MetricsPayload> {
    this.check(dataset);
    if (!this.bundle.metrics) throw notOffline('the network metrics');
    return this.bundle.metrics;
  }

  async gaps(dataset: string): Promise<GapsPayload | MetricsComputing> {
    this.check(dataset);
    if (!this.bundle.gaps) throw notOffline('the gaps');
    return this.bundle.gaps;
  }

  /** The suggestions recorded at export (of any type); those of one chosen type need the server. */
  async partners(
    dataset: string,
    id: string,
    options: { type?: string; limit?: number } = {},
  ): Promise<PartnersPayload> {
    this.check(dataset);
    this.known(id);
    const recorded = this.bundle.partners?.[id];
    if (!recorded || options.type) throw notOffline(options.type ? 'partners of one type' : 'the partner finder');
    const candidates = recorded.candidates.slice(0, options.limit ?? recorded.candidates.length);
    return { ...recorded, candidates };
  }

  async stories(dataset: string): Promise<StorySummary[]> {
    this.check(dataset);
    return this.bundle.stories.map(storySummary);
  }

  async story(dataset: string, id: string): Promise<Story> {
    this.check(dataset);
    const story = this.bundle.stories.find((s) => s.id === id);
    if (!story) throw notFound(`story "${id}"`);
    return story;
  }
}

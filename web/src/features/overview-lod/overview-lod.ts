// Level of detail: a dataset above the server's threshold (docs/level-of-detail.md) is drawn as
// its communities, aggregate nodes sized by membership with weighted links between them, instead
// of its nodes; a click on an aggregate expands it in place into its members. Owns the `lod`
// link parameter (the expanded aggregates, restored with the overview). Search, details, paths
// and partners reach every node as on a partial overview (a node not drawn is loaded with its
// neighbourhood).
import type { Feature, FeatureContext } from '../../core/feature.ts';
import { withRetry } from '../../core/loader.ts';
import type { CoreState } from '../../core/state.ts';
import type { AggregateMembersPayload, GraphPayload, MetricsComputing, OverviewPayload } from '../../data/types.ts';
import { nodeAttributes } from '../../graph/build.ts';
import { extentSize, graphExtent } from '../../graph/extent.ts';
import { t } from '../../i18n.ts';
import {
  LINK_TYPE,
  aggregateNodeId,
  aggregateSize,
  isAggregateId,
  linkId,
  linkSize,
  memberEdges,
  placeMembers,
} from './place.ts';
import { overviewLodSlice, type OverviewLodState } from './slice.ts';

type State = CoreState & OverviewLodState;
type Aggregated = Extract<OverviewPayload, { level: 'aggregate' }>;

/** Below this many nodes no threshold is worth a request: the overview is loaded whole. */
const ASK_FROM_NODES = 500;
const POLL_MS = 1_000;

const computing = (x: object): x is MetricsComputing => 'status' in x && x.status === 'computing';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function overviewLodFeature<S extends State>(): Feature<S> {
  return {
    id: 'overview-lod',
    slice: overviewLodSlice<S>(),
    mount(ctx) {
      const lod = new Lod(ctx);
      const offClick = ctx.canvas.on('clickNode', (id) => {
        if (isAggregateId(id)) void lod.expand(id);
      });
      return {
        replaceOverview: (dataset) => lod.overview(dataset),
        placeNodes: (nodes) => lod.sizeAggregates(nodes),
        loaded: () => lod.loaded(),
        graphChanged: () => lod.restyle(),
        unloaded: () => lod.reset(),
        automation: {
          aggregateIds: () => lod.aggregateIds(),
          expandedAggregates: () => [...lod.expanded],
        },
        dispose: offClick,
      };
    },
  };
}

class Lod<S extends State> {
  /** The aggregate overview drawn, if the dataset has one. */
  private current: Aggregated | undefined;
  readonly expanded = new Set<string>();
  /** Drawn link → the relations it stands for. */
  private readonly weights = new Map<string, number>();
  private readonly layer;

  constructor(private readonly ctx: FeatureContext<S>) {
    // An expanded aggregate stays in the graph (the link names it) but is not drawn.
    this.layer = ctx.addLayer({
      id: 'overview-lod',
      hiddenNodes: () => (this.expanded.size ? this.expanded : undefined),
    });
  }

  reset(): void {
    this.current = undefined;
    this.expanded.clear();
    this.weights.clear();
  }

  aggregateIds(): string[] {
    return this.current?.aggregates.map((a) => a.id) ?? [];
  }

  /** The aggregates in place of the overview when the server says the dataset is above its threshold. */
  async overview(dataset: string): Promise<GraphPayload | undefined> {
    const { source, model } = this.ctx;
    const total = model.schema?.nodeTypes.reduce((sum, x) => sum + x.count, 0) ?? 0;
    if (!source.overview || total < ASK_FROM_NODES) return undefined;
    const answer = await this.poll(dataset, () => source.overview!(dataset));
    if (!answer || answer.level !== 'aggregate') return undefined;
    this.current = answer;
    for (const l of answer.links) this.weights.set(linkId(l.source, l.target), l.weight);
    const payload = aggregatePayload(answer, model.schema?.synthetic ?? false);
    await this.restoreExpanded(dataset, payload);
    return payload;
  }

  /** Asks until the communities are computed, showing the server's progress meanwhile. */
  private async poll<T extends object>(dataset: string, ask: () => Promise<T | MetricsComputing>) {
    const { chrome, store } = this.ctx;
    for (;;) {
      const answer = await withRetry(
        ask,
        () => undefined,
        () => store.get().dataset !== dataset,
      );
      if (!computing(answer)) return answer;
      if (store.get().dataset !== dataset) return undefined;
      const { phase, done, total } = answer.progress;
      const fraction = total > 0 ? done / total : 0;
      const text = t(store.get().lang, 'lodComputing', { phase, percent: Math.round(fraction * 100) });
      chrome.progress.show(text, fraction);
      await sleep(POLL_MS);
    }
  }

  /** A shared link's expanded aggregates join the overview before it is drawn. */
  private async restoreExpanded(dataset: string, payload: GraphPayload): Promise<void> {
    const { store, source } = this.ctx;
    const drawn = new Map(payload.nodes.map((n) => [n.id, n]));
    const kept: string[] = [];
    for (const community of store.get().lod) {
      const id = aggregateNodeId(Number(community));
      const centre = drawn.get(id);
      if (!centre || this.expanded.has(id)) continue;
      const members = await this.poll(dataset, () => source.aggregateMembers!(dataset, id));
      if (!members) return;
      const placed = this.place(members, { x: centre.x ?? 0, y: centre.y ?? 0 }, this.spacingFor(payload));
      const fresh = placed.filter((n) => !drawn.has(n.id));
      for (const n of fresh) drawn.set(n.id, n);
      payload.nodes.push(...fresh);
      this.expanded.add(id);
      const { edges, weights } = memberEdges(members, (x) => drawn.has(x), this.expanded);
      for (const [k, w] of weights) this.weights.set(k, w);
      payload.edges.push(...edges);
      kept.push(community);
    }
    store.update({ lod: kept } as Partial<S>, 'none');
  }

  private place(members: AggregateMembersPayload, centre: { x: number; y: number }, spacing: number) {
    return placeMembers(centre, members.nodes, { stored: this.current?.positions === 'stored', spacing });
  }

  /** Members are spaced so that the whole dataset, expanded, would about fill the drawing. */
  private spacingFor(payload: GraphPayload): number {
    const xs = payload.nodes.map((n) => n.x ?? 0);
    const ys = payload.nodes.map((n) => n.y ?? 0);
    const size = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1);
    return size / (4 * Math.sqrt(this.current?.nodes ?? 1));
  }

  /** Expands an aggregate in place: its members around it, their relations to what is drawn. */
  async expand(id: string): Promise<void> {
    const { store, source, model, chrome, busy } = this.ctx;
    const { dataset } = store.get();
    if (!this.current || this.expanded.has(id) || !model.graph.hasNode(id) || !source.aggregateMembers) return;
    const release = busy('lod-expand');
    try {
      const members = await this.poll(dataset, () => source.aggregateMembers!(dataset, id));
      if (!members || store.get().dataset !== dataset) return;
      this.addMembers(id, members);
      const lang = store.get().lang;
      const count = members.nodes.length;
      chrome.showNotice(
        members.truncated
          ? t(lang, 'lodExpandedSome', { count, size: members.size })
          : t(lang, 'lodExpanded', { count }),
      );
      const community = id.slice(id.lastIndexOf('-') + 1);
      store.update((s) => ({ lod: s.lod.includes(community) ? s.lod : [...s.lod, community] }) as Partial<S>, 'push');
    } catch (error) {
      chrome.showNotice(t(store.get().lang, 'panelFailed', { message: (error as Error).message }));
    } finally {
      release();
    }
  }

  private addMembers(id: string, members: AggregateMembersPayload): void {
    const { model, store } = this.ctx;
    const g = model.graph;
    const centre = g.getNodeAttributes(id);
    const extent = graphExtent(g);
    const spacing = (extent ? extentSize(extent) : 100) / (4 * Math.sqrt(this.current?.nodes ?? 1));
    const types = model.schema?.nodeTypes ?? [];
    for (const n of this.place(members, centre, spacing))
      if (!g.hasNode(n.id)) g.addNode(n.id, nodeAttributes(n, types, store.get().lang));
    this.expanded.add(id);
    this.layer.changed('hidden');
    const { edges, weights } = memberEdges(members, (x) => g.hasNode(x), this.expanded);
    for (const [k, w] of weights) this.weights.set(k, w);
    // Merging the relations tells the core (layers, legend) and the layout, which moves the map briefly.
    model.merge({ dataset: store.get().dataset, center: id, nodes: [], edges, sampled: false, counts: NO_COUNTS });
    this.restyle();
  }

  sizeAggregates(nodes: FeatureContext<S>['model']['graph']): void {
    if (!this.current) return;
    const largest = this.current.aggregates[0]?.size ?? 1;
    for (const a of this.current.aggregates)
      if (nodes.hasNode(a.id)) nodes.setNodeAttribute(a.id, 'size', aggregateSize(a.size, largest));
  }

  loaded(): void {
    if (!this.current) return;
    const { chrome, store } = this.ctx;
    const current = this.current;
    this.restyle();
    chrome.setStandingNotice(() =>
      t(store.get().lang, 'lodShown', { nodes: current.nodes, aggregates: current.aggregates.length }),
    );
  }

  /** Sizes by membership and weight again (a merge resizes every node by its degree). */
  restyle(): void {
    if (!this.current) return;
    const g = this.ctx.model.graph;
    this.sizeAggregates(g);
    const heaviest = Math.max(1, ...this.weights.values());
    for (const [edge, weight] of this.weights)
      if (g.hasEdge(edge)) g.setEdgeAttribute(edge, 'size', linkSize(weight, heaviest));
  }
}

const NO_COUNTS = { ring1: 0, ring1Shown: 0 };

/** The overview the loader builds: one node per aggregate at its position, one edge per link. */
function aggregatePayload(o: Aggregated, synthetic: boolean): GraphPayload {
  return {
    dataset: o.dataset,
    synthetic,
    truncated: false,
    positions: 'stored',
    nodes: o.aggregates.map((a) => ({
      id: a.id,
      type: a.type,
      name_zh: a.label_zh,
      name_en: a.label_en,
      degree: a.size,
      synthetic,
      x: a.x ?? 0,
      y: a.y ?? 0,
    })),
    edges: o.links.map((l) => ({
      id: linkId(l.source, l.target),
      source: l.source,
      target: l.target,
      type: LINK_TYPE,
    })),
  };
}

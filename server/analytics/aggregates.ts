// The level-of-detail overview of a large dataset (docs/level-of-detail.md): its Louvain
// communities as aggregate nodes, sized by membership, and the relations between communities as
// weighted links; and one community's members, to expand it in place. Pure: the query worker
// runs it on the graph it holds, the unit tests on small graphs.
import type { AggregateLink, AggregateMembersPayload, AggregateSummary } from '../../domain/api-types.ts';
import { computeLayout } from '../layout/compute.ts';
import type { AnalyticsGraph } from './graph.ts';

/** Aggregate ids cannot be node ids (those never contain '@'), so both live in one drawing. */
const PREFIX = '@community-';
const TOP = 5;
/** Links drawn at most (the heaviest): a few hundred aggregates could have tens of thousands. */
export const MAX_LINKS = 5_000;
/** Relations a members answer carries at most (a hub's community touches much of a dataset). */
export const MAX_MEMBER_EDGES = 20_000;

export function aggregateId(community: number): string {
  return `${PREFIX}${community}`;
}

/** The community an aggregate id names, or undefined when it names none. */
export function communityOf(id: string): number | undefined {
  const match = /^@community-(\d{1,7})$/.exec(id);
  return match ? Number(match[1]) : undefined;
}

export interface StoredPositions {
  ids: string[];
  x: number[];
  y: number[];
}

export interface AggregateOverview {
  aggregates: AggregateSummary[];
  links: AggregateLink[];
  /** 'stored': aggregates stand at their members' mean stored position; 'layout': laid out. */
  positions: 'stored' | 'layout';
}

/** Members by degree (hubs first), then id: the order members are listed and cut in. */
function byDegree(graph: AnalyticsGraph): (a: string, b: string) => number {
  return (a, b) => graph.degree(b) - graph.degree(a) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Each community's members, best connected first. */
export function membersByCommunity(graph: AnalyticsGraph, communities: ReadonlyMap<string, number>) {
  const members = new Map<number, string[]>();
  graph.forEachNode((id) => {
    const c = communities.get(id);
    if (c === undefined || c < 0) return;
    const list = members.get(c);
    if (list) list.push(id);
    else members.set(c, [id]);
  });
  const order = byDegree(graph);
  for (const list of members.values()) list.sort(order);
  return members;
}

function summary(graph: AnalyticsGraph, community: number, members: string[]): AggregateSummary {
  const types = new Map<string, number>();
  for (const id of members) {
    const type = graph.getNodeAttribute(id, 'type');
    types.set(type, (types.get(type) ?? 0) + 1);
  }
  const type = [...types].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
  const top = members.slice(0, TOP).map((id) => {
    const a = graph.getNodeAttributes(id);
    return { id, type: a.type, name_zh: a.name_zh, name_en: a.name_en };
  });
  const hub = top[0];
  const others = members.length - 1;
  return {
    id: aggregateId(community),
    community,
    size: members.length,
    type,
    // Named by its best-connected member, as the metrics' community legend does.
    label_zh: others > 0 ? `${hub?.name_zh ?? ''} 等 ${members.length} 个` : (hub?.name_zh ?? ''),
    label_en: others > 0 ? `${hub?.name_en ?? ''} + ${others}` : (hub?.name_en ?? ''),
    top,
  };
}

/** Relations between two communities, counted once each whatever their direction. */
export function aggregateLinks(
  graph: AnalyticsGraph,
  communities: ReadonlyMap<string, number>,
  maxLinks = MAX_LINKS,
): AggregateLink[] {
  const weights = new Map<string, number>();
  graph.forEachEdge((_e, _a, source, target) => {
    const s = communities.get(source);
    const t = communities.get(target);
    if (s === undefined || t === undefined || s < 0 || t < 0 || s === t) return;
    const key = s < t ? `${s} ${t}` : `${t} ${s}`;
    weights.set(key, (weights.get(key) ?? 0) + 1);
  });
  const links = [...weights].map(([key, weight]) => {
    const [s, t] = key.split(' ').map(Number) as [number, number];
    return { source: aggregateId(s), target: aggregateId(t), weight };
  });
  links.sort((a, b) => b.weight - a.weight || (a.source + a.target < b.source + b.target ? -1 : 1));
  return links.slice(0, maxLinks);
}

/** The mean stored position of each aggregate's members, or undefined if any member has none. */
export function meanPositions(
  members: ReadonlyMap<number, string[]>,
  stored: StoredPositions,
): Map<number, { x: number; y: number }> | undefined {
  const index = new Map(stored.ids.map((id, i) => [id, i]));
  const out = new Map<number, { x: number; y: number }>();
  for (const [community, ids] of members) {
    let x = 0;
    let y = 0;
    for (const id of ids) {
      const i = index.get(id);
      if (i === undefined) return undefined;
      x += stored.x[i] ?? 0;
      y += stored.y[i] ?? 0;
    }
    out.set(community, { x: x / ids.length, y: y / ids.length });
  }
  return out;
}

/** Without stored positions, the aggregate graph itself is laid out (a few hundred nodes). */
function layoutPositions(aggregates: AggregateSummary[], links: AggregateLink[]) {
  const result = computeLayout({
    nodes: aggregates.map((a) => ({ id: a.id, type: a.type })),
    edges: links.map((l) => ({ source: l.source, target: l.target })),
  });
  const out = new Map<number, { x: number; y: number }>();
  result.ids.forEach((id, i) => {
    const c = communityOf(id);
    if (c !== undefined) out.set(c, { x: result.x[i] ?? 0, y: result.y[i] ?? 0 });
  });
  return out;
}

/** The aggregate overview: one aggregate per community, largest first, and their links. */
export function buildAggregates(
  graph: AnalyticsGraph,
  communities: ReadonlyMap<string, number>,
  stored?: StoredPositions,
): AggregateOverview {
  const members = membersByCommunity(graph, communities);
  const aggregates = [...members]
    .map(([c, ids]) => summary(graph, c, ids))
    .sort((a, b) => b.size - a.size || a.community - b.community);
  const links = aggregateLinks(graph, communities);
  const means = stored ? meanPositions(members, stored) : undefined;
  const positions = means ?? layoutPositions(aggregates, links);
  for (const a of aggregates) {
    const p = positions.get(a.community);
    if (p) Object.assign(a, { x: round(p.x), y: round(p.y) });
  }
  return { aggregates, links, positions: means ? 'stored' : 'layout' };
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/**
 * One community's members (the `limit` best connected) and their relations: among them, and to
 * nodes outside, each outside end named with the aggregate that holds it (`outside`), so the
 * browser draws a relation to a node it holds and a weighted link to a collapsed aggregate.
 */
export function aggregateMembers(
  graph: AnalyticsGraph,
  communities: ReadonlyMap<string, number>,
  community: number,
  limit: number,
): Omit<AggregateMembersPayload, 'dataset' | 'version'> | undefined {
  const all = membersByCommunity(graph, communities).get(community);
  if (!all) return undefined;
  const chosen = all.slice(0, limit);
  const inside = new Set(chosen);
  const nodes = chosen.map((id) => {
    const a = graph.getNodeAttributes(id);
    return {
      id,
      type: a.type,
      name_zh: a.name_zh,
      name_en: a.name_en,
      degree: graph.degree(id),
      ...(a.year !== undefined ? { year: a.year } : {}),
    };
  });
  const edges: AggregateMembersPayload['edges'] = [];
  const outside: Record<string, string> = {};
  const seen = new Set<string>();
  for (const id of chosen) {
    graph.forEachEdge(id, (edge, attrs, source, target) => {
      if (seen.has(edge) || edges.length >= MAX_MEMBER_EDGES) return;
      const other = source === id ? target : source;
      const c = communities.get(other);
      // A member left out by the limit is reached by search or expand, not drawn here.
      if (c === community && !inside.has(other)) return;
      seen.add(edge);
      edges.push({ id: edge, source, target, type: attrs.type });
      if (c !== community && c !== undefined && c >= 0) outside[other] = aggregateId(c);
    });
  }
  return {
    id: aggregateId(community),
    size: all.length,
    truncated: chosen.length < all.length,
    nodes,
    edges,
    outside,
  };
}

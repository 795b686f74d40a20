// Structural gaps (docs/analytics.md): fields whose actors never tie across sectors, parks without an
// academic partner, programmes with no recorded recipient, and pairs of communities that only one
// node joins. Each is worded in Chinese and English and names the nodes to highlight.
import type { Gap, GapKind } from '../../domain/api-types.ts';
import { FIELD_NODE_TYPE } from '../../domain/ontology.ts';
import type { AnalyticsGraph } from './graph.ts';
import type { Projection } from './metrics.ts';
import type { SectorAssignment } from './sectors.ts';

export interface GapInput {
  graph: AnalyticsGraph;
  p: Projection;
  sectors: SectorAssignment;
  community: Float64Array;
  degree: Float64Array;
}

/** At most this many gaps of each kind, the most prominent first (a long list is not read). */
export const GAPS_PER_KIND = 10;
/** Highlighting stays readable: at most this many nodes per gap besides the subject. */
const MAX_HIGHLIGHT = 30;
/** Communities smaller than this are fragments (a pair, an isolated node), not groups to join. */
export const MIN_COMMUNITY_SIZE = 3;

const SECTOR_NAMES: Record<string, [string, string]> = {
  government: ['政府', 'government'],
  academia: ['高校院所', 'academia'],
  industry: ['产业', 'industry'],
  intermediary: ['中介平台', 'intermediaries'],
  people: ['人才', 'people'],
  mixed: ['其他机构', 'mixed bodies'],
};

function sectorName(sector: string): [string, string] {
  return SECTOR_NAMES[sector] ?? [sector, sector];
}

function subjectOf(graph: AnalyticsGraph, id: string): Gap['subject'] {
  const a = graph.getNodeAttributes(id);
  return { id, type: a.type, name_zh: a.name_zh, name_en: a.name_en };
}

function gap(input: GapInput, kind: GapKind, v: number, text: [string, string], others: Iterable<number>): Gap {
  const rest = [...new Set(others)].filter((w) => w !== v).slice(0, MAX_HIGHLIGHT);
  return {
    kind,
    subject: subjectOf(input.graph, input.p.ids[v]!),
    text_zh: text[0],
    text_en: text[1],
    nodes: [input.p.ids[v]!, ...rest.map((w) => input.p.ids[w]!)],
  };
}

/** Most prominent first: higher degree, then id (stable output). */
function byDegree(input: GapInput): (a: number, b: number) => number {
  return (a, b) => input.degree[b]! - input.degree[a]! || (input.p.ids[a]! < input.p.ids[b]! ? -1 : 1);
}

function nodesOfType(input: GapInput, type: string): number[] {
  const result: number[] = [];
  for (let v = 0; v < input.p.n; v++)
    if (input.graph.getNodeAttribute(input.p.ids[v]!, 'type') === type) result.push(v);
  return result;
}

/** Nodes joined to `id` by a relation of one of `types`, in the given direction from `id`. */
function related(input: GapInput, id: string, direction: 'out' | 'in' | 'both', types: readonly string[]): number[] {
  const result: number[] = [];
  const visit = (_e: string, a: { type: string }, source: string, target: string) => {
    if (types.includes(a.type)) result.push(input.p.index.get(source === id ? target : source)!);
  };
  if (direction !== 'in') input.graph.forEachOutEdge(id, visit);
  if (direction !== 'out') input.graph.forEachInEdge(id, visit);
  return result;
}

/**
 * A field (type Industry) whose actors — the actors with a FOCUSES_ON relation to it, either way —
 * number at least two and include no two of different sectors that are tied to each other: the
 * field's players do not meet across the helices (ties to actors outside the field do not count).
 */
export function fieldGaps(input: GapInput): Gap[] {
  const { p, sectors } = input;
  const found: { v: number; actors: number[] }[] = [];
  for (const f of nodesOfType(input, FIELD_NODE_TYPE)) {
    const actors = [...new Set(related(input, p.ids[f]!, 'both', ['FOCUSES_ON']))].filter(
      (a) => sectors.group[a]! >= 0,
    );
    if (actors.length < 2) continue;
    const inField = new Set(actors);
    const crosses = actors.some((a) => {
      for (let k = p.offsets[a]!; k < p.offsets[a + 1]!; k++) {
        const w = p.neighbors[k]!;
        if (inField.has(w) && sectors.group[w] !== sectors.group[a]) return true;
      }
      return false;
    });
    if (!crosses) found.push({ v: f, actors });
  }
  found.sort((x, y) => y.actors.length - x.actors.length || byDegree(input)(x.v, y.v));
  return found.slice(0, GAPS_PER_KIND).map(({ v, actors }) => {
    const counts = new Map<string, number>();
    for (const a of actors) {
      const s = sectors.sectors[sectors.group[a]!]!;
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    const list = [...counts].sort((a, b) => b[1] - a[1]);
    const zh = list.map(([s, c]) => `${sectorName(s)[0]}${c}`).join('、');
    const en = list.map(([s, c]) => `${sectorName(s)[1]} ${c}`).join(', ');
    const a = input.graph.getNodeAttributes(p.ids[v]!);
    return gap(
      input,
      'field_without_cross_sector_tie',
      v,
      [
        `聚焦「${a.name_zh}」的${actors.length}个主体(${zh})之间没有跨部门的直接联系。`,
        `The ${actors.length} actors focusing on ${a.name_en} (${en}) have no tie to each other across sectors.`,
      ],
      actors,
    );
  });
}

/**
 * Drops the gaps that a larger one already covers: a sub-park or sub-programme (PART_OF another
 * node with the same gap) is named in its parent's gap; then sorts the rest, most prominent first.
 */
function uncovered<T extends { v: number }>(input: GapInput, found: T[]): T[] {
  const listed = new Set(found.map((f) => f.v));
  const kept = found.filter((f) => !related(input, input.p.ids[f.v]!, 'out', ['PART_OF']).some((u) => listed.has(u)));
  return kept.sort((x, y) => byDegree(input)(x.v, y.v));
}

/** Relations that put a node inside a park (a tenant, a sub-park). */
const IN_PARK = ['LOCATED_IN', 'PART_OF'] as const;

function hasAcademicNeighbour(input: GapInput, v: number, academia: number): boolean {
  const { p, sectors } = input;
  for (let k = p.offsets[v]!; k < p.offsets[v + 1]!; k++) if (sectors.group[p.neighbors[k]!] === academia) return true;
  return false;
}

/**
 * A park with no academic partner: no university, institute or lab (sector academia) is tied to
 * it, and none is tied to any of its tenants (what is LOCATED_IN or PART_OF it) — a tenant's
 * collaboration with a university is the park's link to academia too.
 */
export function parkGaps(input: GapInput): Gap[] {
  const academia = input.sectors.sectors.indexOf('academia');
  if (academia < 0) return [];
  const found: { v: number; tenants: number[] }[] = [];
  for (const park of nodesOfType(input, 'Park')) {
    const tenants = [...new Set(related(input, input.p.ids[park]!, 'in', IN_PARK))];
    if (hasAcademicNeighbour(input, park, academia)) continue;
    if (tenants.some((t) => hasAcademicNeighbour(input, t, academia))) continue;
    found.push({ v: park, tenants });
  }
  return uncovered(input, found)
    .slice(0, GAPS_PER_KIND)
    .map(({ v, tenants }) => {
      const a = input.graph.getNodeAttributes(input.p.ids[v]!);
      const zh = tenants.length > 0 ? `,其${tenants.length}个入驻主体也没有` : '';
      const en = tenants.length > 0 ? `, nor to any of its ${tenants.length} tenants` : '';
      return gap(
        input,
        'park_without_academic_partner',
        v,
        [
          `「${a.name_zh}」没有与任何高校、科研院所或实验室相连${zh}。`,
          `No university, institute or lab is tied to ${a.name_en}${en}.`,
        ],
        tenants,
      );
    });
}

/** Who receives a programme: what it supports, funds, attracts or invests in; who is awarded it or takes part. */
const GIVES_TO = ['SUPPORTS', 'FUNDS', 'ATTRACTS', 'INVESTS_IN'] as const;
const RECEIVES = ['AWARDED', 'TAKES_PART_IN'] as const;
/** Who made it (not recipients): the issuer, the implementing body, the one who built it. */
const MAKERS = ['ISSUED', 'IMPLEMENTS', 'BUILDS'] as const;

/** A programme's parts (PART_OF it, transitively), itself included. */
function partsOf(input: GapInput, v: number): number[] {
  const seen = new Set([v]);
  const stack = [v];
  while (stack.length > 0) {
    for (const part of related(input, input.p.ids[stack.pop()!]!, 'in', ['PART_OF'])) {
      if (!seen.has(part)) {
        seen.add(part);
        stack.push(part);
      }
    }
  }
  return [...seen];
}

function hasRecipient(input: GapInput, parts: number[]): boolean {
  return parts.some(
    (q) =>
      related(input, input.p.ids[q]!, 'out', GIVES_TO).length > 0 ||
      related(input, input.p.ids[q]!, 'in', RECEIVES).length > 0,
  );
}

/** The programmes a programme is PART_OF, transitively. */
function parentProgrammes(input: GapInput, v: number): number[] {
  const seen = new Set([v]);
  const stack = [v];
  while (stack.length > 0) {
    for (const parent of related(input, input.p.ids[stack.pop()!]!, 'out', ['PART_OF'])) {
      if (!seen.has(parent) && input.graph.getNodeAttribute(input.p.ids[parent]!, 'type') === 'Programme') {
        seen.add(parent);
        stack.push(parent);
      }
    }
  }
  seen.delete(v);
  return [...seen];
}

/**
 * A programme with no recorded recipient: neither it nor any of its parts (an honour list or a
 * sub-programme PART_OF it) supports, funds, attracts or invests in anything, and nothing is
 * AWARDED it or TAKES_PART_IN it. Issuing, implementing and building it make a maker, not a recipient.
 * A part of a programme that has recipients is not listed: the plan's beneficiaries are recorded,
 * if not per measure.
 */
export function programmeGaps(input: GapInput): Gap[] {
  const found: { v: number; parts: number[]; makers: number[] }[] = [];
  for (const programme of nodesOfType(input, 'Programme')) {
    const parts = partsOf(input, programme);
    if (hasRecipient(input, parts)) continue;
    if (parentProgrammes(input, programme).some((q) => hasRecipient(input, partsOf(input, q)))) continue;
    found.push({ v: programme, parts, makers: related(input, input.p.ids[programme]!, 'in', MAKERS) });
  }
  return uncovered(input, found)
    .slice(0, GAPS_PER_KIND)
    .map(({ v, parts, makers }) => {
      const a = input.graph.getNodeAttributes(input.p.ids[v]!);
      const names = [...new Set(makers)].slice(0, 3).map((m) => input.graph.getNodeAttributes(input.p.ids[m]!));
      const zh = names.length > 0 ? `(由${names.map((m) => m.name_zh).join('、')}发布或实施)` : '';
      const en = names.length > 0 ? ` (issued or carried out by ${names.map((m) => m.name_en).join(', ')})` : '';
      return gap(
        input,
        'programme_without_recipient',
        v,
        [
          `「${a.name_zh}」${zh}没有记录到任何受支持、获资助、入选或参与的对象。`,
          `${a.name_en}${en} has no recorded recipient: nothing it supports or funds, nobody awarded it or taking part.`,
        ],
        [...makers, ...parts],
      );
    });
}

interface Between {
  ties: number;
  /** The ends shared by every tie seen so far (−1: ruled out). */
  a: number;
  b: number;
  /** The far ends of the ties, for highlighting. */
  ends: number[];
}

/** For each pair of communities (key c1·K + c2, c1 < c2): its ties and the node they all share, if any. */
function betweenCommunities(input: GapInput): Map<number, Between> {
  const { p, community } = input;
  const k = p.n + 1;
  const pairs = new Map<number, Between>();
  for (let u = 0; u < p.n; u++) {
    for (let j = p.offsets[u]!; j < p.offsets[u + 1]!; j++) {
      const w = p.neighbors[j]!;
      const cu = community[u]!;
      const cw = community[w]!;
      if (w < u || cu === cw) continue;
      const key = Math.min(cu, cw) * k + Math.max(cu, cw);
      const entry = pairs.get(key);
      if (!entry) {
        pairs.set(key, { ties: 1, a: u, b: w, ends: [u, w] });
        continue;
      }
      entry.ties += 1;
      if (entry.a !== u && entry.a !== w) entry.a = -1;
      if (entry.b !== u && entry.b !== w) entry.b = -1;
      if (entry.ends.length < MAX_HIGHLIGHT) entry.ends.push(u, w);
    }
  }
  return pairs;
}

interface Joined {
  c1: number;
  c2: number;
  broker: number;
  e: Between;
}

/** Pairs of communities (both of at least MIN_COMMUNITY_SIZE) whose ties all touch one node. */
function joinedByOne(input: GapInput, sizes: number[]): Joined[] {
  const k = input.p.n + 1;
  const found: Joined[] = [];
  for (const [key, e] of betweenCommunities(input)) {
    const c1 = Math.floor(key / k);
    const c2 = key % k;
    if (sizes[c1]! < MIN_COMMUNITY_SIZE || sizes[c2]! < MIN_COMMUNITY_SIZE || (e.a < 0 && e.b < 0)) continue;
    // A single tie: both ends touch it; the better connected one is named.
    const broker = e.a < 0 ? e.b : e.b < 0 ? e.a : byDegree(input)(e.a, e.b) <= 0 ? e.a : e.b;
    found.push({ c1, c2, broker, e });
  }
  return found;
}

/**
 * Two communities (Louvain) all of whose ties to each other touch one node: that node is their only
 * bridge. One gap per such broker, listing the pairs it alone joins (a hub that alone joins five
 * pairs is one finding, not five); brokers of more pairs, then of larger communities, first.
 */
export function communityGaps(input: GapInput, sizes: number[]): Gap[] {
  const { p } = input;
  const leader = new Map<number, number>();
  for (let v = 0; v < p.n; v++) {
    const best = leader.get(input.community[v]!);
    if (best === undefined || byDegree(input)(v, best) < 0) leader.set(input.community[v]!, v);
  }
  const smaller = (x: Joined) => Math.min(sizes[x.c1]!, sizes[x.c2]!);
  const byBroker = new Map<number, Joined[]>();
  for (const j of joinedByOne(input, sizes)) byBroker.set(j.broker, [...(byBroker.get(j.broker) ?? []), j]);
  const groups = [...byBroker.values()].map((list) =>
    list.sort((x, y) => smaller(y) - smaller(x) || x.c1 - y.c1 || x.c2 - y.c2),
  );
  groups.sort((x, y) => y.length - x.length || smaller(y[0]!) - smaller(x[0]!) || x[0]!.broker - y[0]!.broker);
  const about = (c: number) => input.graph.getNodeAttributes(p.ids[leader.get(c)!]!);
  return groups.slice(0, GAPS_PER_KIND).map((list) => {
    const b = input.graph.getNodeAttributes(p.ids[list[0]!.broker]!);
    const shown = list.slice(0, 5);
    const named = [...new Set(shown.flatMap((j) => [j.c1, j.c2]))].sort((x, y) => x - y);
    const pairsZh = shown.map((j) => `${j.c1}–${j.c2}(${j.e.ties}条联系)`).join('、');
    const pairsEn = shown.map((j) => `${j.c1}–${j.c2} (${j.e.ties} ${j.e.ties === 1 ? 'tie' : 'ties'})`).join(', ');
    const moreZh = list.length > shown.length ? `等${list.length}对` : '';
    const moreEn = list.length > shown.length ? ` and ${list.length - shown.length} more` : '';
    const legendZh = named.map((c) => `社群${c}:${sizes[c]}个节点,以「${about(c).name_zh}」为首`).join(';');
    const legendEn = named.map((c) => `${c}: ${sizes[c]} nodes around ${about(c).name_en}`).join('; ');
    return gap(
      input,
      'communities_joined_by_one_broker',
      list[0]!.broker,
      [
        `社群${pairsZh}${moreZh}之间的联系全部经过「${b.name_zh}」。${legendZh}。`,
        `Every tie between communities ${pairsEn}${moreEn} touches ${b.name_en}. ${legendEn}.`,
      ],
      list.flatMap((j) => j.e.ends),
    );
  });
}

export function findGaps(input: GapInput, communitySizes: number[]): Gap[] {
  return [...fieldGaps(input), ...parkGaps(input), ...programmeGaps(input), ...communityGaps(input, communitySizes)];
}

// The read endpoints. Every query runs by name in a read transaction; every value is a parameter.
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { nodeIdSchema } from '../../domain/ids.ts';
import { NODE_TYPES, RELATION_TYPES, isNodeType, isRelationType } from '../../domain/ontology.ts';
import type { Database, Row, Tx } from '../db/database.ts';
import type { DatasetRegistry } from '../graph/datasets.ts';
import { withPositions, type LayoutService } from '../layout/service.ts';
import { datasetParam, intParam, nodeTypesParam, parseInput, relationTypesParam } from '../http/validate.ts';
import { notFound } from '../errors.ts';
import { answeredNotModified, datasetETag } from '../http/cache.ts';
import { encodeColumnar } from '../../domain/columnar.ts';
import type {
  DatasetsPayload,
  Evidence,
  GraphEdge,
  GraphNode,
  GraphPath,
  GraphPayload,
  NeighborhoodCounts,
  NeighborhoodPayload,
  NodeDetails,
  NodeRelation,
  PathsPayload,
  SchemaPayload,
  SearchHit,
  SourceDocument,
  SourcesPayload,
  SourceSummary,
} from '../../domain/api-types.ts';
import { normalizeLatin } from '../../domain/search-keys.ts';
import {
  chineseQuery,
  latinQuery,
  rankCandidates,
  subsequenceQuery,
  substringQuery,
  type SearchCandidate,
} from '../search/rank.ts';

export const GRAPH_LIMIT_MAX = 200_000;
export const NEIGHBOR_LIMIT_MAX = 2_000;

/** Drops null fields so that payloads stay compact (100k-node overviews). */
function compact<T extends object>(row: Row): T {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) if (v !== null && v !== undefined) out[k] = v;
  return out as T;
}

const graphQuery = z
  .object({
    dataset: datasetParam.optional(),
    types: nodeTypesParam.optional(),
    relTypes: relationTypesParam.optional(),
    limit: intParam(1, GRAPH_LIMIT_MAX).optional(),
    // columnar: the same content without repeated keys (domain/columnar.ts, docs/api.md).
    format: z.enum(['json', 'columnar']).optional(),
  })
  .strict();

const nodeParams = z.object({ id: nodeIdSchema }).strict();
export const MAX_PATH_HOPS = 8;
export const MAX_PATHS = 10;
const pathsQuery = z
  .object({
    from: nodeIdSchema,
    to: nodeIdSchema,
    dataset: datasetParam.optional(),
    maxHops: intParam(1, MAX_PATH_HOPS).optional(),
    k: intParam(1, MAX_PATHS).optional(),
  })
  .strict();

const searchQuery = z
  .object({
    q: z.string().trim().min(1, 'is empty').max(200, 'is longer than 200 characters'),
    dataset: datasetParam.optional(),
    types: nodeTypesParam.optional(),
    limit: intParam(1, 100).optional(),
  })
  .strict();
const datasetOnly = z.object({ dataset: datasetParam.optional() }).strict();
export const SOURCES_LIMIT_MAX = 100;
const sourcesQuery = z
  .object({ dataset: datasetParam.optional(), limit: intParam(1, SOURCES_LIMIT_MAX).optional() })
  .strict();
const neighborsQuery = z
  .object({
    dataset: datasetParam.optional(),
    depth: z.enum(['1', '2']).transform(Number).optional(),
    types: nodeTypesParam.optional(),
    limit: intParam(1, NEIGHBOR_LIMIT_MAX).optional(),
  })
  .strict();

interface ReadContext {
  db: Database;
  datasets: DatasetRegistry;
  layouts: LayoutService | undefined;
}

export function readRoutes(db: Database, datasets: DatasetRegistry, layouts?: LayoutService): Router {
  const ctx: ReadContext = { db, datasets, layouts };
  const router = Router();
  router.get('/datasets', datasetsList(ctx));
  router.get('/schema', schema(ctx));
  router.get('/graph', graph(ctx));
  router.get('/nodes/*path', nodeDetails(ctx));
  router.get('/nodes/*path', neighborhood(ctx));
  router.get('/search', search(ctx));
  router.get('/paths', paths(ctx));
  router.get('/sources', sourcesList(ctx));
  router.get('/sources/*path', sourceById(ctx));
  return router;
}

function datasetsList({ datasets }: ReadContext): RequestHandler {
  return async (req, res) => {
    parseInput(z.object({}).strict(), req.query, 'query');
    const list = await datasets.list();
    res.json({
      datasets: list.map(({ key: _key, sectorOverrides: _sectors, ...rest }) => rest),
    } satisfies DatasetsPayload);
  };
}

function schema({ db, datasets }: ReadContext): RequestHandler {
  return async (req, res) => {
    const { dataset } = parseInput(datasetOnly, req.query, 'query');
    const ds = await datasets.resolve(dataset);
    if (answeredNotModified(req, res, datasetETag(ds, 'schema', {}))) return;
    const [nodeCounts, relCounts] = await db.readTx(async (tx) => [
      await db.runIn(tx, 'node-type-counts', { key: ds.key }),
      await db.runIn(tx, 'relation-type-counts', { key: ds.key }),
    ]);
    const nodeCount = new Map(nodeCounts.map((r) => [String(r.type), Number(r.count)]));
    const relCount = new Map(relCounts.map((r) => [String(r.type), Number(r.count)]));
    const payload: SchemaPayload = {
      dataset: ds.name,
      synthetic: ds.synthetic,
      nodeTypes: Object.entries(NODE_TYPES).map(([type, info]) => ({
        type,
        name_zh: info.zh,
        name_en: info.en,
        sector: info.sector,
        color: info.color,
        description: info.description,
        count: nodeCount.get(type) ?? 0,
      })),
      relationTypes: Object.entries(RELATION_TYPES).map(([type, info]) => ({
        type,
        name_zh: info.zh,
        name_en: info.en,
        meaning: info.meaning,
        undirected: 'undirected' in info && info.undirected === true,
        count: relCount.get(type) ?? 0,
      })),
    };
    res.json(payload);
  };
}

function graph({ db, datasets, layouts }: ReadContext): RequestHandler {
  return async (req, res) => {
    const q = parseInput(graphQuery, req.query, 'query');
    const ds = await datasets.resolve(q.dataset);
    // The stored layout (none yet: its computation starts in the background, and the browser lays out).
    const positions = await layouts?.positions(ds);
    // Whatever the answer holds beyond the dataset's version (the positions, computed later in
    // the background) is a part of the validator too.
    if (answeredNotModified(req, res, datasetETag(ds, 'graph', q, positions ? 'positions' : 'none'))) return;
    const limit = q.limit ?? GRAPH_LIMIT_MAX;
    const { nodes, edges } = await db.readTx(async (tx) => {
      const nodeRows = await db.runIn(tx, 'graph-nodes', { key: ds.key, types: q.types ?? [], limit });
      const edgeRows = await db.runIn(tx, 'graph-edges', { key: ds.key, relTypes: q.relTypes ?? [] });
      return { nodes: nodeRows, edges: edgeRows };
    });
    const kept = new Set(nodes.map((n) => String(n.id)));
    const listed = nodes.map((n) => compact<GraphNode>(n));
    const placed = withPositions(listed, positions);
    const payload: GraphPayload = {
      dataset: ds.name,
      synthetic: ds.synthetic,
      truncated: nodes.length === limit && ds.nodes > limit,
      positions: placed ? 'stored' : 'none',
      nodes: placed ?? listed,
      edges: edges.filter((e) => kept.has(String(e.source)) && kept.has(String(e.target))) as unknown as GraphEdge[],
    };
    res.json(q.format === 'columnar' ? encodeColumnar(payload) : payload);
  };
}

// Ids contain '/' (firm/haier): /nodes/firm/haier and /nodes/firm%2Fhaier both work, and a
// trailing /neighbors selects the neighbourhood ('neighbors' is reserved as a last id part).
function nodeDetails({ db, datasets }: ReadContext): RequestHandler {
  return async (req, res, next) => {
    const segments = (req.params as { path: string[] }).path;
    if (segments.at(-1) === 'neighbors' && segments.length > 1) {
      next();
      return;
    }
    const { id } = parseInput(nodeParams, { id: segments.join('/') }, 'params');
    const { dataset } = parseInput(datasetOnly, req.query, 'query');
    const ds = await datasets.resolve(dataset);
    const { node, relations, titles } = await db.readTx(async (tx) => {
      const [row] = await db.runIn(tx, 'node-by-id', { key: ds.key, id });
      if (!row) return { node: undefined, relations: [], titles: new Map<string, string>() };
      const node = row.node as Row;
      const relations = await db.runIn(tx, 'node-relations', { key: ds.key, id, limit: 5_000 });
      const ids = [...new Set([node, ...relations].flatMap((r) => (Array.isArray(r.sources) ? r.sources : [])))];
      const rows = ids.length > 0 ? await db.runIn(tx, 'source-titles', { key: ds.key, ids }) : [];
      return { node, relations, titles: new Map(rows.map((t) => [String(t.id), String(t.title)])) };
    });
    if (!node) throw notFound(`node "${id}" in dataset "${ds.name}"`, { field: 'id' });
    const evidenceOf = (sources: unknown, quotes: unknown) => withTitles(zipEvidence(sources, quotes), titles);
    const payload: NodeDetails = {
      dataset: ds.name,
      node: { ...presentNode(node), evidence: evidenceOf(node.sources, node.evidence) },
      relations: relations.map((r): NodeRelation => ({
        id: String(r.id),
        type: String(r.type),
        type_zh: isRelationType(String(r.type)) ? RELATION_TYPES[r.type as keyof typeof RELATION_TYPES].zh : null,
        type_en: isRelationType(String(r.type)) ? RELATION_TYPES[r.type as keyof typeof RELATION_TYPES].en : null,
        direction: r.outgoing ? 'out' : 'in',
        neighbor: compact<NodeRelation['neighbor']>({
          id: r.neighbor_id,
          type: r.neighbor_type,
          name_zh: r.neighbor_name_zh,
          name_en: r.neighbor_name_en,
        }),
        evidence: evidenceOf(r.sources, r.evidence),
        ...(r.note ? { note: String(r.note) } : {}),
      })),
    };
    res.json(payload);
  };
}

function neighborhood({ db, datasets, layouts }: ReadContext): RequestHandler {
  return async (req, res) => {
    const segments = (req.params as { path: string[] }).path.slice(0, -1);
    const { id } = parseInput(nodeParams, { id: segments.join('/') }, 'params');
    const q = parseInput(neighborsQuery, req.query, 'query');
    const ds = await datasets.resolve(q.dataset);
    const result = await db.readTx(async (tx) => {
      const hood = await readNeighborhood(db, tx, ds.key, id, q.depth ?? 1, q.types ?? [], q.limit ?? 500);
      if (!hood) return undefined;
      const ids = hood.nodes.map((n) => n.id);
      const edges = await db.runIn(tx, 'edges-among', { key: ds.key, ids, relTypes: [] });
      return { ...hood, edges };
    });
    if (!result) throw notFound(`node "${id}" in dataset "${ds.name}"`, { field: 'id' });
    const listed = result.nodes.map((n) => compact<GraphNode>(withoutCounts(n)));
    // Positions when the stored layout has them: an expand may place new nodes where they belong.
    const placed = withPositions(listed, await layouts?.positions(ds));
    const payload: NeighborhoodPayload = {
      dataset: ds.name,
      center: id,
      nodes: placed ?? listed,
      edges: result.edges as unknown as GraphEdge[],
      sampled: result.counts.sampled,
      counts: result.counts.counts,
    };
    res.json(payload);
  };
}

function search({ db, datasets }: ReadContext): RequestHandler {
  return async (req, res) => {
    const q = parseInput(searchQuery, req.query, 'query');
    const ds = await datasets.resolve(q.dataset);
    const types = q.types ?? [];
    const zh = chineseQuery(q.q);
    const latin = latinQuery(q.q);
    const candidates = await db.readTx(async (tx) => {
      const ql = normalizeLatin(q.q);
      const rows = await db.runIn(tx, 'search-prefix', {
        key: ds.key,
        q: q.q.normalize('NFKC'),
        ql,
        qc: ql.replace(/\s+/g, ''),
        types,
      });
      // Substrings and abbreviations through full-text indexes scoped to the dataset: never a
      // walk over every node of it (docs/performance.md).
      const nfkc = q.q.normalize('NFKC');
      const inside = substringQuery(nfkc, ds.key, types);
      if (inside)
        rows.push(...(await db.runIn(tx, 'search-substring-zh', { key: ds.key, query: inside, q: nfkc, types })));
      const abbreviation = subsequenceQuery(ql.replace(/\s+/g, ''), ds.key, types);
      if (abbreviation)
        rows.push(...(await db.runIn(tx, 'search-subsequence', { key: ds.key, query: abbreviation, types })));
      if (zh) rows.push(...(await db.runIn(tx, 'search-fulltext-zh', { key: ds.key, query: zh, types })));
      if (latin) rows.push(...(await db.runIn(tx, 'search-fulltext-latin', { key: ds.key, query: latin, types })));
      return rows as unknown as SearchCandidate[];
    });
    // The contract's answer is the ranked list itself.
    res.json(rankCandidates(candidates, q.q, q.limit ?? 20) satisfies SearchHit[]);
  };
}

function paths({ db, datasets }: ReadContext): RequestHandler {
  return async (req, res) => {
    const q = parseInput(pathsQuery, req.query, 'query');
    const ds = await datasets.resolve(q.dataset);
    const { found, paths } = await db.readTx(async (tx) => {
      const found = new Set(
        (await db.runIn(tx, 'nodes-exist', { key: ds.key, ids: [q.from, q.to] })).map((r) => String(r.id)),
      );
      if (found.size < (q.from === q.to ? 1 : 2) || q.from === q.to) return { found, paths: [] as Row[] };
      return {
        found,
        paths: await db.runIn(tx, 'paths', {
          key: ds.key,
          from: q.from,
          to: q.to,
          maxHops: q.maxHops ?? 4,
          k: q.k ?? 3,
        }),
      };
    });
    for (const [field, id] of [
      ['from', q.from],
      ['to', q.to],
    ] as const) {
      if (!found.has(id)) throw notFound(`node "${id}" in dataset "${ds.name}"`, { field });
    }
    const payload: PathsPayload = {
      dataset: ds.name,
      from: q.from,
      to: q.to,
      paths: paths.map((p): GraphPath => {
        const edges = (p.edges as Row[]).map((e) => {
          const type = String(e.type);
          const info = isRelationType(type) ? RELATION_TYPES[type] : undefined;
          return { ...(e as unknown as GraphEdge), type_zh: info?.zh ?? type, type_en: info?.en ?? type };
        });
        return { length: edges.length, nodes: p.nodes as GraphPath['nodes'], edges };
      }),
    };
    res.json(payload);
  };
}

// The dataset's sources without their text (a slide's footnote names them).
function sourcesList({ db, datasets }: ReadContext): RequestHandler {
  return async (req, res) => {
    const { dataset, limit } = parseInput(sourcesQuery, req.query, 'query');
    const ds = await datasets.resolve(dataset);
    const [row] = await db.read('sources-list', { key: ds.key, limit: limit ?? 20 });
    const sources = ((row?.sources as Row[] | undefined) ?? []).map((s) => compact<SourceSummary>(s));
    const payload: SourcesPayload = { dataset: ds.name, total: Number(row?.total ?? 0), sources };
    res.json(payload);
  };
}

function sourceById({ db, datasets }: ReadContext): RequestHandler {
  return async (req, res) => {
    const { id } = parseInput(nodeParams, { id: (req.params as { path: string[] }).path.join('/') }, 'params');
    const { dataset } = parseInput(datasetOnly, req.query, 'query');
    const ds = await datasets.resolve(dataset);
    const [row] = await db.read('source-by-id', { key: ds.key, id });
    if (!row) throw notFound(`source "${id}" in dataset "${ds.name}"`, { field: 'id' });
    res.json(compact<SourceDocument>(row));
  };
}

/**
 * Relationships the second ring may read in all: each first-ring node contributes at most
 * NEIGHBOR_BUDGET / |ring1| of its neighbours (at least NEIGHBOR_MIN_PER_NODE), so a hub's 2-hop
 * neighbourhood costs about this much instead of most of the dataset.
 */
export const NEIGHBOR_BUDGET = 20_000;
const NEIGHBOR_MIN_PER_NODE = 10;
const COUNT_COLUMNS = ['ring1Total', 'seen', 'capped'];

function withoutCounts(row: Row): Row {
  const out = { ...row };
  for (const c of COUNT_COLUMNS) delete out[c];
  return out;
}

/** How many neighbours each first-ring node may bring into the second ring. */
export function secondRingPerNode(ring1Size: number): number {
  return Math.max(NEIGHBOR_MIN_PER_NODE, Math.ceil(NEIGHBOR_BUDGET / Math.max(1, ring1Size)));
}

/** The centre and its rings (the second one sampled around hubs), and what was left out. */
async function readNeighborhood(
  db: Database,
  tx: Tx,
  key: string,
  id: string,
  depth: number,
  types: string[],
  limit: number,
) {
  const ring1 = await db.runIn(tx, 'node-neighbors', { key, id, types, limit });
  if (ring1.length === 0) return undefined;
  const ring1Total = Number(ring1[0]?.ring1Total ?? 0);
  const ids = ring1.slice(1).map((n) => String(n.id));
  const perNode = secondRingPerNode(ids.length);
  const ring2 =
    depth >= 2 && ids.length > 0
      ? await db.runIn(tx, 'node-ring2', { key, ring1: ids, exclude: [id, ...ids], types, perNode, limit })
      : [];
  const seen = Number(ring2[0]?.seen ?? 0);
  const capped = Number(ring2[0]?.capped ?? 0);
  const counts: NeighborhoodCounts = {
    ring1: ring1Total,
    ring1Shown: ids.length,
    ...(depth >= 2 ? { ring2Seen: seen, ring2Shown: ring2.length, sampledNodes: capped, perNode } : {}),
  };
  const sampled = ring1Total > ids.length || seen > ring2.length || capped > 0;
  return { nodes: [...ring1, ...ring2], counts: { sampled, counts } };
}

/** Sources and quotes are stored as parallel lists: quote i comes from source i. */
/** Each quote's source named by its title too, when the dataset has that source. */
function withTitles(evidence: Evidence[], titles: ReadonlyMap<string, string>): Evidence[] {
  return evidence.map((e) => {
    const title = titles.get(e.source);
    return title ? { ...e, title } : e;
  });
}

export function zipEvidence(sources: unknown, quotes: unknown): Evidence[] {
  if (!Array.isArray(sources) || !Array.isArray(quotes)) return [];
  return quotes.map((quote, i) => ({ source: String(sources[i] ?? sources[0] ?? ''), quote: String(quote) }));
}

const INTERNAL_FIELDS = new Set([
  'dataset',
  'pinyin',
  'pinyin_initials',
  'pinyin_words',
  'name_en_lower',
  'aliases_zh',
  'aliases_en',
  'sources',
  'evidence',
]);

function presentNode(node: Row): NodeDetails['node'] {
  const out: Row = {};
  for (const [k, v] of Object.entries(node)) if (!INTERNAL_FIELDS.has(k)) out[k] = v;
  const type = String(node.type);
  if (isNodeType(type)) out.sector = NODE_TYPES[type].sector;
  out.evidence = zipEvidence(node.sources, node.evidence);
  return out as NodeDetails['node'];
}

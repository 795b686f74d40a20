// A dataset's layout, computed once on the server: ForceAtlas2 (its synchronous API) from seeded
// starting positions until the drawing settles, then the no-overlap pass — the same settings,
// sizes and pass as the browser's layout (web/src/graph/layout.ts), so the picture looks the
// same. Pure and deterministic: the same nodes and relations give the same positions.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { layoutSettings, OVERLAP_MAX_NODES, sizeForDegree } from '../../domain/layout-settings.ts';
import { NODE_TYPES } from '../../domain/ontology.ts';
import { createRandom } from '../../domain/random.ts';
import { SEPARATE_MAX_STEPS, separateStep } from '../../domain/separate.ts';

export interface LayoutInput {
  nodes: { id: string; type: string }[];
  edges: { source: string; target: string }[];
}

export interface LayoutResult {
  ids: string[];
  x: number[];
  y: number[];
  iterations: number;
  overlapSteps: number;
}

export interface LayoutOptions {
  /** The no-overlap pass assumes the drawing's larger side spans this many CSS pixels. */
  referencePixels?: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

interface LayoutNode {
  x: number;
  y: number;
  size: number;
}

type LayoutGraph = Graph<LayoutNode, { weight: number }>;

/** ForceAtlas2 runs this many iterations between two measures of how much the drawing moves. */
const CHUNK = 20;
/** Mean movement per chunk, relative to the drawing's extent, below which it is settled (as in the browser). */
const SETTLE_THRESHOLD = 0.0015;
const CALM_CHUNKS = 3;
/** A screen of 1280×720 shows the drawing about 600 px high once the header and panels are drawn. */
const REFERENCE_PIXELS = 600;

/** A cap on iterations that shrinks as the graph grows (each one costs more); never a time budget, which would not be deterministic. */
export function maxIterations(order: number): number {
  return Math.round(Math.min(2_000, Math.max(100, 4_000_000 / Math.max(1, order))));
}

export function computeLayout(input: LayoutInput, options: LayoutOptions = {}): LayoutResult {
  const graph = buildLayoutGraph(input);
  const iterations = runForces(graph, options.onProgress);
  const overlapSteps = removeOverlaps(graph, 1 / (options.referencePixels ?? REFERENCE_PIXELS));
  const ids: string[] = [];
  const x: number[] = [];
  const y: number[] = [];
  graph.forEachNode((id, a) => {
    ids.push(id);
    x.push(round(a.x));
    y.push(round(a.y));
  });
  return { ids, x, y, iterations, overlapSteps };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** FNV-1a of an id: the seed of its starting position. */
function seedOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Nodes in id order (ForceAtlas2's result depends on it), each starting in its type's sector of
 * a circle as in the browser; parallel relations become one heavier edge.
 */
export function buildLayoutGraph(input: LayoutInput): LayoutGraph {
  const graph: LayoutGraph = new Graph({ type: 'directed', allowSelfLoops: false });
  const types = Object.keys(NODE_TYPES);
  const sectors = Math.max(1, types.length);
  const nodes = [...input.nodes].sort((a, b) => compare(a.id, b.id));
  for (const node of nodes) {
    if (graph.hasNode(node.id)) continue;
    const random = createRandom(seedOf(node.id));
    const angle = ((Math.max(0, types.indexOf(node.type)) + random()) / sectors) * 2 * Math.PI;
    const radius = 50 + random() * 50;
    graph.addNode(node.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle), size: 0 });
  }
  const degree = new Map<string, number>();
  for (const { source, target } of [...input.edges].sort(byEnds)) {
    if (source === target || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    degree.set(source, (degree.get(source) ?? 0) + 1);
    degree.set(target, (degree.get(target) ?? 0) + 1);
    if (graph.hasEdge(source, target)) graph.updateEdgeAttribute(source, target, 'weight', (w) => (w ?? 0) + 1);
    else graph.addEdge(source, target, { weight: 1 });
  }
  let maxDegree = 0;
  for (const d of degree.values()) maxDegree = Math.max(maxDegree, d);
  graph.forEachNode((id) => graph.setNodeAttribute(id, 'size', sizeForDegree(degree.get(id) ?? 0, maxDegree)));
  return graph;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Edges in a fixed order too: ForceAtlas2 sums forces edge by edge, and float sums depend on order. */
function byEnds(a: LayoutInput['edges'][number], b: LayoutInput['edges'][number]): number {
  return compare(a.source, b.source) || compare(a.target, b.target);
}

/** Runs ForceAtlas2 in chunks until the drawing has moved little for a few chunks; returns the iterations run. */
function runForces(graph: LayoutGraph, onProgress?: LayoutOptions['onProgress']): number {
  if (graph.order < 2) return 0;
  const settings = layoutSettings(graph);
  const cap = maxIterations(graph.order);
  const previous = positions(graph);
  let calm = 0;
  let done = 0;
  while (done < cap && calm < CALM_CHUNKS) {
    forceAtlas2.assign(graph, { iterations: CHUNK, settings, getEdgeWeight: 'weight' });
    done += CHUNK;
    calm = movement(graph, previous) < SETTLE_THRESHOLD ? calm + 1 : 0;
    onProgress?.('forces', done, cap);
  }
  return done;
}

function positions(graph: LayoutGraph): Float64Array {
  const xy = new Float64Array(graph.order * 2);
  let i = 0;
  graph.forEachNode((_id, a) => {
    xy[i++] = a.x;
    xy[i++] = a.y;
  });
  return xy;
}

/** Mean displacement since the last call relative to the drawing's extent; `previous` is updated. */
function movement(graph: LayoutGraph, previous: Float64Array): number {
  let i = 0;
  let moved = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((_id, a) => {
    moved += Math.hypot(a.x - (previous[i] ?? a.x), a.y - (previous[i + 1] ?? a.y));
    previous[i++] = a.x;
    previous[i++] = a.y;
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  const extent = Math.max(1e-9, Math.hypot(maxX - minX, maxY - minY));
  return moved / Math.max(1, graph.order) / extent;
}

/** The browser's no-overlap pass (domain/separate.ts) at the reference screen size; returns its steps. */
function removeOverlaps(graph: LayoutGraph, fractionPerPixel: number): number {
  if (graph.order < 2 || graph.order > OVERLAP_MAX_NODES) return 0;
  const discs = {
    x: new Float64Array(graph.order),
    y: new Float64Array(graph.order),
    r: new Float64Array(graph.order),
  };
  let i = 0;
  graph.forEachNode((_id, a) => {
    discs.x[i] = a.x;
    discs.y[i] = a.y;
    discs.r[i++] = a.size;
  });
  let steps = 0;
  while (steps < SEPARATE_MAX_STEPS && separateStep(discs, fractionPerPixel) > 0) steps++;
  i = 0;
  graph.updateEachNodeAttributes((_id, a) => {
    a.x = discs.x[i] ?? a.x;
    a.y = discs.y[i++] ?? a.y;
    return a;
  });
  return steps;
}

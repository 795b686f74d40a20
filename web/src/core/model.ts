// The graph model: the dataset's schema and the graph the explorer holds (the overview plus
// what was expanded). It builds nodes and edges from API payloads, merges neighbourhoods in,
// and answers what the view may name (its domain). Display state never lives here.
import type { GraphPayload, NeighborhoodPayload, SchemaPayload } from '../data/types.ts';
import {
  addEdges,
  ARROW_EDGE_LIMIT,
  curveParallelEdges,
  emptyGraph,
  nodeAttributes,
  relabel,
  resizeByDegree,
  type ExplorerGraph,
} from '../graph/build.ts';
import { extentSize, graphExtent } from '../graph/extent.ts';
import type { Lang } from '../i18n.ts';
import type { ViewDomain } from './codec.ts';

export interface Added {
  nodes: number;
  edges: number;
  /** Every new node stood where the server's stored layout puts it: nothing to lay out. */
  placed?: boolean;
}

export class GraphModel {
  readonly graph: ExplorerGraph = emptyGraph();
  schema: SchemaPayload | undefined;
  /** Set when the overview holds only the best-connected part of the dataset. */
  truncated: { shown: number; total: number } | undefined;
  /** The drawn positions are the server's stored layout (so later nodes may take theirs). */
  positionsStored = false;
  private lang: Lang;
  private readonly changeListeners = new Set<(added: Added) => void>();

  constructor(lang: Lang) {
    this.lang = lang;
  }

  typeName(type: string, lang: Lang): string {
    const info = this.schema?.nodeTypes.find((x) => x.type === type);
    return info ? (lang === 'zh' ? info.name_zh : info.name_en) : type;
  }

  /** A node's name in a language, or '' when the view does not hold it. */
  nodeName(id: string | undefined, lang: Lang): string {
    if (!id || !this.graph.hasNode(id)) return '';
    const attrs = this.graph.getNodeAttributes(id);
    return lang === 'zh' ? attrs.name_zh : attrs.name_en;
  }

  /** Forgets the dataset (another one is being loaded). */
  reset(): void {
    this.graph.clear();
    this.schema = undefined;
    this.truncated = undefined;
    this.positionsStored = false;
  }

  setLang(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    relabel(this.graph, lang);
  }

  /** What a view may name: the nodes held, the schema's types, the years present. */
  domain(): ViewDomain {
    const g = this.graph;
    const years = new Set<number>();
    g.forEachNode((_node, a) => {
      if (a.year !== undefined) years.add(a.year);
    });
    return {
      hasNode: (id) => g.hasNode(id),
      nodeType: (id) => (g.hasNode(id) ? g.getNodeAttribute(id, 'nodeType') : undefined),
      nodeTypes: new Set(this.schema?.nodeTypes.map((x) => x.type) ?? []),
      relationTypes: new Set(this.schema?.relationTypes.map((x) => x.type) ?? []),
      years,
    };
  }

  /**
   * Adds a neighbourhood to the graph. On a map drawn from the stored layout, new nodes that
   * carry their stored positions take them (the picture every machine shows); otherwise they
   * start around the node it is centred on (or the middle of the drawing), so a layout run from
   * here moves the map rather than jumps.
   */
  merge(neighbourhood: NeighborhoodPayload): Added {
    const g = this.graph;
    const types = this.schema?.nodeTypes ?? [];
    const bounds = graphExtent(g) ?? { minX: -50, maxX: 50, minY: -50, maxY: 50 };
    const centre = g.hasNode(neighbourhood.center)
      ? g.getNodeAttributes(neighbourhood.center)
      : { x: (bounds.minX + bounds.maxX) / 2, y: (bounds.minY + bounds.maxY) / 2 };
    const placed = this.positionsStored && neighbourhood.nodes.every((n) => hasPosition(n));
    const around = placed ? undefined : { x: centre.x, y: centre.y, spread: Math.max(1, extentSize(bounds) / 25) };
    let nodes = 0;
    for (const node of neighbourhood.nodes) {
      if (g.hasNode(node.id)) continue;
      g.addNode(node.id, nodeAttributes(node, types, this.lang, around));
      nodes++;
    }
    const edges = addEdges(g, neighbourhood.edges, this.edgeProgram(g.size));
    if (edges > 0) curveParallelEdges(g);
    if (nodes + edges > 0) resizeByDegree(g);
    const added = { nodes, edges, placed };
    if (nodes + edges > 0) for (const listener of this.changeListeners) listener(added);
    return added;
  }

  /** Told after nodes or edges were merged into a loaded graph. */
  onChange(listener: (added: Added) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Arrowheads up to a size; beyond it they would only add noise. */
  edgeProgram(edgeCount: number): 'arrow' | 'line' {
    return edgeCount > ARROW_EDGE_LIMIT ? 'line' : 'arrow';
  }

  noteOverview(overview: GraphPayload): void {
    const total = this.schema?.nodeTypes.reduce((sum, x) => sum + x.count, 0) ?? overview.nodes.length;
    this.truncated = overview.truncated ? { shown: overview.nodes.length, total } : undefined;
  }
}

const hasPosition = (n: { x?: number; y?: number }) => typeof n.x === 'number' && typeof n.y === 'number';

/** Adds a neighbourhood's nodes and edges to a payload, without duplicates. */
export function mergePayload(payload: GraphPayload, more: NeighborhoodPayload): void {
  const nodes = new Set(payload.nodes.map((n) => n.id));
  const edges = new Set(payload.edges.map((e) => e.id));
  for (const node of more.nodes) if (!nodes.has(node.id)) payload.nodes.push(node);
  for (const edge of more.edges) if (!edges.has(edge.id)) payload.edges.push(edge);
}

// Display layers: what features contribute to the picture without touching graph data. A layer
// computes its sets once per change (never per frame) and says so with `changed()`; the stack
// merges them — hidden items are the union of every layer's, the highlight is the one of the
// highest-priority layer that has one — and the renderer's reducers only look the result up.
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';

export interface Highlight {
  /** Nodes kept bright; everything else is faded. */
  nodes: ReadonlySet<string>;
  /** Nodes labelled and raised above the rest. */
  focus: ReadonlySet<string>;
  /** When set, exactly these edges are drawn (emphasised), and the nodes even where filtered out. */
  edges?: ReadonlySet<string>;
  /** With `edges` unset: also edges between two highlighted nodes that touch no focus node. */
  wide?: boolean;
}

export interface DisplayLayer {
  readonly id: string;
  /** Among layers with a highlight, the highest priority wins (paths above selection). */
  readonly priority?: number;
  hiddenNodes?(): ReadonlySet<string> | undefined;
  hiddenEdges?(): ReadonlySet<string> | undefined;
  highlight?(): Highlight | undefined;
  /** Per-item style (size or colour by a metric, …): writes into sigma's copy, allocates nothing. */
  styleNode?(node: string, data: Partial<NodeDisplayData>): void;
  styleEdge?(edge: string, data: Partial<EdgeDisplayData>): void;
}

/** What changed in a layer: its hidden sets (costly to merge at 10k), or only its highlight or style. */
export type LayerChange = 'hidden' | 'highlight' | 'style';

/** What a layer's owner calls after its sets changed. */
export interface LayerHandle {
  changed(what?: LayerChange): void;
  remove(): void;
}

/** The part of the graph the stack reads (graphology's Graph has it). */
interface GraphView {
  readonly order: number;
  readonly size: number;
  hasNode(node: string): boolean;
  forEachEdge(callback: (edge: string, attributes: unknown, source: string, target: string) => void): void;
}

const NONE: ReadonlySet<string> = new Set();

export class LayerStack {
  private readonly layers: DisplayLayer[] = [];
  private readonly listeners = new Set<(what: LayerChange) => void>();
  hiddenNodes: ReadonlySet<string> = NONE;
  hiddenEdges: ReadonlySet<string> = NONE;
  highlight: Highlight | undefined;
  stylers: DisplayLayer[] = [];

  constructor(private readonly graph: GraphView) {}

  add(layer: DisplayLayer): LayerHandle {
    this.layers.push(layer);
    this.layers.sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
    this.stylers = this.layers.filter((l) => l.styleNode || l.styleEdge);
    this.recompute('hidden');
    return {
      changed: (what = 'hidden') => this.recompute(what),
      remove: () => {
        const at = this.layers.indexOf(layer);
        if (at >= 0) this.layers.splice(at, 1);
        this.stylers = this.layers.filter((l) => l.styleNode || l.styleEdge);
        this.recompute('hidden');
      },
    };
  }

  /** Told after any layer changed, with what changed. */
  onChange(listener: (what: LayerChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Merges the layers again: hidden sets only when they changed (or the graph did, since edges
   * at hidden nodes must be found again), the highlight always (it is cheap, and it depends on
   * what is hidden).
   */
  recompute(what: LayerChange): void {
    if (what === 'hidden') this.mergeHidden();
    this.highlight = undefined;
    for (const layer of this.layers) {
      const highlight = layer.highlight?.();
      if (highlight) {
        this.highlight = highlight;
        break;
      }
    }
    for (const listener of this.listeners) listener(what);
  }

  private mergeHidden(): void {
    this.hiddenNodes = union(this.layers.map((l) => l.hiddenNodes?.()));
    const hiddenEdges = new Set(union(this.layers.map((l) => l.hiddenEdges?.())));
    if (this.hiddenNodes.size > 0)
      this.graph.forEachEdge((edge, _a, source, target) => {
        if (this.hiddenNodes.has(source) || this.hiddenNodes.has(target)) hiddenEdges.add(edge);
      });
    this.hiddenEdges = hiddenEdges;
  }

  /** Drawn now: in the graph and hidden by no layer. */
  isVisible(node: string): boolean {
    return this.graph.hasNode(node) && !this.hiddenNodes.has(node);
  }

  isEdgeVisible(edge: string): boolean {
    return !this.hiddenEdges.has(edge);
  }

  visibleNodeCount(): number {
    return this.graph.order - this.hiddenNodes.size;
  }

  visibleEdgeCount(): number {
    return this.graph.size - this.hiddenEdges.size;
  }
}

function union(sets: (ReadonlySet<string> | undefined)[]): ReadonlySet<string> {
  const present = sets.filter((s): s is ReadonlySet<string> => s !== undefined && s.size > 0);
  if (present.length === 0) return NONE;
  if (present.length === 1) return present[0] as ReadonlySet<string>;
  const out = new Set<string>();
  for (const set of present) for (const item of set) out.add(item);
  return out;
}

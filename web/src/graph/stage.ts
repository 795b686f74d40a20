// The graph sigma draws: a mirror of the explorer's graph whose edges can be held back.
//
// Sigma re-processes every node *and every edge* of its graph whenever a position changes,
// hidden edges included (about 100 ms for 50,000 edges here). While a layout moves a large
// graph its edges are not drawn anyway (renderer.ts, LAYOUT_EDGE_LIMIT), so they are left out
// of the stage altogether, and join it in slices once the layout stops. The explorer's own
// graph (the model) always holds every edge: filters, counts, paths and exports read it.
//
// On the stage an edge's key is its position number ("0", "1", …), not its id: sigma keeps
// per-edge data in plain objects keyed by edge, and number-like keys make those array-like,
// which made sigma's pass over 50,000 edges several times faster. `modelEdge` translates.
import type { Attributes, GraphEvents } from 'graphology-types';
import { emptyGraph, type EdgeAttributes, type ExplorerGraph, type NodeAttributes } from './build.ts';

/** Edges added to the stage per task when they join it. */
export const EDGE_JOIN_SLICE = 5_000;

/** Copies the listed attributes (or all of them) from one attribute object to another. */
function copyInto<A extends Attributes>(target: A, source: A, names: readonly (keyof A)[] | undefined): A {
  if (!names) return { ...source };
  for (const name of names) target[name] = source[name];
  return target;
}

type ModelEvents = GraphEvents<NodeAttributes, EdgeAttributes>;

export class StageGraph {
  readonly graph: ExplorerGraph = emptyGraph();
  private edgesShown = true;
  /** Bumped whenever edges are held back or asked back: an older join stops where it is. */
  private generation = 0;
  private joined: Promise<void> = Promise.resolve();
  private readonly unsubscribe: (() => void)[] = [];
  /** Stage key (a number) → the model's edge key, and back. */
  private readonly modelEdges: string[] = [];
  private readonly stageEdges = new Map<string, string>();

  constructor(private readonly model: ExplorerGraph) {
    model.forEachNode((node, attributes) => this.graph.addNode(node, { ...attributes }));
    model.forEachEdge((edge) => this.addEdgeFromModel(edge));
    this.listen();
  }

  /** The model's key of an edge on the stage. */
  modelEdge(stageKey: string): string {
    return this.modelEdges[Number(stageKey)] ?? stageKey;
  }

  /** Leaves every edge out of the stage. */
  holdEdges(): void {
    this.generation++;
    this.edgesShown = false;
    this.joined = Promise.resolve();
    this.clearEdges();
  }

  private clearEdges(): void {
    if (this.graph.size > 0) this.graph.clearEdges();
    this.modelEdges.length = 0;
    this.stageEdges.clear();
  }

  /**
   * Brings the model's edges back, `EDGE_JOIN_SLICE` per task, and resolves when all have
   * joined. Edges the model gains meanwhile join at once.
   */
  showEdges(): Promise<void> {
    if (this.edgesShown) return this.joined;
    this.edgesShown = true;
    const generation = ++this.generation;
    const edges = this.model.edges();
    this.joined = (async () => {
      for (let from = 0; from < edges.length; from += EDGE_JOIN_SLICE) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (generation !== this.generation) return;
        for (const edge of edges.slice(from, from + EDGE_JOIN_SLICE)) this.addEdgeFromModel(edge);
      }
    })();
    return this.joined;
  }

  kill(): void {
    this.generation++;
    for (const off of this.unsubscribe) off();
    this.unsubscribe.length = 0;
  }

  private addEdgeFromModel(edge: string): void {
    if (this.stageEdges.has(edge) || !this.model.hasEdge(edge)) return;
    const [source, target] = this.model.extremities(edge);
    const key = String(this.modelEdges.length);
    this.modelEdges.push(edge);
    this.stageEdges.set(edge, key);
    this.graph.addDirectedEdgeWithKey(key, source, target, { ...this.model.getEdgeAttributes(edge) });
  }

  private listen(): void {
    const { model, graph } = this;
    const on = <E extends keyof ModelEvents>(event: E, listener: ModelEvents[E]) => {
      model.on(event, listener);
      this.unsubscribe.push(() => model.off(event, listener));
    };
    on('nodeAdded', ({ key, attributes }) => graph.addNode(key, { ...attributes }));
    on('nodeDropped', ({ key }) => {
      if (graph.hasNode(key)) graph.dropNode(key);
    });
    on('edgeAdded', ({ key }) => {
      if (this.edgesShown) this.addEdgeFromModel(key);
    });
    on('edgeDropped', ({ key }) => {
      const stageKey = this.stageEdges.get(key);
      if (stageKey === undefined) return;
      this.stageEdges.delete(key);
      graph.dropEdge(stageKey);
    });
    on('cleared', () => {
      this.clearEdges();
      graph.clear();
    });
    on('edgesCleared', () => this.clearEdges());
    on('nodeAttributesUpdated', ({ key }) => {
      if (graph.hasNode(key)) graph.replaceNodeAttributes(key, { ...model.getNodeAttributes(key) });
    });
    on('edgeAttributesUpdated', ({ key }) => {
      const stageKey = this.stageEdges.get(key);
      if (stageKey !== undefined) graph.replaceEdgeAttributes(stageKey, { ...model.getEdgeAttributes(key) });
    });
    // A layout's position update names the attributes it changed: only those are copied, and
    // sigma gets the same hint.
    on('eachNodeAttributesUpdated', ({ hints }) => {
      const names = hints?.attributes;
      graph.updateEachNodeAttributes(
        (node, attributes) => copyInto(attributes, model.getNodeAttributes(node), names),
        names ? { attributes: names } : undefined,
      );
    });
    on('eachEdgeAttributesUpdated', ({ hints }) => {
      const names = hints?.attributes;
      graph.updateEachEdgeAttributes(
        (edge, attributes) => copyInto(attributes, model.getEdgeAttributes(this.modelEdge(edge)), names),
        names ? { attributes: names } : undefined,
      );
    });
  }
}

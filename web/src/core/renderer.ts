// The one owner of the Sigma instance. What features show (filters, hover and selection,
// paths, later metric sizing and stories) reaches it as display layers (layers.ts): their sets
// are computed once per change, and the reducers only look them up. Graph data is never
// modified here. Sigma draws a stage (stage.ts) that mirrors the explorer's graph and leaves
// its edges out while a large layout runs.
import { createEdgeCurveProgram } from '@sigma/edge-curve';
import Sigma from 'sigma';
import type { CameraState, EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { EdgeAttributes, ExplorerGraph, NodeAttributes } from '../graph/build.ts';
import { LABEL_FONT } from '../graph/fonts.ts';
import { StageGraph } from '../graph/stage.ts';
import { PALETTES, type Palette } from '../graph/theme.ts';
import type { Highlight, LayerChange, LayerStack } from './layers.ts';
import {
  DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS,
  type NodeHoverDrawingFunction,
  type NodeLabelDrawingFunction,
} from 'sigma/rendering';

const PATH_EDGE = '#2563eb';
/**
 * Above this many edges, edges are not drawn while the layout moves the nodes (level of detail):
 * re-reading tens of thousands of edges for every position update would block the page, and a
 * moving hairball tells nothing. They appear as soon as the layout stops.
 */
export const LAYOUT_EDGE_LIMIT = 20_000;
const FORCED_LABELS_MAX = 24;

export interface RendererEvents {
  onClickNode(id: string): void;
  onClickStage(): void;
  onHoverNode(id: string | undefined): void;
  onCameraChange(camera: CameraState): void;
}

/** Curved edges with an arrowhead at the target, for parallel relations (build.ts bends them). */
const CurvedArrowProgram = createEdgeCurveProgram<NodeAttributes, EdgeAttributes>({
  arrowHead: DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS,
});

type NodeDisplay = Omit<NodeAttributes, 'label'> & Partial<NodeDisplayData>;
type EdgeDisplay = EdgeAttributes & Partial<EdgeDisplayData>;

export class GraphRenderer {
  readonly sigma: Sigma<NodeAttributes, EdgeAttributes>;
  private readonly stage: StageGraph;
  /** The highlight drawn in the last refresh, to skip refreshes that would change nothing. */
  private shown: Highlight | undefined;
  private palette: Palette = PALETTES.light;
  /** The page's scale on very large screens (the theme feature passes it with the palette). */
  private uiScale = 1;
  /** What the palette and the page's scale make of every node's and edge's drawn size. */
  private nodeScale = 1;
  private edgeScale = 1;
  private readonly unsubscribeLayers: () => void;
  /** Panels opening and closing change the container's size, not the window's. */
  private readonly resizeObserver: ResizeObserver;
  /** A display change waits for the next frame, so several changes cost one refresh. */
  private refreshFrame: number | undefined;
  private processStartedAt = 0;
  /** Level of detail while a large layout runs: no edges, no labels. */
  private edgesSuppressed = false;
  /** Resolves when the edges held back during a layout have joined the stage again. */
  private edgesBack: Promise<void> = Promise.resolve();
  /** Label boxes drawn in this frame (x0, y0, x1, y1, …), reused from frame to frame. */
  private readonly labelBoxes: number[] = [];
  private readonly drawnLabels = new Set<string>();
  private killed = false;

  constructor(
    private readonly graph: ExplorerGraph,
    container: HTMLElement,
    private readonly layers: LayerStack,
    events: RendererEvents,
  ) {
    this.stage = new StageGraph(graph);
    this.sigma = new Sigma<NodeAttributes, EdgeAttributes>(this.stage.graph, container, {
      labelFont: LABEL_FONT,
      labelSize: 13,
      labelWeight: '500',
      labelColor: { color: '#1d2330' },
      labelDensity: 1,
      labelGridCellSize: 100,
      labelRenderedSizeThreshold: 3,
      defaultEdgeType: 'arrow',
      edgeProgramClasses: { curved: CurvedArrowProgram },
      zIndex: true,
      minCameraRatio: 0.02,
      maxCameraRatio: 8,
      stagePadding: 40,
      defaultDrawNodeHover: (context, data, settings) => this.drawHover(context, data, settings),
      defaultDrawNodeLabel: (context, data, settings) => this.drawLabelWhereFree(context, data, settings),
      nodeReducer: (node, data) => this.scaled(this.reduceNode(node, data), this.nodeScale),
      edgeReducer: (edge, data) => this.scaled(this.reduceEdge(edge, data), this.edgeScale),
    });
    this.sigma.on('enterNode', ({ node }) => events.onHoverNode(node));
    this.sigma.on('leaveNode', () => events.onHoverNode(undefined));
    this.sigma.on('clickNode', ({ node }) => events.onClickNode(node));
    this.sigma.on('clickStage', () => events.onClickStage());
    this.sigma.getCamera().on('updated', (state) => events.onCameraChange(state));
    this.unsubscribeLayers = layers.onChange((what) => this.layersChanged(what));
    // Sigma's processing of the whole graph is the costly step at scale: measured for the
    // scale test and the benchmark (User Timing entries), only when it is noticeable.
    this.sigma.on('beforeRender', () => {
      this.labelBoxes.length = 0;
      this.drawnLabels.clear();
    });
    this.sigma.on('beforeProcess', () => {
      this.processStartedAt = performance.now();
    });
    this.sigma.on('afterProcess', () => {
      if (performance.now() - this.processStartedAt > 0)
        performance.measure('explorer:sigma-process', { start: this.processStartedAt, end: performance.now() });
    });
    this.resizeObserver = new ResizeObserver(() => {
      const { width, height } = this.sigma.getDimensions();
      if (width === container.clientWidth && height === container.clientHeight) return;
      this.sigma.resize();
      // New dimensions only need the label grid and the frame redone, not the reducers.
      this.sigma.refresh({ partialGraph: { nodes: [], edges: [] }, schedule: true });
    });
    this.resizeObserver.observe(container);
  }

  /**
   * A layer changed. The frame is redrawn (sigma re-reads every node and edge, costly at 10k)
   * only if something shown changed: hidden items, styles, or the highlight's members.
   */
  private layersChanged(what: LayerChange): void {
    const highlight = this.layers.highlight;
    const same = what === 'highlight' && sameHighlight(this.shown, highlight);
    this.shown = highlight;
    if (!same) this.scheduleRefresh();
  }

  /** Nodes or edges were added to the graph: the layers' sets are merged again. */
  graphChanged(): void {
    this.layers.recompute('hidden');
  }

  /**
   * While the layout runs on a large graph its edges are left out of the stage, and its labels
   * too (see LAYOUT_EDGE_LIMIT). `edgeCount` lets the caller decide before the edges are added.
   * When the layout stops, the edges join the stage in slices, each its own task.
   */
  setLayoutRunning(running: boolean, edgeCount = this.graph.size): void {
    const suppressed = running && edgeCount > LAYOUT_EDGE_LIMIT;
    if (suppressed === this.edgesSuppressed) return;
    this.edgesSuppressed = suppressed;
    // Labels change on nodes only (sigma re-reads them on the next frame).
    this.sigma.refresh({ partialGraph: { nodes: this.stage.graph.nodes() }, schedule: true });
    if (suppressed) this.stage.holdEdges();
    // The positions pushed at the end of the layout are processed first, while the stage has no
    // edges (cheap); then the edges join.
    else
      this.edgesBack = new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(this.stage.showEdges()))),
      );
  }

  /** The theme's colours and sizes; `uiScale` enlarges labels, nodes and edges on very large screens. */
  setPalette(palette: Palette, uiScale = 1): void {
    if (this.palette === palette && this.uiScale === uiScale) return;
    this.palette = palette;
    this.uiScale = uiScale;
    this.nodeScale = palette.nodeScale * uiScale;
    this.edgeScale = palette.edgeScale * uiScale;
    const labelSize = palette.labelSize * uiScale;
    this.sigma.setSetting('labelColor', { color: palette.label });
    this.sigma.setSetting('labelSize', labelSize);
    this.sigma.setSetting('labelWeight', palette.labelWeight);
    // Larger labels need larger grid cells, or they would pile up.
    this.sigma.setSetting('labelGridCellSize', Math.round((100 * labelSize) / 13));
    this.scheduleRefresh();
  }

  /** Multiplies a drawn size (the projector theme's thicker lines and larger nodes). */
  private scaled<D extends { size?: number; hidden?: boolean }>(data: D, factor: number): D {
    if (factor !== 1 && !data.hidden) data.size = (data.size ?? 1) * factor;
    return data;
  }

  /** The hover box in the theme's colours (sigma's default box is always white). */
  private drawHover: NodeHoverDrawingFunction<NodeAttributes, EdgeAttributes> = (context, data, settings) => {
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    const label = typeof data.label === 'string' ? data.label : '';
    const width = label ? context.measureText(label).width + 8 : 0;
    const box = Math.max(size + 4, data.size * 2 + 4);
    context.fillStyle = this.palette.hoverBox;
    context.shadowColor = this.palette.hoverShadow;
    context.shadowBlur = 8;
    context.beginPath();
    context.roundRect(data.x - data.size - 2, data.y - box / 2, data.size * 2 + 4 + width, box, 4);
    context.fill();
    context.shadowBlur = 0;
    this.drawLabel(context, data, settings);
  };

  /**
   * Sigma's label grid thins labels per cell, but long names still run into each other across
   * cells: a label that would overlap one already drawn in this frame is left out (the larger
   * nodes come first). Forced labels of a selection's small neighbourhood go through here too.
   */
  private drawLabelWhereFree: NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes> = (context, data, settings) => {
    if (!data.label) return;
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    const x0 = data.x + data.size + 2;
    const x1 = x0 + context.measureText(data.label).width + 2;
    const y0 = data.y - size / 2 - 1;
    const y1 = data.y + size / 2 + 1;
    const boxes = this.labelBoxes;
    for (let i = 0; i < boxes.length; i += 4) {
      if (x0 < (boxes[i + 2] ?? 0) && x1 > (boxes[i] ?? 0) && y0 < (boxes[i + 3] ?? 0) && y1 > (boxes[i + 1] ?? 0))
        return;
    }
    boxes.push(x0, y0, x1, y1);
    if ('key' in data && typeof data.key === 'string') this.drawnLabels.add(data.key);
    this.drawLabel(context, data, settings);
  };

  private drawLabel: NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes> = (context, data, settings) => {
    if (!data.label) return;
    context.fillStyle = this.palette.label;
    context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    context.fillText(data.label, data.x + data.size + 3, data.y + settings.labelSize / 3);
  };

  /** The highlighted set (selection's ego network, hover or paths), for automation. */
  highlightedNodes(): string[] {
    return this.layers.highlight ? [...this.layers.highlight.nodes] : [];
  }

  private scheduleRefresh(): void {
    if (this.refreshFrame !== undefined) return;
    this.refreshFrame = requestAnimationFrame(() => {
      this.refreshFrame = undefined;
      this.sigma.refresh();
    });
  }

  // Sigma hands each reducer its own shallow copy of the attributes, so the reducers write the
  // display changes into that copy instead of allocating another object per item and frame.
  private reduceNode(node: string, data: NodeDisplay): NodeDisplay {
    const highlight = this.layers.highlight;
    // A highlight with its own edges (paths) is shown whole, even through filtered-out nodes.
    if (this.layers.hiddenNodes.has(node) && !(highlight?.edges && highlight.nodes.has(node))) {
      data.hidden = true;
      return data;
    }
    for (const layer of this.layers.stylers) layer.styleNode?.(node, data);
    // Labels would only flicker while a large layout moves the nodes; leaving them out also
    // spares sigma's label grid on every position update.
    if (this.edgesSuppressed && !highlight?.focus.has(node)) data.label = null;
    if (!highlight) return data;
    if (highlight.nodes.has(node)) {
      const focus = highlight.focus.has(node);
      // Every label of a small neighbourhood is shown; in a large one the label grid chooses
      // (forced labels are drawn even where they overlap).
      data.forceLabel = focus || highlight.nodes.size <= FORCED_LABELS_MAX;
      data.highlighted = focus;
      data.zIndex = focus ? 2 : 1;
      return data;
    }
    data.color = this.palette.faded;
    data.label = '';
    data.zIndex = 0;
    return data;
  }

  private reduceEdge(stageKey: string, data: EdgeDisplay): EdgeDisplay {
    const edge = this.stage.modelEdge(stageKey);
    const highlight = this.layers.highlight;
    if (this.edgesSuppressed || (highlight?.edges && !highlight.edges.has(edge)) || this.layers.hiddenEdges.has(edge)) {
      data.hidden = true;
      return data;
    }
    if (highlight?.edges) {
      data.color = PATH_EDGE;
      data.size = 3;
      data.zIndex = 2;
      return data;
    }
    for (const layer of this.layers.stylers) layer.styleEdge?.(edge, data);
    if (!highlight) {
      data.color = this.palette.edge;
      return data;
    }
    const [source, target] = this.graph.extremities(edge);
    if (
      highlight.nodes.has(source) &&
      highlight.nodes.has(target) &&
      (highlight.focus.has(source) || highlight.focus.has(target) || highlight.wide)
    ) {
      data.color = this.palette.highlightEdge;
      data.size = 2;
      data.zIndex = 1;
      return data;
    }
    data.hidden = true;
    return data;
  }

  /**
   * Resolves once sigma has drawn the graph as it is now: every edge that is to be shown has
   * joined the stage, and the next frame has been processed and rendered.
   */
  async drawn(): Promise<void> {
    if (!this.edgesSuppressed) await this.edgesBack;
    if (this.killed) return;
    await new Promise<void>((resolve) => {
      this.sigma.once('afterRender', () => resolve());
      this.sigma.scheduleRender();
    });
  }

  /** Where a node is drawn, in CSS pixels of the container (for automation and tests). */
  viewportPosition(node: string): { x: number; y: number } | undefined {
    if (!this.graph.hasNode(node)) return undefined;
    const display = this.sigma.getNodeDisplayData(node);
    if (!display) return undefined;
    return this.sigma.framedGraphToViewport({ x: display.x, y: display.y });
  }

  /**
   * What one CSS pixel spans at the default camera, as a fraction of the drawing's extent (sigma
   * scales the larger side of the graph's bounding box to the screen, whatever the coordinates).
   */
  extentFractionPerPixel(): number {
    const camera = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
    const a = this.sigma.viewportToFramedGraph({ x: 0, y: 0 }, { cameraState: camera });
    const b = this.sigma.viewportToFramedGraph({ x: 100, y: 0 }, { cameraState: camera });
    return Math.hypot(b.x - a.x, b.y - a.y) / 100;
  }

  /** The nodes whose labels were drawn in the last frame. */
  displayedLabels(): string[] {
    return [...this.drawnLabels];
  }

  /** A node's drawn radius in CSS pixels at the current zoom. */
  viewportRadius(node: string): number | undefined {
    const display = this.graph.hasNode(node) ? this.sigma.getNodeDisplayData(node) : undefined;
    return display ? this.sigma.scaleSize(display.size) : undefined;
  }

  async flyTo(node: string): Promise<void> {
    const display = this.sigma.getNodeDisplayData(node);
    if (!display) return;
    await this.sigma.getCamera().animate({ x: display.x, y: display.y, ratio: 0.5 }, { duration: 500 });
  }

  camera(): CameraState {
    return this.sigma.getCamera().getState();
  }

  setCamera(state: CameraState): void {
    this.sigma.getCamera().setState(state);
  }

  async zoom(factor: number): Promise<void> {
    const camera = this.sigma.getCamera();
    await camera.animate({ ratio: camera.getState().ratio / factor }, { duration: 250 });
  }

  async fit(): Promise<void> {
    await this.sigma.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 400 });
  }

  kill(): void {
    this.killed = true;
    if (this.refreshFrame !== undefined) cancelAnimationFrame(this.refreshFrame);
    this.resizeObserver.disconnect();
    this.unsubscribeLayers();
    this.sigma.kill();
    this.stage.kill();
  }
}

function sameHighlight(a: Highlight | undefined, b: Highlight | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    sameMembers(a.nodes, b.nodes) &&
    sameMembers(a.focus, b.focus) &&
    a.wide === b.wide &&
    a.edges === undefined &&
    b.edges === undefined
  );
}

function sameMembers<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

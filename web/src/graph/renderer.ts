// The one owner of the Sigma instance. Hover, selection and filters are display state: the
// sets they need are computed once per change, and the reducers only look them up. Graph data
// is never modified here.
import Sigma from 'sigma';
import type { CameraState, EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { EdgeAttributes, ExplorerGraph, NodeAttributes } from './build.ts';
import { egoNetwork } from './ego.ts';
import { LABEL_FONT } from './fonts.ts';
import { PALETTES, type Palette } from './theme.ts';
import type { Theme } from '../state/view.ts';
import type { NodeLabelDrawingFunction, NodeHoverDrawingFunction } from 'sigma/rendering';

const PATH_EDGE = '#2563eb';

export interface RendererEvents {
  onClickNode?: (id: string) => void;
  onClickStage?: () => void;
  onCameraChange?: (camera: CameraState) => void;
}

export interface Filters {
  hiddenTypes: ReadonlySet<string>;
  hiddenRelTypes: ReadonlySet<string>;
  hiddenNodes: ReadonlySet<string>;
}

export class GraphRenderer {
  readonly sigma: Sigma<NodeAttributes, EdgeAttributes>;
  private hovered: string | undefined;
  private selected: string | undefined;
  private depth = 1;
  /** Nodes to keep bright (focus + neighbourhood); undefined when nothing is highlighted. */
  private highlighted: Set<string> | undefined;
  private focus: Set<string> = new Set();
  private hiddenNodes: Set<string> = new Set();
  private hiddenEdges: Set<string> = new Set();
  private palette: Palette = PALETTES.light;
  /** Nodes and edges of the paths shown; when set, they are what is highlighted. */
  private pathNodes: Set<string> | undefined;
  private pathEdges: Set<string> = new Set();
  /** Panels opening and closing change the container's size, not the window's. */
  private readonly resizeObserver: ResizeObserver;

  constructor(
    private readonly graph: ExplorerGraph,
    container: HTMLElement,
    events: RendererEvents = {},
  ) {
    this.sigma = new Sigma(graph, container, {
      labelFont: LABEL_FONT,
      labelSize: 13,
      labelWeight: '500',
      labelColor: { color: '#1d2330' },
      labelDensity: 0.6,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 7,
      defaultEdgeType: 'arrow',
      zIndex: true,
      minCameraRatio: 0.02,
      maxCameraRatio: 8,
      stagePadding: 40,
      defaultDrawNodeHover: (context, data, settings) => this.drawHover(context, data, settings),
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    this.sigma.on('enterNode', ({ node }) => this.setHovered(node));
    this.sigma.on('leaveNode', () => this.setHovered(undefined));
    this.sigma.on('clickNode', ({ node }) => events.onClickNode?.(node));
    this.sigma.on('clickStage', () => events.onClickStage?.());
    if (events.onCameraChange) {
      const onCamera = events.onCameraChange;
      this.sigma.getCamera().on('updated', (state) => onCamera(state));
    }
    this.resizeObserver = new ResizeObserver(() => {
      this.sigma.resize();
      this.sigma.refresh({ skipIndexation: true });
    });
    this.resizeObserver.observe(container);
  }

  setHovered(node: string | undefined): void {
    if (node === this.hovered) return;
    this.hovered = node;
    this.recompute();
  }

  setSelection(node: string | undefined, depth: number): void {
    const selected = node !== undefined && this.graph.hasNode(node) ? node : undefined;
    if (selected === this.selected && depth === this.depth) return;
    this.selected = selected;
    this.depth = depth;
    this.recompute();
  }

  get selection(): string | undefined {
    return this.selected;
  }

  setFilters(filters: Filters): void {
    const hiddenNodes = new Set<string>();
    this.graph.forEachNode((node, attrs) => {
      if (filters.hiddenTypes.has(attrs.nodeType) || filters.hiddenNodes.has(node)) hiddenNodes.add(node);
    });
    const hiddenEdges = new Set<string>();
    this.graph.forEachEdge((edge, attrs, source, target) => {
      if (filters.hiddenRelTypes.has(attrs.relType) || hiddenNodes.has(source) || hiddenNodes.has(target))
        hiddenEdges.add(edge);
    });
    this.hiddenNodes = hiddenNodes;
    this.hiddenEdges = hiddenEdges;
    this.recompute();
  }

  setPaths(paths: { nodes: string[]; edges: string[] } | undefined): void {
    this.pathNodes = paths ? new Set(paths.nodes.filter((n) => this.graph.hasNode(n))) : undefined;
    this.pathEdges = new Set(paths?.edges ?? []);
    this.recompute();
  }

  setTheme(theme: Theme): void {
    if (this.palette === PALETTES[theme]) return;
    this.palette = PALETTES[theme];
    this.sigma.setSetting('labelColor', { color: this.palette.label });
    this.sigma.refresh({ skipIndexation: true });
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

  private drawLabel: NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes> = (context, data, settings) => {
    if (!data.label) return;
    context.fillStyle = this.palette.label;
    context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    context.fillText(data.label, data.x + data.size + 3, data.y + settings.labelSize / 3);
  };

  isEdgeVisible(edge: string): boolean {
    return !this.hiddenEdges.has(edge);
  }

  isVisible(node: string): boolean {
    return this.graph.hasNode(node) && !this.hiddenNodes.has(node);
  }

  visibleNodeCount(): number {
    return this.graph.order - this.hiddenNodes.size;
  }

  visibleEdgeCount(): number {
    return this.graph.size - this.hiddenEdges.size;
  }

  /** The highlighted set (selection's ego network or hover), for tests and the table. */
  highlightedNodes(): string[] {
    return this.highlighted ? [...this.highlighted] : [];
  }

  private recompute(): void {
    const visible = (n: string) => !this.hiddenNodes.has(n);
    const hovered = this.hovered !== undefined && visible(this.hovered) ? this.hovered : undefined;
    const selected = this.selected !== undefined && visible(this.selected) ? this.selected : undefined;
    if (this.pathNodes) {
      this.highlighted = new Set(this.pathNodes);
      this.focus = new Set(this.pathNodes);
    } else if (hovered !== undefined) {
      this.highlighted = egoNetwork(this.graph, hovered, 1, visible);
      if (selected) this.highlighted.add(selected);
      this.focus = new Set([hovered, ...(selected ? [selected] : [])]);
    } else if (selected !== undefined) {
      this.highlighted = egoNetwork(this.graph, selected, this.depth, visible);
      this.focus = new Set([selected]);
    } else {
      this.highlighted = undefined;
      this.focus = new Set();
    }
    this.sigma.refresh({ skipIndexation: true });
  }

  private reduceNode(node: string, data: NodeAttributes): Partial<NodeDisplayData> {
    // A path is shown whole, even through nodes a filter hides.
    if (this.hiddenNodes.has(node) && !this.pathNodes?.has(node)) return { ...data, hidden: true };
    if (!this.highlighted) return data;
    if (this.highlighted.has(node)) {
      return { ...data, forceLabel: true, highlighted: this.focus.has(node), zIndex: this.focus.has(node) ? 2 : 1 };
    }
    return { ...data, color: this.palette.faded, label: '', zIndex: 0 };
  }

  private reduceEdge(edge: string, data: EdgeAttributes): Partial<EdgeDisplayData> {
    if (this.pathNodes)
      return this.pathEdges.has(edge) ? { ...data, color: PATH_EDGE, size: 3, zIndex: 2 } : { ...data, hidden: true };
    if (this.hiddenEdges.has(edge)) return { ...data, hidden: true };
    if (!this.highlighted) return this.palette === PALETTES.light ? data : { ...data, color: this.palette.edge };
    const [source, target] = this.graph.extremities(edge);
    if (
      this.highlighted.has(source) &&
      this.highlighted.has(target) &&
      (this.focus.has(source) || this.focus.has(target) || this.depth > 1)
    ) {
      return { ...data, color: this.palette.highlightEdge, size: 2, zIndex: 1 };
    }
    return { ...data, hidden: true };
  }

  /** Where a node is drawn, in CSS pixels of the container (for automation and tests). */
  viewportPosition(node: string): { x: number; y: number } | undefined {
    if (!this.graph.hasNode(node)) return undefined;
    const display = this.sigma.getNodeDisplayData(node);
    if (!display) return undefined;
    return this.sigma.framedGraphToViewport({ x: display.x, y: display.y });
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
    this.resizeObserver.disconnect();
    this.sigma.kill();
  }
}

// The one owner of the Sigma instance. Hover and selection are display state: the sets they
// highlight are computed once per change, and the reducers only look them up.
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { EdgeAttributes, ExplorerGraph, NodeAttributes } from './build.ts';

export const LABEL_FONT =
  '"Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif';
const FADED_NODE = '#e3e6ec';
const HIGHLIGHT_EDGE = '#5b6475';

export interface RendererEvents {
  onClickNode?: (id: string) => void;
  onClickStage?: () => void;
}

export class GraphRenderer {
  readonly sigma: Sigma<NodeAttributes, EdgeAttributes>;
  private hovered: string | undefined;
  private selected: string | undefined;
  /** Nodes to keep bright (focus + neighbours); undefined when nothing is highlighted. */
  private highlighted: Set<string> | undefined;
  private focus: Set<string> = new Set();
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
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    this.sigma.on('enterNode', ({ node }) => this.setHovered(node));
    this.sigma.on('leaveNode', () => this.setHovered(undefined));
    this.sigma.on('clickNode', ({ node }) => events.onClickNode?.(node));
    this.sigma.on('clickStage', () => events.onClickStage?.());
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

  setSelected(node: string | undefined): void {
    if (node === this.selected) return;
    this.selected = node !== undefined && this.graph.hasNode(node) ? node : undefined;
    this.recompute();
  }

  get selection(): string | undefined {
    return this.selected;
  }

  private recompute(): void {
    const center = this.hovered ?? this.selected;
    if (center === undefined || !this.graph.hasNode(center)) {
      this.highlighted = undefined;
      this.focus = new Set();
    } else {
      const set = new Set<string>([center]);
      this.graph.forEachNeighbor(center, (n) => set.add(n));
      this.highlighted = set;
      this.focus = new Set([center, ...(this.selected ? [this.selected] : [])]);
    }
    this.sigma.refresh({ skipIndexation: true });
  }

  private reduceNode(node: string, data: NodeAttributes): Partial<NodeDisplayData> {
    if (!this.highlighted) return data;
    if (this.highlighted.has(node)) {
      return { ...data, forceLabel: true, highlighted: this.focus.has(node), zIndex: this.focus.has(node) ? 2 : 1 };
    }
    return { ...data, color: FADED_NODE, label: '', zIndex: 0 };
  }

  private reduceEdge(edge: string, data: EdgeAttributes): Partial<EdgeDisplayData> {
    if (!this.highlighted) return data;
    const center = this.hovered ?? this.selected;
    const [source, target] = this.graph.extremities(edge);
    if (source === center || target === center) return { ...data, color: HIGHLIGHT_EDGE, size: 2, zIndex: 1 };
    return { ...data, hidden: true };
  }

  /** Where a node is drawn, in CSS pixels of the container (for automation and tests). */
  viewportPosition(node: string): { x: number; y: number } | undefined {
    if (!this.graph.hasNode(node)) return undefined;
    const display = this.sigma.getNodeDisplayData(node);
    if (!display) return undefined;
    return this.sigma.framedGraphToViewport({ x: display.x, y: display.y });
  }

  async focusNode(node: string): Promise<void> {
    const display = this.sigma.getNodeDisplayData(node);
    if (!display) return;
    await this.sigma.getCamera().animate({ x: display.x, y: display.y, ratio: 0.5 }, { duration: 500 });
  }

  kill(): void {
    this.resizeObserver.disconnect();
    this.sigma.kill();
  }
}

// ForceAtlas2 in a web worker, with settings inferred from the graph, stopped automatically
// once the drawing settles. This module owns the FA2Layout instance; kill() ends the worker.
import { inferSettings } from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { ExplorerGraph } from './build.ts';

export interface LayoutProgress {
  /** 0..1, how far the layout has come towards settling (or its time budget). */
  fraction: number;
  running: boolean;
}

export interface LayoutOptions {
  onProgress?: (progress: LayoutProgress) => void;
  onSettled?: () => void;
  /** Mean movement per sample, relative to the drawing's extent, below which it is settled. */
  settleThreshold?: number;
  sampleMs?: number;
}

/** A time budget that grows with the graph: small graphs settle in a couple of seconds. */
export function layoutBudgetMs(order: number): number {
  return Math.min(30_000, 2_500 + order * 2.5);
}

export function layoutSettings(graph: ExplorerGraph) {
  const inferred = inferSettings(graph);
  return { ...inferred, barnesHutOptimize: graph.order > 400, slowDown: 1 + Math.log10(Math.max(1, graph.order)) };
}

export class LayoutController {
  private readonly layout: FA2Layout;
  private timer: ReturnType<typeof setInterval> | undefined;
  private previous: Float64Array;
  private calmSamples = 0;
  private startedAt = 0;
  private killed = false;

  constructor(
    private readonly graph: ExplorerGraph,
    private readonly options: LayoutOptions = {},
  ) {
    this.layout = new FA2Layout(graph, { settings: layoutSettings(graph) });
    this.previous = new Float64Array(graph.order * 2);
  }

  isRunning(): boolean {
    return this.layout.isRunning();
  }

  start(): void {
    if (this.killed || this.layout.isRunning()) return;
    this.snapshot();
    this.calmSamples = 0;
    this.startedAt = performance.now();
    this.layout.start();
    const sampleMs = this.options.sampleMs ?? 400;
    this.timer = setInterval(() => this.sample(), sampleMs);
    this.options.onProgress?.({ fraction: 0, running: true });
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    if (this.layout.isRunning()) this.layout.stop();
    if (!this.killed) this.options.onProgress?.({ fraction: 1, running: false });
  }

  kill(): void {
    this.stop();
    this.killed = true;
    this.layout.kill();
  }

  private snapshot(): void {
    if (this.previous.length !== this.graph.order * 2) this.previous = new Float64Array(this.graph.order * 2);
    let i = 0;
    this.graph.forEachNode((_n, a) => {
      this.previous[i++] = a.x;
      this.previous[i++] = a.y;
    });
  }

  /** Mean displacement since the last sample relative to the extent of the drawing. */
  private movement(): number {
    let i = 0;
    let moved = 0;
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    this.graph.forEachNode((_n, a) => {
      moved += Math.hypot(a.x - (this.previous[i] ?? a.x), a.y - (this.previous[i + 1] ?? a.y));
      this.previous[i++] = a.x;
      this.previous[i++] = a.y;
      if (a.x < minX) minX = a.x;
      if (a.x > maxX) maxX = a.x;
      if (a.y < minY) minY = a.y;
      if (a.y > maxY) maxY = a.y;
    });
    const extent = Math.max(1e-9, Math.hypot(maxX - minX, maxY - minY));
    return moved / Math.max(1, this.graph.order) / extent;
  }

  private sample(): void {
    const elapsed = performance.now() - this.startedAt;
    const budget = layoutBudgetMs(this.graph.order);
    const movement = this.movement();
    this.calmSamples = movement < (this.options.settleThreshold ?? 0.0015) ? this.calmSamples + 1 : 0;
    const settled = this.calmSamples >= 3 || elapsed >= budget;
    this.options.onProgress?.({
      fraction: Math.min(0.99, Math.max(elapsed / budget, this.calmSamples / 3)),
      running: !settled,
    });
    if (settled) {
      this.stop();
      this.options.onSettled?.();
    }
  }
}

// ForceAtlas2 in a web worker, with settings inferred from the graph, stopped automatically once
// the drawing settles, then a no-overlap pass (separate.ts, in short slices). This module owns the
// layout supervisor; kill() ends its worker.
//
// The workers move a shadow graph (positions and edges only), not the displayed one: every
// update of the displayed graph makes sigma re-read and re-index every node and edge, so
// positions are copied across at a pace the graph's size allows (every frame for small graphs,
// a few times a second for 10k nodes) instead of on every worker message.
import Graph from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { ExplorerGraph } from './build.ts';
import { graphExtent } from './extent.ts';
import { layoutSettings, OVERLAP_MAX_NODES } from '../../../domain/layout-settings.ts';
import { SEPARATE_MAX_STEPS, separateStep } from '../../../domain/separate.ts';

/** Kept here too: the server lays out with the same settings (domain/layout-settings.ts). */
export { layoutSettings };

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
  /** One CSS pixel as a fraction of the drawing's extent (for the no-overlap pass); none skips it. */
  extentFractionPerPixel?: () => number;
  /** A shorter budget, e.g. after nodes were added to an already laid-out view. */
  budgetMs?: number;
}

interface ShadowNode {
  x: number;
  y: number;
  size: number;
}

/** A time budget that grows with the graph: small graphs settle in a couple of seconds. */
export function layoutBudgetMs(order: number): number {
  return Math.min(30_000, 2_500 + order * 2.5);
}

/** How often positions reach the screen: every frame up to 1,000 nodes, then less often. */
export function syncIntervalMs(order: number): number {
  return order <= 1_000 ? 0 : Math.min(1_000, order / 10);
}

/**
 * The no-overlap pass ends after SEPARATE_MAX_STEPS steps (it converges much sooner on sparse
 * maps); this is only a backstop for a pathological map. A time alone ended it early on a busy
 * machine (nodes left overlapping by a pixel), so the steps decide.
 */
const OVERLAP_BUDGET_MS = 30_000;
/** It runs on the page's thread, in tasks of at most this long. */
const OVERLAP_SLICE_MS = 25;

/** Items copied into the shadow graph per task. */
const COPY_SLICE = 10_000;

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class LayoutController {
  /** Positions, sizes and weighted adjacency: parallel relations become one heavier edge. */
  private readonly shadow = new Graph<ShadowNode, { weight: number }>({ type: 'directed', allowSelfLoops: false });
  private forces: FA2Layout | undefined;
  private prepared: Promise<void> | undefined;
  private running = false;
  private overlapTimer: ReturnType<typeof setTimeout> | undefined;
  private sampleTimer: ReturnType<typeof setInterval> | undefined;
  private frame: number | undefined;
  private lastSync = 0;
  private previous: Float64Array;
  private calmSamples = 0;
  private startedAt = 0;
  private killed = false;

  constructor(
    private readonly graph: ExplorerGraph,
    private readonly options: LayoutOptions = {},
  ) {
    this.previous = new Float64Array(0);
  }

  isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.killed || this.running) return;
    this.running = true;
    this.options.onProgress?.({ fraction: 0, running: true });
    this.prepared ??= this.copyGraph();
    void this.prepared.then(() => {
      if (this.running && !this.killed) this.startForces();
    });
  }

  /** The shadow graph is filled in slices, each its own task (10k nodes, 50k edges take a while). */
  private async copyGraph(): Promise<void> {
    const nodes = this.graph.nodes();
    for (let from = 0; from < nodes.length; from += COPY_SLICE) {
      await nextTask();
      for (const node of nodes.slice(from, from + COPY_SLICE)) {
        const a = this.graph.getNodeAttributes(node);
        this.shadow.addNode(node, { x: a.x, y: a.y, size: a.size });
      }
    }
    const edges = this.graph.edges();
    for (let from = 0; from < edges.length; from += COPY_SLICE) {
      await nextTask();
      for (const edge of edges.slice(from, from + COPY_SLICE)) {
        const [source, target] = this.graph.extremities(edge);
        if (this.shadow.hasEdge(source, target))
          this.shadow.updateEdgeAttribute(source, target, 'weight', (w) => (w ?? 0) + 1);
        else this.shadow.addEdge(source, target, { weight: 1 });
      }
    }
    await nextTask();
    if (this.killed) return;
    this.forces = new FA2Layout(this.shadow, { settings: layoutSettings(this.shadow) });
  }

  private startForces(): void {
    if (!this.forces) return;
    this.pullPositions();
    this.snapshot();
    this.calmSamples = 0;
    this.startedAt = performance.now();
    this.forces.start();
    this.sampleTimer = setInterval(() => this.sample(), this.options.sampleMs ?? 400);
    this.scheduleSync();
  }

  /** Stops wherever it is; the positions reached so far stay on screen. */
  stop(): void {
    this.halt();
    if (!this.killed) {
      this.pushPositions();
      this.options.onProgress?.({ fraction: 1, running: false });
    }
  }

  kill(): void {
    this.halt();
    this.killed = true;
    this.forces?.kill();
  }

  private halt(): void {
    if (this.sampleTimer !== undefined) clearInterval(this.sampleTimer);
    if (this.overlapTimer !== undefined) clearTimeout(this.overlapTimer);
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.sampleTimer = undefined;
    this.overlapTimer = undefined;
    this.frame = undefined;
    this.running = false;
    if (this.forces?.isRunning()) this.forces.stop();
  }

  /** Positions may have been changed on the displayed graph (restored, or nodes added). */
  private pullPositions(): void {
    this.graph.forEachNode((node, a) => {
      if (this.shadow.hasNode(node)) this.shadow.mergeNodeAttributes(node, { x: a.x, y: a.y, size: a.size });
    });
  }

  private pushPositions(): void {
    const shadow = this.shadow;
    this.graph.updateEachNodeAttributes(
      (node, attrs) => {
        if (shadow.hasNode(node)) {
          const p = shadow.getNodeAttributes(node);
          attrs.x = p.x;
          attrs.y = p.y;
        }
        return attrs;
      },
      { attributes: ['x', 'y'] },
    );
    this.lastSync = performance.now();
  }

  private scheduleSync(): void {
    const interval = syncIntervalMs(this.shadow.order);
    const tick = () => {
      this.frame = undefined;
      if (!this.isRunning()) return;
      // The worker keeps running meanwhile: pausing it for the page's redraw was tried, but each
      // restart makes the supervisor serialise the whole graph again on the page's thread
      // (25–40 ms at 10k nodes), more than the redraw itself costs since edges leave the stage.
      if (performance.now() - this.lastSync >= interval) this.pushPositions();
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  private snapshot(): void {
    if (this.previous.length !== this.shadow.order * 2) this.previous = new Float64Array(this.shadow.order * 2);
    let i = 0;
    this.shadow.forEachNode((_n, a) => {
      this.previous[i++] = a.x;
      this.previous[i++] = a.y;
    });
  }

  /** Mean displacement since the last sample relative to the extent of the drawing. */
  private movement(): number {
    let i = 0;
    let moved = 0;
    this.shadow.forEachNode((_n, a) => {
      moved += Math.hypot(a.x - (this.previous[i] ?? a.x), a.y - (this.previous[i + 1] ?? a.y));
      this.previous[i++] = a.x;
      this.previous[i++] = a.y;
    });
    const box = graphExtent(this.shadow);
    const extent = box ? Math.max(1e-9, Math.hypot(box.maxX - box.minX, box.maxY - box.minY)) : 1;
    return moved / Math.max(1, this.shadow.order) / extent;
  }

  private sample(): void {
    const elapsed = performance.now() - this.startedAt;
    const budget = this.options.budgetMs ?? layoutBudgetMs(this.shadow.order);
    const movement = this.movement();
    this.calmSamples = movement < (this.options.settleThreshold ?? 0.0015) ? this.calmSamples + 1 : 0;
    const settled = this.calmSamples >= 3 || elapsed >= budget;
    this.options.onProgress?.({
      fraction: Math.min(0.95, Math.max(elapsed / budget, this.calmSamples / 3)),
      running: true,
    });
    if (!settled) return;
    if (this.sampleTimer !== undefined) clearInterval(this.sampleTimer);
    this.sampleTimer = undefined;
    this.forces?.stop();
    this.removeOverlaps();
  }

  /**
   * Pushes apart nodes whose discs overlap at the default zoom (see separate.ts), in short
   * slices on the page's thread; the positions reach the screen through the usual sync.
   */
  private removeOverlaps(): void {
    const fraction = this.options.extentFractionPerPixel?.() ?? 0;
    if (!(fraction > 0) || this.shadow.order > OVERLAP_MAX_NODES) {
      this.finish();
      return;
    }
    const x: number[] = [];
    const y: number[] = [];
    const r: number[] = [];
    this.shadow.forEachNode((_node, a) => {
      x.push(a.x);
      y.push(a.y);
      r.push(a.size);
    });
    const discs = { x: Float64Array.from(x), y: Float64Array.from(y), r: Float64Array.from(r) };
    const deadline = performance.now() + OVERLAP_BUDGET_MS;
    let steps = 0;
    const slice = () => {
      this.overlapTimer = undefined;
      if (!this.running || this.killed) return;
      const sliceEnd = performance.now() + OVERLAP_SLICE_MS;
      let overlapping = 1;
      while (overlapping > 0 && steps < SEPARATE_MAX_STEPS && performance.now() < sliceEnd) {
        overlapping = separateStep(discs, fraction);
        steps++;
      }
      let i = 0;
      this.shadow.updateEachNodeAttributes((_node, a) => {
        a.x = discs.x[i] ?? a.x;
        a.y = discs.y[i] ?? a.y;
        i++;
        return a;
      });
      if (overlapping === 0 || steps >= SEPARATE_MAX_STEPS || performance.now() >= deadline) this.finish();
      else this.overlapTimer = setTimeout(slice, 0);
    };
    this.overlapTimer = setTimeout(slice, 0);
  }

  private finish(): void {
    if (this.killed) return;
    this.halt();
    this.pushPositions();
    this.options.onProgress?.({ fraction: 1, running: false });
    this.options.onSettled?.();
  }
}

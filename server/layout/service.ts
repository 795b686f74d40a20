// Each dataset version's layout, computed once on a worker thread of its own and stored in Neo4j
// (cypher/layout-set.cypher), so that every browser draws the same picture at once and a restart
// keeps it. The first graph request of a version without a stored layout starts the computation
// in the background and is answered without positions (the browser then lays out as before).
import type { Database, Row } from '../db/database.ts';
import type { DatasetInfo } from '../graph/datasets.ts';
import { AnalyticsWorker } from '../analytics/worker-client.ts';
import type { LayoutInput } from './compute.ts';

export interface Position {
  x: number;
  y: number;
}

export type Positions = ReadonlyMap<string, Position>;

export interface LayoutServiceOptions {
  /** Time allowed for reading a whole dataset out of Neo4j. */
  readTimeoutMs?: number;
  /** After a failed computation, the next request starts another only after this long. */
  retryAfterMs?: number;
  /**
   * Datasets above this many nodes get no whole-dataset layout (the app shows them as
   * aggregates, laid out on their own: docs/level-of-detail.md). At 100k the layout is minutes
   * of a core and over a gigabyte for a picture nobody draws whole.
   */
  maxNodes?: number;
}

/**
 * What a layout belongs to: the storage key (every import, load and merge writes a new one) and
 * the time of the last write, since a curated dataset is loaded again under the same key.
 */
export function layoutVersion(ds: Pick<DatasetInfo, 'key' | 'updated_at'>): string {
  return ds.updated_at ? `${ds.key}|${ds.updated_at}` : ds.key;
}

const READ_TIMEOUT_MS = 120_000;
const RETRY_AFTER_MS = 30_000;

export class LayoutService {
  private readonly worker = new AnalyticsWorker('layout');
  /** Per dataset name, the positions of the version last read or computed. */
  private readonly held = new Map<string, { version: string; positions: Positions }>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly failedAt = new Map<string, number>();
  /** Set by stop(): a computation cut short by the shutdown is no failure to report. */
  private stopped = false;
  /** Durations of the computations this process ran, by version (for logs and tests). */
  readonly durations = new Map<string, number>();

  constructor(
    private readonly db: Database,
    private readonly options: LayoutServiceOptions = {},
  ) {}

  /** The version's stored positions; without any, undefined, and the computation is started. */
  async positions(ds: DatasetInfo): Promise<Positions | undefined> {
    const version = layoutVersion(ds);
    const held = this.held.get(ds.name);
    if (held?.version === version) return held.positions;
    if (ds.nodes > (this.options.maxNodes ?? Infinity)) return undefined;
    // While it is being computed there is nothing stored to read.
    if (this.running.has(version)) return undefined;
    const stored = await this.readStored(ds.key, version);
    if (stored) {
      this.held.set(ds.name, { version, positions: stored });
      return stored;
    }
    this.ensure(ds, version);
    return undefined;
  }

  /** Resolves when the version's layout is stored (starting it if need be); for tests and tools. */
  whenStored(ds: DatasetInfo): Promise<void> {
    const version = layoutVersion(ds);
    if (ds.nodes > (this.options.maxNodes ?? Infinity)) return Promise.resolve();
    if (this.held.get(ds.name)?.version === version) return Promise.resolve();
    return this.ensure(ds, version) ?? Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.worker.stop();
  }

  private ensure(ds: DatasetInfo, version: string): Promise<void> | undefined {
    const running = this.running.get(version);
    if (running) return running;
    const failed = this.failedAt.get(version);
    if (failed !== undefined && Date.now() - failed < (this.options.retryAfterMs ?? RETRY_AFTER_MS)) return undefined;
    const job = this.compute(ds, version)
      .catch((error: unknown) => {
        this.failedAt.set(version, Date.now());
        if (this.stopped) return;
        console.error(`layout of dataset "${ds.name}" failed:`, error instanceof Error ? error.message : error);
      })
      .finally(() => this.running.delete(version));
    this.running.set(version, job);
    return job;
  }

  private async compute(ds: DatasetInfo, version: string): Promise<void> {
    const startedAt = Date.now();
    const input = await this.read(ds.key);
    const result = await this.worker.request({ op: 'layout', version, input });
    const durationMs = Date.now() - startedAt;
    await this.db.writeTx((tx) =>
      this.db.runIn(tx, 'layout-set', {
        key: ds.key,
        name: ds.name,
        version,
        ids: result.ids,
        x: result.x,
        y: result.y,
        computedAt: new Date().toISOString(),
        durationMs,
      }),
    );
    this.durations.set(version, durationMs);
    this.held.set(ds.name, { version, positions: toPositions(result.ids, result.x, result.y) ?? new Map() });
  }

  private async readStored(key: string, version: string): Promise<Positions | undefined> {
    const [row] = await this.db.read('layout-get', { key });
    if (!row || row.version !== version) return undefined;
    return toPositions(row.ids, row.x, row.y);
  }

  private read(key: string): Promise<LayoutInput> {
    return this.db
      .readTx(
        async (tx) => ({
          nodes: await this.db.runIn(tx, 'analytics-nodes', { key }),
          edges: await this.db.runIn(tx, 'graph-edges', { key, relTypes: [] }),
        }),
        this.options.readTimeoutMs ?? READ_TIMEOUT_MS,
      )
      .then(({ nodes, edges }) => toInput(nodes, edges));
  }
}

function toInput(nodes: Row[], edges: Row[]): LayoutInput {
  return {
    nodes: nodes.map((n) => ({ id: String(n.id), type: String(n.type) })),
    edges: edges.map((e) => ({ source: String(e.source), target: String(e.target) })),
  };
}

function toPositions(ids: unknown, x: unknown, y: unknown): Positions | undefined {
  if (!Array.isArray(ids) || !Array.isArray(x) || !Array.isArray(y)) return undefined;
  const positions = new Map<string, Position>();
  ids.forEach((id, i) => {
    const px = x[i];
    const py = y[i];
    if (typeof px === 'number' && typeof py === 'number') positions.set(String(id), { x: px, y: py });
  });
  return positions;
}

/** The nodes with their stored positions, or undefined when the layout misses any of them. */
export function withPositions<T extends { id: string }>(
  nodes: T[],
  positions: Positions | undefined,
): (T & Position)[] | undefined {
  if (!positions) return undefined;
  const placed: (T & Position)[] = [];
  for (const node of nodes) {
    const p = positions.get(node.id);
    if (!p) return undefined;
    placed.push({ ...node, x: p.x, y: p.y });
  }
  return placed;
}

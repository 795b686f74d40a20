// The analytics of each dataset version, computed once in a worker thread and kept: the first
// request starts the computation and is told its progress, later ones get the result. A dataset
// whose storage key or sector mapping changed (every import and load writes a new key) has a
// new version, so its old results are never served again. Partner and path queries run in a
// second thread, so that a long computation on one dataset never holds them up.
import { createHash } from 'node:crypto';
import type {
  GapsPayload,
  MetricsComputing,
  MetricsPayload,
  MetricsReady,
  PartnersPayload,
  PathThroughPayload,
} from '../../domain/api-types.ts';
import type { Database, Row } from '../db/database.ts';
import { ApiError, notFound } from '../errors.ts';
import type { DatasetInfo } from '../graph/datasets.ts';
import type { AggregateOverview, StoredPositions } from './aggregates.ts';
import type { AnalyticsResult } from './compute.ts';
import type { AnalyticsInput } from './graph.ts';
import { PARTNER_METHOD } from './partners.ts';
import { AnalyticsWorker, WorkerFailure } from './worker-client.ts';

export interface AnalyticsServiceOptions {
  /** Node count above which the worker samples the costly centralities (compute.ts's default if unset). */
  exactLimit?: number;
  /** Time allowed for reading a whole dataset out of Neo4j. */
  readTimeoutMs?: number;
}

type Job =
  | { state: 'computing'; version: string; startedAt: Date; progress: MetricsComputing['progress'] }
  | { state: 'ready'; version: string; payload: Omit<MetricsReady, 'dataset'>; gaps: GapsPayload['gaps'] }
  | { state: 'failed'; version: string; error: unknown };

interface Loaded {
  version: string;
  generation: number;
  done: Promise<unknown>;
}

const READ_TIMEOUT_MS = 120_000;

/** The version analytics are kept under: the storage key, and the sector mapping if any. */
export function analyticsVersion(ds: Pick<DatasetInfo, 'key' | 'sectorOverrides'>): string {
  const entries = Object.entries(ds.sectorOverrides).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return ds.key;
  return `${ds.key}+${createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 10)}`;
}

export class AnalyticsService {
  private readonly computer = new AnalyticsWorker('analytics-compute');
  private readonly querier = new AnalyticsWorker('analytics-query');
  private readonly jobs = new Map<string, Job>();
  /** Per dataset name, the version the query thread holds. */
  private readonly queryGraphs = new Map<string, Loaded>();
  /** Whole-dataset reads in flight, shared by whoever needs the same version meanwhile. */
  private readonly reads = new Map<string, Promise<AnalyticsInput>>();
  /** Per dataset name, the aggregate overview of a version (and whether positions were stored). */
  private readonly overviews = new Map<string, { key: string; done: Promise<AggregateOverview> }>();

  constructor(
    private readonly db: Database,
    private readonly options: AnalyticsServiceOptions = {},
  ) {}

  /** The dataset's metrics, or the progress of their computation (started if need be). */
  metrics(ds: DatasetInfo): MetricsPayload {
    const job = this.current(ds);
    if (job.state === 'computing') return this.computing(ds, job);
    return { dataset: ds.name, ...job.payload };
  }

  gaps(ds: DatasetInfo): GapsPayload | MetricsComputing {
    const job = this.current(ds);
    if (job.state === 'computing') return this.computing(ds, job);
    return { dataset: ds.name, version: job.version, gaps: job.gaps };
  }

  async partners(ds: DatasetInfo, id: string, type: string | undefined, limit: number): Promise<PartnersPayload> {
    const version = analyticsVersion(ds);
    const candidates = await this.query(ds, (v) =>
      this.querier.request({ op: 'partners', version: v, node: id, limit, ...(type ? { type } : {}) }),
    );
    return { dataset: ds.name, version, id, type: type ?? null, method: PARTNER_METHOD, candidates };
  }

  async through(ds: DatasetInfo, from: string, to: string, limit = 10): Promise<PathThroughPayload> {
    const answer = await this.query(ds, (v) => this.querier.request({ op: 'through', version: v, from, to, limit }));
    return { ...answer, dataset: ds.name };
  }

  /**
   * The level-of-detail overview: the version's communities as aggregates (computed once per
   * version and positions kind, on the query thread), or the metrics' progress meanwhile.
   */
  async aggregates(ds: DatasetInfo, positions?: StoredPositions): Promise<AggregateOverview | MetricsComputing> {
    const job = this.current(ds);
    if (job.state === 'computing') return this.computing(ds, job);
    const key = `${job.version}|${positions ? 'stored' : 'none'}`;
    const held = this.overviews.get(ds.name);
    if (held?.key === key) return held.done;
    const { ids, values } = job.payload;
    const communities = values.community ?? [];
    const done = this.query(ds, (v) =>
      this.querier.request({
        op: 'aggregates',
        version: v,
        ids,
        values: communities,
        ...(positions ? { positions } : {}),
      }),
    );
    this.overviews.set(ds.name, { key, done });
    done.catch(() => {
      if (this.overviews.get(ds.name)?.done === done) this.overviews.delete(ds.name);
    });
    return done;
  }

  /** One aggregate's best-connected members and their relations (the overview's version). */
  async members(ds: DatasetInfo, community: number, limit: number) {
    // Any overview of the version will do: it put the communities in the query thread.
    const held = this.overviews.get(ds.name);
    const ready = held?.key.startsWith(`${analyticsVersion(ds)}|`) ? await held.done : await this.aggregates(ds);
    if ('status' in ready) return ready;
    return this.query(ds, (v) => this.querier.request({ op: 'members', version: v, community, limit }));
  }

  async stop(): Promise<void> {
    await Promise.all([this.computer.stop(), this.querier.stop()]);
  }

  private computing(ds: DatasetInfo, job: Extract<Job, { state: 'computing' }>): MetricsComputing {
    return {
      dataset: ds.name,
      version: job.version,
      status: 'computing',
      progress: { ...job.progress },
      startedAt: job.startedAt.toISOString(),
    };
  }

  /** The job of the dataset's current version; a failed one is reported once, then retried. */
  private current(ds: DatasetInfo): Exclude<Job, { state: 'failed' }> {
    const version = analyticsVersion(ds);
    const job = this.jobs.get(ds.name);
    if (job && job.version === version) {
      if (job.state !== 'failed') return job;
      this.jobs.delete(ds.name);
      throw asApiError(job.error);
    }
    return this.start(ds, version);
  }

  private start(ds: DatasetInfo, version: string): Extract<Job, { state: 'computing' }> {
    const job: Extract<Job, { state: 'computing' }> = {
      state: 'computing',
      version,
      startedAt: new Date(),
      progress: { phase: 'reading', done: 0, total: 1 },
    };
    this.jobs.set(ds.name, job);
    const replace = (next: Job) => {
      if (this.jobs.get(ds.name) === job) this.jobs.set(ds.name, next);
    };
    this.compute(ds, version, job).then(
      ({ result, stats }) => {
        const { gaps, ...rest } = result;
        const payload = {
          version,
          status: 'ready' as const,
          computedAt: new Date().toISOString(),
          durationMs: Date.now() - job.startedAt.getTime(),
          ...stats,
          ...rest,
        };
        replace({ state: 'ready', version, payload, gaps });
        this.shareCommunities(ds.name, version, result);
      },
      (error: unknown) => replace({ state: 'failed', version, error }),
    );
    return job;
  }

  private async compute(ds: DatasetInfo, version: string, job: Extract<Job, { state: 'computing' }>) {
    const input = await this.read(ds, version);
    this.loadForQueries(ds, version, input).catch(() => undefined);
    job.progress = { phase: 'building', done: 0, total: 1 };
    const stats = await this.computer.request({ op: 'load', version, input });
    try {
      const result = await this.computer.request(
        { op: 'compute', version, ...(this.options.exactLimit ? { exactLimit: this.options.exactLimit } : {}) },
        (phase, done, total) => (job.progress = { phase, done, total }),
      );
      return { result, stats: { nodes: stats.nodes, relations: stats.relations } };
    } finally {
      // The compute thread needs a graph only while it computes.
      this.computer.request({ op: 'drop', version }).catch(() => undefined);
    }
  }

  /** The partner finder names communities once they are known for the version it holds. */
  private shareCommunities(name: string, version: string, result: AnalyticsResult): void {
    const held = this.queryGraphs.get(name);
    const values = result.values.community;
    if (!held || held.version !== version || !values) return;
    held.done
      .then(() => this.querier.request({ op: 'communities', version, ids: result.ids, values }))
      .catch(() => undefined);
  }

  /** Runs a query on the query thread, loading the version first (and again after a crash). */
  private async query<T>(ds: DatasetInfo, ask: (version: string) => Promise<T>): Promise<T> {
    const version = analyticsVersion(ds);
    for (let attempt = 0; ; attempt++) {
      await this.loadForQueries(ds, version);
      try {
        return await ask(version);
      } catch (error) {
        if (error instanceof WorkerFailure && error.code === 'not_found')
          throw notFound(`${error.message} in dataset "${ds.name}"`, {
            field: error.message.startsWith('node') ? 'id' : undefined,
          });
        const reloadable = error instanceof WorkerFailure && (error.code === 'not_loaded' || error.code === 'crashed');
        if (!reloadable || attempt >= 1) throw asApiError(error);
      }
    }
  }

  /**
   * The query thread gets the version's graph: from `input` when the caller has just read it
   * (the metrics' computation shares its read, so the first partner query needs none), else read.
   */
  private loadForQueries(ds: DatasetInfo, version: string, input?: AnalyticsInput): Promise<unknown> {
    const held = this.queryGraphs.get(ds.name);
    if (held && held.version === version && held.generation === this.querier.generation()) return held.done;
    if (held && held.version !== version)
      this.querier.request({ op: 'drop', version: held.version }).catch(() => undefined);
    const done = (input ? Promise.resolve(input) : this.read(ds, version))
      .then((read) => this.querier.request({ op: 'load', version, input: read }))
      .then(() => {
        const job = this.jobs.get(ds.name);
        if (job?.state === 'ready' && job.version === version) {
          const values = job.payload.values.community;
          if (values) return this.querier.request({ op: 'communities', version, ids: job.payload.ids, values });
        }
        return null;
      });
    const loaded: Loaded = { version, generation: this.querier.generation(), done };
    this.queryGraphs.set(ds.name, loaded);
    done.catch(() => {
      if (this.queryGraphs.get(ds.name) === loaded) this.queryGraphs.delete(ds.name);
    });
    return done;
  }

  private read(ds: DatasetInfo, version: string): Promise<AnalyticsInput> {
    const inFlight = this.reads.get(version);
    if (inFlight) return inFlight;
    const reading = this.db
      .readTx(
        async (tx) => ({
          nodes: await this.db.runIn(tx, 'analytics-nodes', { key: ds.key }),
          edges: await this.db.runIn(tx, 'graph-edges', { key: ds.key, relTypes: [] }),
        }),
        this.options.readTimeoutMs ?? READ_TIMEOUT_MS,
      )
      .then(({ nodes, edges }) => toInput(nodes, edges, ds.sectorOverrides))
      .finally(() => this.reads.delete(version));
    this.reads.set(version, reading);
    return reading;
  }
}

function toInput(nodes: Row[], edges: Row[], sectorOverrides: Record<string, string>): AnalyticsInput {
  return {
    nodes: nodes.map((n) => ({
      id: String(n.id),
      type: String(n.type),
      name_zh: String(n.name_zh ?? ''),
      name_en: String(n.name_en ?? ''),
      ...(typeof n.year === 'number' ? { year: n.year } : {}),
    })),
    edges: edges.map((e) => ({
      id: String(e.id),
      source: String(e.source),
      target: String(e.target),
      type: String(e.type),
    })),
    sectorOverrides,
  };
}

/** Database errors keep their meaning (503 + Retry-After); a failed computation is a 503 too. */
function asApiError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  if (error instanceof WorkerFailure)
    return new ApiError(
      503,
      'analytics_unavailable',
      `the analytics could not be computed: ${error.message}`,
      undefined,
      {
        'Retry-After': '2',
      },
    );
  return error;
}

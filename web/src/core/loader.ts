// Loading a dataset into the view, as a series of short tasks: the schema, sigma's start on an
// empty graph (its WebGL contexts are its costly part, and nothing else runs then), the
// overview and what features add to it, then nodes and edges in slices. A passing failure
// (the database briefly away) is retried after the server's Retry-After, with a message.
import { DataSourceError, type GraphDataSource } from '../data/source.ts';
import type { GraphPayload } from '../data/types.ts';
import { buildNodesInSlices, addEdges, curveParallelEdges } from '../graph/build.ts';
import { t, type Lang } from '../i18n.ts';
import type { Chrome } from './chrome.ts';
import type { FeatureHooks } from './feature.ts';
import type { GraphModel } from './model.ts';
import { DEFAULT_OVERVIEW_LIMIT } from './state.ts';

/** Nodes or edges added to the drawn graph per task while loading. */
const SLICE = 5_000;
/** A passing failure is retried for at most this long before it is shown as final. */
const RETRY_FOR_MS = 60_000;

/** Yields to the browser so that long work is split into separate tasks. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface LoadRequest {
  dataset: string;
  limit: number | undefined;
  lang: () => Lang;
  source: GraphDataSource;
  model: GraphModel;
  chrome: Chrome;
  hooks: readonly FeatureHooks[];
  /** Starts the renderer on the (still empty) graph. */
  startRenderer(): void;
  isCancelled(): boolean;
}

/** Runs `request`, waiting out passing failures (503, network) until RETRY_FOR_MS has passed. */
export async function withRetry<T>(
  request: () => Promise<T>,
  onWait: (seconds: number) => void,
  isCancelled: () => boolean,
): Promise<T> {
  const giveUpAt = Date.now() + RETRY_FOR_MS;
  for (;;) {
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof DataSourceError) || !error.transient || Date.now() > giveUpAt || isCancelled())
        throw error;
      const wait = error.retryAfterMs ?? 2_000;
      onWait(Math.round(wait / 1_000));
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** The first overview a feature puts in place of the server's (undefined: none does). */
async function replacedOverview(req: LoadRequest): Promise<GraphPayload | undefined> {
  for (const hooks of req.hooks) {
    const replaced = await hooks.replaceOverview?.(req.dataset);
    if (replaced) return replaced;
  }
  return undefined;
}

export async function loadGraph(req: LoadRequest): Promise<void> {
  const { source, model, chrome } = req;
  const progress = (key: Parameters<typeof t>[1], fraction?: number, vars = {}) =>
    chrome.progress.show(t(req.lang(), key, vars), fraction);
  const waiting = (seconds: number) => progress('waitingForServer', undefined, { seconds });
  progress('loadingSchema');
  model.schema = await withRetry(() => source.schema(req.dataset), waiting, req.isCancelled);
  performance.mark('explorer:sigma:start');
  req.startRenderer();
  performance.measure('explorer:sigma', 'explorer:sigma:start');
  await nextTask();
  progress('loadingGraph');
  const overview =
    (await replacedOverview(req)) ??
    (await withRetry(
      () =>
        source.graph(req.dataset, {
          limit: req.limit ?? DEFAULT_OVERVIEW_LIMIT,
          onProgress: (bytes) => progress('loadedBytes', undefined, { kb: Math.round(bytes / 1024) }),
        }),
      waiting,
      req.isCancelled,
    ));
  model.noteOverview(overview);
  const payload = { ...overview, nodes: [...overview.nodes], edges: [...overview.edges] };
  for (const hooks of req.hooks) await hooks.extendOverview?.(payload);
  if (req.isCancelled()) return;
  progress('building');
  const g = model.graph;
  const types = model.schema.nodeTypes;
  const nodes = await buildNodesInSlices(payload, types, req.lang(), SLICE, async () => {
    await nextTask();
    performance.mark('explorer:build:start');
  });
  performance.measure('explorer:build', 'explorer:build:start');
  model.positionsStored = payload.positions === 'stored';
  for (const hooks of req.hooks) hooks.placeNodes?.(nodes, payload.edges.length, model.positionsStored);
  const ids = nodes.nodes();
  for (let from = 0; from < ids.length; from += SLICE) {
    await nextTask();
    const started = performance.now();
    for (const id of ids.slice(from, from + SLICE)) g.addNode(id, nodes.getNodeAttributes(id));
    performance.measure('explorer:nodes', { start: started, end: performance.now() });
  }
  const program = model.edgeProgram(payload.edges.length);
  for (let from = 0; from < payload.edges.length; from += SLICE) {
    await nextTask();
    const started = performance.now();
    addEdges(g, payload.edges.slice(from, from + SLICE), program);
    performance.measure('explorer:edges', { start: started, end: performance.now() });
    progress('building', Math.min(1, (from + SLICE) / payload.edges.length));
  }
  await nextTask();
  curveParallelEdges(g);
  await nextTask();
}

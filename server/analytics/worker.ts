// The analytics worker thread: holds the graphs it was sent (by dataset version) and answers
// computations on them, so that a long computation never blocks the server's event loop.
import { parentPort } from 'node:worker_threads';
import { aggregateId, aggregateMembers, buildAggregates } from './aggregates.ts';
import { computeAnalytics } from './compute.ts';
import { buildAnalyticsGraph, type AnalyticsGraph } from './graph.ts';
import { rankPartners } from './partners.ts';
import { pathsThrough } from './path-share.ts';
import type { Envelope, WorkerMessage } from './protocol.ts';
import { computeLayout } from '../layout/compute.ts';

interface Held {
  graph: AnalyticsGraph;
  sectorOverrides: Record<string, string>;
  communities?: Map<string, number>;
}

class NotLoaded extends Error {}
class NotFound extends Error {}

const held = new Map<string, Held>();

function graphOf(version: string): Held {
  const found = held.get(version);
  if (!found) throw new NotLoaded(`no graph for version ${version}`);
  return found;
}

function requireNode(graph: AnalyticsGraph, id: string): void {
  if (!graph.hasNode(id)) throw new NotFound(`node "${id}"`);
}

function answer(message: Envelope, progress: (phase: string, done: number, total: number) => void): unknown {
  switch (message.op) {
    case 'load': {
      const graph = buildAnalyticsGraph(message.input);
      held.set(message.version, { graph, sectorOverrides: message.input.sectorOverrides ?? {} });
      return { nodes: graph.order, relations: graph.size };
    }
    case 'drop':
      held.delete(message.version);
      return null;
    case 'compute': {
      const { graph, sectorOverrides } = graphOf(message.version);
      const options = {
        sectorOverrides,
        onProgress: progress,
        ...(message.exactLimit ? { exactLimit: message.exactLimit } : {}),
      };
      return computeAnalytics(graph, options);
    }
    case 'communities': {
      const target = graphOf(message.version);
      target.communities = new Map(message.ids.map((id, i) => [id, message.values[i] ?? -1]));
      return null;
    }
    case 'partners': {
      const { graph, communities } = graphOf(message.version);
      requireNode(graph, message.node);
      const options = {
        limit: message.limit,
        ...(message.type ? { type: message.type } : {}),
        ...(communities ? { communities } : {}),
      };
      return rankPartners(graph, message.node, options);
    }
    case 'through': {
      const { graph } = graphOf(message.version);
      requireNode(graph, message.from);
      requireNode(graph, message.to);
      return pathsThrough(graph, message.from, message.to, message.limit);
    }
    case 'layout':
      return computeLayout(message.input, { onProgress: progress });
    case 'aggregates': {
      const target = graphOf(message.version);
      target.communities = new Map(message.ids.map((id, i) => [id, message.values[i] ?? -1]));
      return buildAggregates(target.graph, target.communities, message.positions);
    }
    case 'members': {
      const { graph, communities } = graphOf(message.version);
      if (!communities) throw new NotLoaded(`no communities for version ${message.version}`);
      const found = aggregateMembers(graph, communities, message.community, message.limit);
      if (!found) throw new NotFound(`aggregate "${aggregateId(message.community)}"`);
      return found;
    }
  }
}

function listen(): void {
  const port = parentPort;
  if (!port) throw new Error('server/analytics/worker.ts runs only as a worker thread');
  port.on('message', (message: Envelope) => {
    const post = (reply: WorkerMessage) => port.postMessage(reply);
    // Progress at most every 100 ms: a phase may report far more often than anyone reads it.
    let last = 0;
    const progress = (phase: string, done: number, total: number) => {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      post({ id: message.id, kind: 'progress', phase, done, total });
    };
    try {
      post({ id: message.id, kind: 'result', result: answer(message, progress) });
    } catch (error) {
      const code = error instanceof NotFound ? 'not_found' : error instanceof NotLoaded ? 'not_loaded' : 'failed';
      post({ id: message.id, kind: 'error', code, message: error instanceof Error ? error.message : String(error) });
    }
  });
}

listen();

// The messages between the server and its analytics worker threads (server/analytics/worker.ts).
// Graphs are sent once per dataset version and kept in the worker; queries name the version.
import type { PartnerCandidate, PathThroughPayload } from '../../domain/api-types.ts';
import type { AggregateOverview, StoredPositions, aggregateMembers } from './aggregates.ts';
import type { AnalyticsResult } from './compute.ts';
import type { AnalyticsInput } from './graph.ts';
import type { LayoutInput, LayoutResult } from '../layout/compute.ts';

export type WorkerRequest =
  | { op: 'load'; version: string; input: AnalyticsInput }
  | { op: 'drop'; version: string }
  | { op: 'compute'; version: string; exactLimit?: number }
  /** Communities computed by the compute worker, for the partner finder's reasons. */
  | { op: 'communities'; version: string; ids: string[]; values: number[] }
  | { op: 'partners'; version: string; node: string; type?: string; limit: number }
  | { op: 'through'; version: string; from: string; to: string; limit: number }
  /** A dataset version's layout (server/layout/service.ts runs it on a thread of its own). */
  | { op: 'layout'; version: string; input: LayoutInput }
  /** The level-of-detail overview: communities (sent along, so it never races them) as aggregates. */
  | { op: 'aggregates'; version: string; ids: string[]; values: number[]; positions?: StoredPositions }
  | { op: 'members'; version: string; community: number; limit: number };

export interface WorkerAnswers {
  load: { nodes: number; relations: number };
  drop: null;
  compute: AnalyticsResult;
  communities: null;
  partners: PartnerCandidate[];
  through: Omit<PathThroughPayload, 'dataset'>;
  layout: LayoutResult;
  aggregates: AggregateOverview;
  members: NonNullable<ReturnType<typeof aggregateMembers>>;
}

export type WorkerMessage =
  | { id: number; kind: 'progress'; phase: string; done: number; total: number }
  | { id: number; kind: 'result'; result: unknown }
  | { id: number; kind: 'error'; code: 'not_found' | 'not_loaded' | 'failed'; message: string };

export type Envelope = WorkerRequest & { id: number };

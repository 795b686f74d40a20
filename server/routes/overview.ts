// The level-of-detail overview (docs/level-of-detail.md): above a node count the browser is told
// to draw the dataset's communities as aggregates instead of every node, and asks for one
// aggregate's members to expand it in place. Below it, the answer only says so: the full graph
// is GET /api/graph, with its columnar format and validators.
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { MetricsComputing, OverviewPayload } from '../../domain/api-types.ts';
import { communityOf, type StoredPositions } from '../analytics/aggregates.ts';
import { analyticsVersion, type AnalyticsService } from '../analytics/service.ts';
import type { DatasetRegistry } from '../graph/datasets.ts';
import { datasetParam, intParam, parseInput } from '../http/validate.ts';
import type { LayoutService, Positions } from '../layout/service.ts';
import { badRequest } from '../errors.ts';

/** Nodes above which the overview is aggregated (docs/level-of-detail.md: how it was measured). */
export const DEFAULT_LOD_THRESHOLD = 20_000;
export const MEMBERS_LIMIT_MAX = 5_000;
const MEMBERS_LIMIT_DEFAULT = 2_000;

/** LOD_THRESHOLD from the environment (a positive integer), else the default. */
export function lodThresholdFrom(env: Record<string, string | undefined>): number {
  const raw = env.LOD_THRESHOLD?.trim();
  return raw && /^\d{1,9}$/.test(raw) && Number(raw) > 0 ? Number(raw) : DEFAULT_LOD_THRESHOLD;
}

const overviewQuery = z.object({ dataset: datasetParam.optional() }).strict();
const membersQuery = z
  .object({ dataset: datasetParam.optional(), limit: intParam(1, MEMBERS_LIMIT_MAX).optional() })
  .strict();

function sendComputing(res: Response, payload: MetricsComputing): void {
  res.setHeader('Retry-After', '1');
  res.setHeader('Cache-Control', 'no-store');
  res.status(202).json(payload);
}

function columns(positions: Positions | undefined): StoredPositions | undefined {
  if (!positions) return undefined;
  const out: StoredPositions = { ids: [], x: [], y: [] };
  for (const [id, p] of positions) {
    out.ids.push(id);
    out.x.push(p.x);
    out.y.push(p.y);
  }
  return out;
}

export function overviewRoutes(
  datasets: DatasetRegistry,
  analytics: AnalyticsService,
  layouts: LayoutService,
  threshold: number,
): Router {
  const router = Router();

  router.get('/overview', async (req, res) => {
    const q = parseInput(overviewQuery, req.query, 'query');
    const ds = await datasets.resolve(q.dataset);
    if (ds.nodes <= threshold) {
      const full: OverviewPayload = { dataset: ds.name, level: 'full', nodes: ds.nodes, threshold };
      res.json(full);
      return;
    }
    const answer = await analytics.aggregates(ds, columns(await layouts.positions(ds)));
    if ('status' in answer) return sendComputing(res, answer);
    const payload: OverviewPayload = {
      dataset: ds.name,
      version: analyticsVersion(ds),
      level: 'aggregate',
      nodes: ds.nodes,
      threshold,
      ...answer,
    };
    res.json(payload);
  });

  router.get('/aggregates/:id/members', async (req, res) => {
    const community = communityOf(String(req.params.id));
    if (community === undefined)
      throw badRequest('invalid parameters', { problems: [{ field: 'id', message: 'is not an aggregate id' }] });
    const q = parseInput(membersQuery, req.query, 'query');
    const ds = await datasets.resolve(q.dataset);
    const answer = await analytics.members(ds, community, q.limit ?? MEMBERS_LIMIT_DEFAULT);
    if ('status' in answer) return sendComputing(res, answer);
    const positions = await layouts.positions(ds);
    const nodes = answer.nodes.map((n) => {
      const p = positions?.get(n.id);
      return { ...n, synthetic: ds.synthetic, ...(p ? { x: p.x, y: p.y } : {}) };
    });
    res.json({ dataset: ds.name, version: analyticsVersion(ds), ...answer, nodes });
  });

  return router;
}

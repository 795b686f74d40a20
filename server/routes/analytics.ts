// The analytics endpoints (docs/analytics.md): metrics, gaps, partners, the actors on the
// shortest paths, and a dataset's own sector mapping (a write: admin token).
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { GapsPayload, MetricsPayload } from '../../domain/api-types.ts';
import { nodeIdSchema } from '../../domain/ids.ts';
import { NODE_TYPE_NAMES, SECTORS, isNodeType } from '../../domain/ontology.ts';
import type { AnalyticsService } from '../analytics/service.ts';
import type { Database } from '../db/database.ts';
import type { DatasetRegistry } from '../graph/datasets.ts';
import { datasetParam, intParam, parseInput } from '../http/validate.ts';
import { answeredNotModified, datasetETag } from '../http/cache.ts';

export const PARTNER_LIMIT_MAX = 100;

const datasetOnly = z.object({ dataset: datasetParam.optional() }).strict();
const partnersQuery = z
  .object({
    dataset: datasetParam.optional(),
    type: z
      .string()
      .refine(isNodeType, { message: `must be a node type: ${NODE_TYPE_NAMES.join(', ')}` })
      .optional(),
    limit: intParam(1, PARTNER_LIMIT_MAX).optional(),
  })
  .strict();
const throughQuery = z
  .object({
    dataset: datasetParam.optional(),
    from: nodeIdSchema,
    to: nodeIdSchema,
    limit: intParam(1, 100).optional(),
  })
  .strict();
const sectorMap = z.record(
  z.string().refine(isNodeType, { message: `is not a node type (${NODE_TYPE_NAMES.join(', ')})` }),
  z.enum(SECTORS),
);

/** While a computation runs the answer is 202 with its progress; ask again in a second. */
function sendComputingOr(res: Response, payload: GapsPayload | MetricsPayload): void {
  if ('status' in payload && payload.status === 'computing') {
    res.setHeader('Retry-After', '1');
    res.setHeader('Cache-Control', 'no-store');
    res.status(202);
  }
  res.json(payload);
}

export function analyticsRoutes(db: Database, datasets: DatasetRegistry, analytics: AnalyticsService): Router {
  const router = Router();

  router.get('/metrics', async (req, res) => {
    const { dataset } = parseInput(datasetOnly, req.query, 'query');
    const ds = await datasets.resolve(dataset);
    const payload = analytics.metrics(ds);
    // Only a finished computation has a validator: progress answers are never kept.
    const ready = payload.status === 'ready';
    if (ready && answeredNotModified(req, res, datasetETag(ds, 'metrics', {}, payload.computedAt))) return;
    sendComputingOr(res, payload);
  });

  router.get('/gaps', async (req, res) => {
    const { dataset } = parseInput(datasetOnly, req.query, 'query');
    sendComputingOr(res, analytics.gaps(await datasets.resolve(dataset)));
  });

  router.get('/partners/*path', async (req, res) => {
    const { id } = parseInput(
      z.object({ id: nodeIdSchema }).strict(),
      { id: (req.params as { path: string[] }).path.join('/') },
      'params',
    );
    const q = parseInput(partnersQuery, req.query, 'query');
    const ds = await datasets.resolve(q.dataset);
    res.json(await analytics.partners(ds, id, q.type, q.limit ?? 10));
  });

  router.get('/paths/through', async (req, res) => {
    const q = parseInput(throughQuery, req.query, 'query');
    const ds = await datasets.resolve(q.dataset);
    res.json(await analytics.through(ds, q.from, q.to, q.limit ?? 10));
  });

  router.put('/datasets/:name/sectors', async (req, res) => {
    const { name } = parseInput(z.object({ name: datasetParam }).strict(), req.params, 'params');
    parseInput(z.object({}).strict(), req.query, 'query');
    const mapping = parseInput(sectorMap, req.body, 'body');
    const ds = await datasets.resolve(name);
    await db.writeTx((tx) =>
      db.runIn(tx, 'dataset-sectors-set', { name: ds.name, sector_map: JSON.stringify(mapping) }),
    );
    datasets.invalidate();
    req.log.info({ dataset: ds.name, types: Object.keys(mapping).length }, 'sector mapping set');
    res.json({ dataset: ds.name, sectorOverrides: mapping });
  });

  return router;
}

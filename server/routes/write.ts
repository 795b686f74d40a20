// The write endpoints; every one needs the admin token (see http/guards.ts).
import { Router } from 'express';
import { z } from 'zod';
import { removeDataset } from '../db/load.ts';
import type { Database } from '../db/database.ts';
import type { DatasetRegistry } from '../graph/datasets.ts';
import { datasetParam, parseInput } from '../http/validate.ts';

export function writeRoutes(db: Database, datasets: DatasetRegistry): Router {
  const router = Router();

  router.delete('/datasets/:name', async (req, res) => {
    const { name } = parseInput(z.object({ name: datasetParam }).strict(), req.params, 'params');
    parseInput(z.object({}).strict(), req.query, 'query');
    datasets.invalidate();
    const dataset = await datasets.resolve(name);
    await removeDataset(db, dataset.name, dataset.key);
    datasets.invalidate();
    req.log.info({ dataset: dataset.name }, 'dataset deleted');
    res.json({ deleted: dataset.name, nodes: dataset.nodes, relations: dataset.relations });
  });

  return router;
}

// GET /api/datasets/:name/export?format=json|csv|gexf|graphml[&part=nodes|edges]: a whole dataset
// with its evidence, as a download (CSV comes as two parts, nodes and edges).
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { readDataset } from '../export/dataset.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../export/formats.ts';
import { writeExport } from '../export/write.ts';
import type { DatasetRegistry } from '../graph/datasets.ts';
import { datasetParam, parseInput } from '../http/validate.ts';

const MIME: Record<ExportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv',
  gexf: 'application/gexf+xml',
  graphml: 'application/graphml+xml',
};

const query = z
  .object({
    format: z.enum(EXPORT_FORMATS as [ExportFormat, ...ExportFormat[]]),
    part: z.enum(['nodes', 'edges']).optional(),
  })
  .strict();

export function exportRoutes(db: Database, datasets: DatasetRegistry): Router {
  const router = Router();
  router.get('/datasets/:name/export', async (req, res) => {
    const { name } = parseInput(z.object({ name: datasetParam }).strict(), req.params, 'params');
    const { format, part } = parseInput(query, req.query, 'query');
    const info = await datasets.resolve(name);
    const data = await readDataset(db, info);
    const files = writeExport(data, format, `${info.name}.${format}`, new Date().toISOString());
    const [file, content] =
      format === 'csv' ? ([...files].find(([f]) => f.endsWith(`-${part ?? 'nodes'}.csv`)) ?? ['', '']) : [...files][0]!;
    res.setHeader('Content-Type', `${MIME[format]}; charset=utf-8`);
    res.setHeader('Content-Disposition', `attachment; filename="${file}"`);
    // A BOM, so that Excel reads the Chinese of a CSV as UTF-8.
    res.send(format === 'csv' ? `\ufeff${content}` : content);
  });
  return router;
}

// Cache validation for answers that are a function of a dataset's version and the request: the
// validator is known before any query runs, so a client whose copy is current gets a 304 and the
// database is not asked at all.
import { createHash, randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { DatasetInfo } from '../graph/datasets.ts';

/**
 * Validators of one server process. A new server may answer differently for the same data (a
 * changed ontology or payload shape), so its first answer to a client is a full one again.
 */
let processRevision: string | undefined;

/**
 * A weak validator (the same for every content encoding) of `route`'s answer for the dataset's
 * version — storage key, update time, counts, sector mapping — and the request's parameters;
 * `parts` adds whatever else the answer rests on.
 */
export function datasetETag(ds: DatasetInfo, route: string, params: object, ...parts: string[]): string {
  processRevision ??= randomUUID();
  const hash = createHash('sha256')
    .update(JSON.stringify([processRevision, route, ds, params, parts]))
    .digest('base64url')
    .slice(0, 27);
  return `W/"${hash}"`;
}

/**
 * Sets the validator and asks clients to revalidate on every use; true (and a 304 sent) when
 * the client's copy is current.
 */
export function answeredNotModified(req: Request, res: Response, etag: string): boolean {
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'no-cache');
  if (!req.fresh) return false;
  res.status(304).end();
  return true;
}

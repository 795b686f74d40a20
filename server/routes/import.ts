// POST /api/import (admin token; multipart: one or more files, and fields dataset, mode
// new|replace|merge, dryRun, encoding, mapping as JSON) and GET /api/datasets/:name/history.
// The files are read and checked before anything is written; a dry run only reports.
import busboy from 'busboy';
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { ApiError, badRequest } from '../errors.ts';
import type { DatasetRegistry } from '../graph/datasets.ts';
import { datasetParam, intParam, parseInput } from '../http/validate.ts';
import type { InputFile, TypeMapping } from '../import/model.ts';
import { readImport } from '../import/read.ts';
import { runImport } from '../import/write.ts';

/** Uploads above this go through `npm run import`, which reads files from disk. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
const MAX_FILES = 10;

const fieldsSchema = z
  .object({
    dataset: datasetParam,
    mode: z.enum(['new', 'replace', 'merge']).default('new'),
    dryRun: z.enum(['true', 'false']).default('false'),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'gbk']).optional(),
    mapping: z.string().max(100_000, 'is too long').optional(),
  })
  .strict();

interface Upload {
  fields: Record<string, string>;
  files: InputFile[];
}

/** Reads a multipart body into memory, refusing anything over the limits with their figures. */
export function readUpload(
  req: Request,
  limitBytes: number,
  { maxFiles = MAX_FILES, what = "the import's limit; import larger files with npm run import" } = {},
): Promise<Upload> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data'))
    throw new ApiError(415, 'unsupported_media_type', 'send the files as multipart/form-data');
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const files: InputFile[] = [];
    let total = 0;
    let failed = false;
    const fail = (error: ApiError) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume();
      reject(error);
    };
    const tooLarge = () =>
      new ApiError(
        413,
        'payload_too_large',
        `the upload is larger than ${Math.round((limitBytes / 1024 / 1024) * 10) / 10} MB, ${what}`,
        { limitBytes },
      );
    const parser = busboy({
      headers: req.headers,
      limits: { fileSize: limitBytes, files: maxFiles, fields: 20, fieldSize: 200_000 },
      defParamCharset: 'utf8',
    });
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > limitBytes) fail(tooLarge());
        else chunks.push(chunk);
      });
      stream.on('limit', () => fail(tooLarge()));
      stream.on('end', () => files.push({ name: info.filename || 'upload', bytes: Buffer.concat(chunks) }));
    });
    parser.on('filesLimit', () => fail(badRequest(`at most ${maxFiles} file(s) per upload`)));
    parser.on('error', (error: Error) => fail(badRequest(`the upload is not valid multipart: ${error.message}`)));
    parser.on('close', () => {
      if (!failed) resolve({ fields, files });
    });
    req.pipe(parser);
  });
}

function parseMapping(text: string | undefined): TypeMapping | undefined {
  if (text === undefined || text === '') return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    const record = z.record(z.string(), z.string());
    return z.object({ nodeTypes: record.optional(), relationTypes: record.optional() }).strict().parse(value);
  } catch (error) {
    throw badRequest(
      `mapping: not a type mapping ({"nodeTypes": {…}, "relationTypes": {…}}): ${(error as Error).message}`,
      {
        field: 'mapping',
      },
    );
  }
}

export function importRoutes(db: Database, datasets: DatasetRegistry, limitBytes = MAX_UPLOAD_BYTES): Router {
  const router = Router();

  router.post('/import', async (req, res) => {
    parseInput(z.object({}).strict(), req.query, 'query');
    const upload = await readUpload(req, limitBytes);
    const fields = parseInput(fieldsSchema, upload.fields, 'body');
    if (upload.files.length === 0) throw badRequest('no file in the upload', { field: 'files' });
    const set = await readImport(upload.files, { encoding: fields.encoding, mapping: parseMapping(fields.mapping) });
    const result = await runImport(db, set, {
      dataset: fields.dataset,
      mode: fields.mode,
      dryRun: fields.dryRun === 'true',
      by: 'api (admin token)',
    });
    datasets.invalidate();
    req.log?.info({ dataset: result.dataset, mode: result.mode, dryRun: result.dryRun }, 'import');
    res.json(result);
  });

  router.get('/datasets/:name/history', async (req, res) => {
    const { name } = parseInput(z.object({ name: datasetParam }).strict(), req.params, 'params');
    const { limit } = parseInput(z.object({ limit: intParam(1, 50).optional() }).strict(), req.query, 'query');
    const dataset = await datasets.resolve(name);
    const rows = await db.read('dataset-history', { name: dataset.name, limit: limit ?? 50 });
    res.json({ dataset: dataset.name, changes: rows.map((r) => r.change) });
  });

  return router;
}

// Documents to graph. POST /api/extract reads a document (JSON text, or one uploaded .txt, .md,
// .docx or .pdf) in the extraction thread and answers its proposals, the dataset's names and
// aliases marking merges; it writes nothing, so it needs no token. POST /api/extract/accept
// (admin token) writes what a person accepted through the import's merge, the document as the
// Source of every fact and each fact's sentence as its evidence.
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { GazetteerEntry } from '../../domain/extraction.ts';
import {
  MAX_DOCUMENT_CHARS,
  acceptRequestSchema,
  type AcceptResult,
  type ExtractResponse,
} from '../../domain/review.ts';
import type { Database } from '../db/database.ts';
import { ApiError, badRequest } from '../errors.ts';
import { acceptedSet, documentSha256 } from '../extract/accept.ts';
import type { ExtractionWorker } from '../extract/worker-client.ts';
import type { DocumentInput } from '../extract/worker-protocol.ts';
import type { DatasetRegistry } from '../graph/datasets.ts';
import { readDatasetNames } from '../graph/dataset-names.ts';
import { datasetParam, parseInput } from '../http/validate.ts';
import { documentSourceId, runImport } from '../import/write.ts';
import { readUpload } from './import.ts';

/** The largest document file read (a .pdf or .docx with images is larger than its text). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const textSchema = z
  .object({
    dataset: datasetParam.optional(),
    text: z
      .string()
      .trim()
      .min(1, 'is empty')
      .max(MAX_DOCUMENT_CHARS, `is longer than ${MAX_DOCUMENT_CHARS} characters`),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
const uploadFieldsSchema = z
  .object({
    dataset: datasetParam.optional(),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'gbk']).optional(),
  })
  .strict();

/**
 * The dataset's names and aliases, kept for the last two dataset versions (a write makes a new
 * one); requests for a version being read share that one read.
 */
class KnownNames {
  private readonly cached = new Map<string, Promise<GazetteerEntry[]>>();

  constructor(private readonly db: Database) {}

  of(key: string): Promise<GazetteerEntry[]> {
    const known = this.cached.get(key);
    if (known) return known;
    const read = readDatasetNames(this.db, key);
    this.cached.set(key, read);
    read.catch(() => this.cached.delete(key));
    if (this.cached.size > 2) this.cached.delete(this.cached.keys().next().value as string);
    return read;
  }
}

async function documentInput(
  req: Request,
): Promise<{ dataset: string | undefined; input: DocumentInput; name: string }> {
  if ((req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
    const upload = await readUpload(req, MAX_DOCUMENT_BYTES, { maxFiles: 1, what: 'the limit for a document' });
    const fields = parseInput(uploadFieldsSchema, upload.fields, 'body');
    const [file] = upload.files;
    if (!file) throw badRequest('no file in the upload', { field: 'file' });
    // The name is the document's title: kept within what an accept takes.
    const name = [...file.name].slice(0, 200).join('');
    const input: DocumentInput = { kind: 'file', name, bytes: file.bytes };
    if (fields.encoding) input.encoding = fields.encoding;
    return { dataset: fields.dataset, input, name };
  }
  const body = parseInput(textSchema, req.body ?? {}, 'body');
  const name = body.name ?? `${[...body.text].slice(0, 24).join('').replace(/\s+/g, ' ')}…`;
  return { dataset: body.dataset, input: { kind: 'text', text: body.text }, name };
}

/** Mounted at /api/extract (its own body limit). */
export function extractRoutes(db: Database, datasets: DatasetRegistry, worker: ExtractionWorker): Router {
  const router = Router();
  const known = new KnownNames(db);

  router.post('/', async (req, res) => {
    parseInput(z.object({}).strict(), req.query, 'query');
    // Refused before the body is read or the dataset's names are: a full queue costs nothing.
    if (worker.full())
      throw new ApiError(503, 'busy', 'documents are being read; try again shortly', undefined, { 'Retry-After': '5' });
    const { dataset, input, name } = await documentInput(req);
    // No dataset: a cold reading (for a new dataset, which has nothing to merge into).
    const info = dataset === undefined ? undefined : await datasets.resolve(dataset);
    const done = await worker.run(input, info ? await known.of(info.key) : []);
    const answer: ExtractResponse = {
      dataset: info?.name ?? null,
      document: { name, format: done.format, sha256: documentSha256(done.text), text: done.text },
      extraction: done.extraction,
      ms: done.ms,
    };
    res.json(answer);
  });

  router.post('/accept', async (req, res) => {
    parseInput(z.object({}).strict(), req.query, 'query');
    const body = parseInput(acceptRequestSchema, req.body ?? {}, 'body');
    const existing = (await datasets.list()).find((d) => d.name === body.dataset);
    if (!existing && !body.create)
      throw new ApiError(404, 'not_found', `dataset "${body.dataset}" does not exist (send create: true to start it)`, {
        field: 'dataset',
      });
    const { set, ids, problems } = acceptedSet(body, existing ? await known.of(existing.key) : []);
    if (problems.length > 0)
      throw badRequest(
        `${problems.length} problem(s), nothing was written: ${problems[0]?.field} ${problems[0]?.message}`,
        {
          problems,
        },
      );
    const result = await runImport(db, set, {
      dataset: body.dataset,
      mode: existing ? 'merge' : 'new',
      dryRun: false,
      by: 'review (admin token)',
    });
    datasets.invalidate();
    req.log?.info(
      { dataset: body.dataset, nodes: result.summary.nodes, relations: result.summary.relations },
      'accept',
    );
    res.json(acceptResult(body.dataset, set.files[0]?.sha256 ?? '', ids, result));
  });

  return router;
}

function acceptResult(
  dataset: string,
  sha256: string,
  ids: ReadonlyMap<string, string>,
  result: Awaited<ReturnType<typeof runImport>>,
): AcceptResult {
  const refsOf = new Map<string, string[]>();
  for (const [ref, id] of ids) refsOf.set(id, [...(refsOf.get(id) ?? []), ref]);
  return {
    dataset,
    source: documentSourceId(sha256),
    ids: Object.fromEntries(ids),
    nodes: { added: result.summary.nodes.added, merged: result.summary.nodes.matched },
    relations: { added: result.summary.relations.added, matched: result.summary.relations.matched },
    conflicts: result.conflicts.map((c) => ({
      ref: refsOf.get(c.existing[0] ?? '')?.[0] ?? c.imported,
      node: c.existing[0] ?? '',
      field: c.field,
      message: c.message,
    })),
  };
}

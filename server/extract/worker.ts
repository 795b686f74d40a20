// The extraction thread: reads a document (a .docx or .pdf parse can take a while) and runs the
// extractor on it, so that neither ever blocks the server's event loop. The server sends one job
// at a time (worker-client.ts), so a job's time limit is its own.
import { parentPort } from 'node:worker_threads';
import { MAX_DOCUMENT_CHARS } from '../../domain/review.ts';
import { readDocument } from './document.ts';
import { extract } from './extract.ts';
import type { ExtractAnswer, ExtractJob } from './worker-protocol.ts';

async function answer(job: ExtractJob): Promise<ExtractAnswer> {
  let text: string;
  let format: Extract<ExtractAnswer, { ok: true }>['format'] = 'text';
  if (job.input.kind === 'text') text = job.input.text;
  else {
    const read = await readDocument(job.input.name, job.input.bytes, job.input.encoding);
    if (!read.ok) return { id: job.id, ok: false, unreadable: true, message: read.message };
    text = read.text;
    format = read.format;
  }
  // Refused before the extractor runs: a 20 MB text file would hold minutes of work.
  if (text.length > MAX_DOCUMENT_CHARS)
    return {
      id: job.id,
      ok: false,
      unreadable: true,
      message: `${job.input.kind === 'file' ? job.input.name : 'the text'}: ${text.length} characters, more than the ${MAX_DOCUMENT_CHARS} read at once; split it`,
    };
  const started = performance.now();
  const extraction = extract(text, { gazetteer: job.gazetteer });
  return { id: job.id, ok: true, text, format, extraction, ms: Math.round(performance.now() - started) };
}

parentPort?.on('message', (job: ExtractJob) => {
  answer(job).then(
    (result) => parentPort?.postMessage(result),
    (error: unknown) =>
      parentPort?.postMessage({
        id: job.id,
        ok: false,
        unreadable: false,
        message: error instanceof Error ? error.message : String(error),
      } satisfies ExtractAnswer),
  );
});

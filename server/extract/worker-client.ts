// The server's extraction thread: jobs in order, at most a few waiting (more is a 503 busy, so
// that a burst of large documents cannot queue minutes of work), a stuck job ended after a
// time limit (the thread is replaced), and a fresh thread after a crash.
import type { Worker } from 'node:worker_threads';
import type { GazetteerEntry } from '../../domain/extraction.ts';
import { ApiError } from '../errors.ts';
import { typescriptWorker } from '../ts-worker.ts';
import type { DocumentInput, ExtractAnswer, ExtractJob } from './worker-protocol.ts';

const WORKER_URL = new URL('./worker.ts', import.meta.url);

export type ExtractDone = Extract<ExtractAnswer, { ok: true }>;

interface Pending {
  resolve(answer: ExtractDone): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export interface ExtractionWorkerOptions {
  /** Jobs waiting or running at once; one more is refused with 503 busy. */
  maxQueued?: number;
  /** A job running longer is ended with its thread (503). */
  timeoutMs?: number;
}

export class ExtractionWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private stopped = false;
  private readonly maxQueued: number;
  private readonly timeoutMs: number;

  constructor(options: ExtractionWorkerOptions = {}) {
    this.maxQueued = options.maxQueued ?? 4;
    this.timeoutMs = options.timeoutMs ?? 120_000;
  }

  run(input: DocumentInput, gazetteer: GazetteerEntry[]): Promise<ExtractDone> {
    if (this.stopped) return Promise.reject(unavailable('the extraction thread is stopped'));
    if (this.pending.size >= this.maxQueued)
      return Promise.reject(
        new ApiError(503, 'busy', `${this.pending.size} documents are being read; try again shortly`, undefined, {
          'Retry-After': '5',
        }),
      );
    const worker = this.thread();
    const id = this.nextId++;
    return new Promise<ExtractDone>((resolve, reject) => {
      const timer = setTimeout(() => this.timedOut(worker), this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, input, gazetteer } satisfies ExtractJob);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(unavailable('the extraction thread is stopped'));
    if (worker) await worker.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = typescriptWorker(WORKER_URL, 'extraction');
    worker.on('message', (answer: ExtractAnswer) => this.receive(answer));
    worker.on('error', (error) => this.ended(worker, unavailable(`the extraction thread failed: ${error.message}`)));
    worker.on('exit', (code) => this.ended(worker, unavailable(`the extraction thread exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private receive(answer: ExtractAnswer): void {
    const pending = this.pending.get(answer.id);
    if (!pending) return;
    this.pending.delete(answer.id);
    clearTimeout(pending.timer);
    if (answer.ok) pending.resolve(answer);
    else if (answer.unreadable) pending.reject(new ApiError(422, 'invalid_import', answer.message));
    else pending.reject(new ApiError(500, 'internal', `the extractor failed: ${answer.message}`));
  }

  private timedOut(worker: Worker): void {
    this.ended(worker, unavailable(`reading the document took longer than ${this.timeoutMs / 1000} s`));
    void worker.terminate();
  }

  private ended(worker: Worker, error: ApiError): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(error);
  }

  private failAll(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) {
      clearTimeout(p.timer);
      p.reject(error);
    }
  }
}

function unavailable(message: string): ApiError {
  return new ApiError(503, 'busy', message, undefined, { 'Retry-After': '5' });
}

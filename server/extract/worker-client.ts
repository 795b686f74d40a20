// The server's extraction thread: one job at a time (the next is posted when the last answers,
// so a job's time limit is its own), at most a few waiting (more is a 503 busy, so that a burst
// of large documents cannot queue minutes of work), a stuck job ended after a time limit with its
// thread, a memory limit on the thread (a .docx or .pdf that inflates without end ends it, not
// the server), and a fresh thread after a crash.
import type { Worker } from 'node:worker_threads';
import type { GazetteerEntry } from '../../domain/extraction.ts';
import { ApiError } from '../errors.ts';
import { typescriptWorker } from '../ts-worker.ts';
import type { DocumentInput, ExtractAnswer, ExtractJob } from './worker-protocol.ts';

const WORKER_URL = new URL('./worker.ts', import.meta.url);

export type ExtractDone = Extract<ExtractAnswer, { ok: true }>;

interface Job {
  message: ExtractJob;
  resolve(answer: ExtractDone): void;
  reject(error: Error): void;
}

export interface ExtractionWorkerOptions {
  /** Jobs waiting or running at once; one more is refused with 503 busy. */
  maxQueued?: number;
  /** A job running longer is ended with its thread (503). */
  timeoutMs?: number;
  /** The thread's heap limit. */
  maxHeapMb?: number;
  /** The thread's module (tests use a stand-in). */
  moduleUrl?: URL;
}

export class ExtractionWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly queue: Job[] = [];
  private running: { job: Job; timer: NodeJS.Timeout } | undefined;
  private stopped = false;
  private readonly options: Required<ExtractionWorkerOptions>;

  constructor(options: ExtractionWorkerOptions = {}) {
    this.options = { maxQueued: 4, timeoutMs: 120_000, maxHeapMb: 1024, moduleUrl: WORKER_URL, ...options };
  }

  /** Whether a job now would be refused: checked before a request's body is even read. */
  full(): boolean {
    return this.stopped || this.queue.length + (this.running ? 1 : 0) >= this.options.maxQueued;
  }

  run(input: DocumentInput, gazetteer: GazetteerEntry[]): Promise<ExtractDone> {
    if (this.stopped) return Promise.reject(unavailable('the extraction thread is stopped'));
    if (this.full())
      return Promise.reject(unavailable(`${this.options.maxQueued} documents are being read; try again shortly`));
    return new Promise<ExtractDone>((resolve, reject) => {
      this.queue.push({ message: { id: this.nextId++, input, gazetteer }, resolve, reject });
      this.next();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(unavailable('the extraction thread is stopped'));
    if (worker) await worker.terminate();
  }

  private next(): void {
    if (this.running || this.stopped) return;
    const job = this.queue.shift();
    if (!job) return;
    const worker = this.thread();
    const timer = setTimeout(() => this.timedOut(worker), this.options.timeoutMs);
    this.running = { job, timer };
    worker.postMessage(job.message);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = typescriptWorker(this.options.moduleUrl, 'extraction', {
      maxOldGenerationSizeMb: this.options.maxHeapMb,
    });
    worker.on('message', (answer: ExtractAnswer) => this.receive(answer));
    worker.on('error', (error) => this.ended(worker, unavailable(`the extraction thread failed: ${error.message}`)));
    worker.on('exit', (code) => this.ended(worker, unavailable(`the extraction thread exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private receive(answer: ExtractAnswer): void {
    const running = this.running;
    if (!running || running.job.message.id !== answer.id) return;
    this.running = undefined;
    clearTimeout(running.timer);
    if (answer.ok) running.job.resolve(answer);
    else if (answer.unreadable) running.job.reject(new ApiError(422, 'invalid_import', answer.message));
    else running.job.reject(new ApiError(500, 'internal', `the extractor failed: ${answer.message}`));
    this.next();
  }

  /** The running job took too long: it fails, its thread ends, the queue goes on in a new one. */
  private timedOut(worker: Worker): void {
    const seconds = this.options.timeoutMs / 1000;
    this.failRunning(unavailable(`reading the document took longer than ${seconds} s`));
    if (this.worker === worker) this.worker = undefined;
    void worker.terminate();
    this.next();
  }

  /** The thread died (a crash, its memory limit): the running job fails, the others go on. */
  private ended(worker: Worker, error: ApiError): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failRunning(error);
    this.next();
  }

  private failRunning(error: Error): void {
    const running = this.running;
    this.running = undefined;
    if (!running) return;
    clearTimeout(running.timer);
    running.job.reject(error);
  }

  private failAll(error: Error): void {
    this.failRunning(error);
    for (const job of this.queue.splice(0)) job.reject(error);
  }
}

function unavailable(message: string): ApiError {
  return new ApiError(503, 'busy', message, undefined, { 'Retry-After': '5' });
}

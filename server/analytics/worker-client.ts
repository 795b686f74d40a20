// One analytics worker thread seen from the server: requests by id, progress on the way, and a
// fresh thread after a crash (the graphs it held are gone, so every pending request fails and
// the service sends them again).
import type { Worker } from 'node:worker_threads';
import { typescriptWorker } from '../ts-worker.ts';
import type { Envelope, WorkerAnswers, WorkerMessage, WorkerRequest } from './protocol.ts';

export type ProgressListener = (phase: string, done: number, total: number) => void;

export class WorkerFailure extends Error {
  override name = 'WorkerFailure';
  constructor(
    message: string,
    readonly code: 'not_found' | 'not_loaded' | 'failed' | 'crashed' | 'stopped',
  ) {
    super(message);
  }
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
  onProgress?: ProgressListener;
}

const WORKER_URL = new URL('./worker.ts', import.meta.url);

export class AnalyticsWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Bumped with each new thread: the service reloads graphs into a new one. */
  private threads = 0;
  private stopped = false;

  constructor(private readonly name: string) {}

  request<K extends WorkerRequest['op']>(
    message: Extract<WorkerRequest, { op: K }>,
    onProgress?: ProgressListener,
  ): Promise<WorkerAnswers[K]> {
    if (this.stopped) return Promise.reject(new WorkerFailure('the analytics worker is stopped', 'stopped'));
    const worker = this.thread();
    const id = this.nextId++;
    return new Promise<WorkerAnswers[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject, ...(onProgress ? { onProgress } : {}) });
      worker.postMessage({ ...message, id } satisfies Envelope);
    });
  }

  /**
   * Which thread requests go to now (starting it if there is none): graphs loaded into one
   * thread are gone from the next.
   */
  generation(): number {
    if (!this.stopped) this.thread();
    return this.threads;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new WorkerFailure('the analytics worker is stopped', 'stopped'));
    if (worker) await worker.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = typescriptWorker(WORKER_URL, this.name);
    worker.on('message', (message: WorkerMessage) => this.receive(message));
    worker.on('error', (error) => this.crashed(worker, error));
    worker.on('exit', (code) => this.crashed(worker, new Error(`exited with code ${code}`)));
    this.worker = worker;
    this.threads++;
    return worker;
  }

  private receive(message: WorkerMessage): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.kind === 'progress') {
      pending.onProgress?.(message.phase, message.done, message.total);
      return;
    }
    this.pending.delete(message.id);
    if (message.kind === 'result') pending.resolve(message.result);
    else pending.reject(new WorkerFailure(message.message, message.code));
  }

  private crashed(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(new WorkerFailure(`the analytics worker stopped: ${error.message}`, 'crashed'));
  }

  private failAll(error: WorkerFailure): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }
}

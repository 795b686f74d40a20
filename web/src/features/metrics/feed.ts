// The dataset's metrics as the server gives them: asked for once, and while the server answers
// `computing` (202, Retry-After: 1) asked again every second, as long as someone still wants them
// (the panel is open or the view sizes or colours by a metric) and the dataset is still shown.
// Every caller shares one poll; the ready answer is kept until the dataset is forgotten.
// Pure: no DOM, testable in Node with a fake fetch and wait.
import type { MetricsComputing, MetricsPayload, MetricsReady } from '../../../../domain/api-types.ts';

/** The server's Retry-After while it computes. */
export const POLL_MS = 1_000;

export type FeedStatus = 'idle' | 'computing' | 'ready' | 'error';

export interface FeedOptions {
  fetch(dataset: string): Promise<MetricsPayload>;
  /** Asked before every poll: false stops polling (the load resolves to undefined). */
  wanted(dataset: string): boolean;
  wait(ms: number): Promise<void>;
  /** The server is computing: its phase and how far it got. */
  onProgress(progress: MetricsComputing): void;
  /** The metrics are ready (once per dataset shown). */
  onReady(ready: MetricsReady): void;
}

export class MetricsFeed {
  private ready: MetricsReady | undefined;
  private pending: { dataset: string; promise: Promise<MetricsReady | undefined> } | undefined;
  /** Bumped by forget(): a poll of a forgotten dataset changes nothing. */
  private generation = 0;
  status: FeedStatus = 'idle';
  progress: MetricsComputing | undefined;

  constructor(private readonly options: FeedOptions) {}

  /** The ready metrics of the dataset, if they have arrived. */
  current(dataset: string): MetricsReady | undefined {
    return this.ready?.dataset === dataset ? this.ready : undefined;
  }

  /** The dataset's metrics once ready; undefined when nobody wanted them any more. */
  load(dataset: string): Promise<MetricsReady | undefined> {
    const ready = this.current(dataset);
    if (ready) return Promise.resolve(ready);
    if (this.pending?.dataset === dataset) return this.pending.promise;
    const generation = this.generation;
    const promise = this.poll(dataset, generation).finally(() => {
      if (this.pending?.promise === promise) this.pending = undefined;
    });
    this.pending = { dataset, promise };
    return promise;
  }

  private async poll(dataset: string, generation: number): Promise<MetricsReady | undefined> {
    const live = () => generation === this.generation;
    for (;;) {
      let answer: MetricsPayload;
      try {
        answer = await this.options.fetch(dataset);
      } catch (error) {
        if (live()) this.status = 'error';
        throw error;
      }
      if (!live()) return undefined;
      if (answer.status === 'ready') return this.arrived(answer);
      this.status = 'computing';
      this.progress = answer;
      this.options.onProgress(answer);
      await this.options.wait(POLL_MS);
      if (!live()) return undefined;
      if (!this.options.wanted(dataset)) {
        this.status = 'idle';
        return undefined;
      }
    }
  }

  private arrived(answer: MetricsReady): MetricsReady {
    this.ready = answer;
    this.progress = undefined;
    this.status = 'ready';
    this.options.onReady(answer);
    return answer;
  }

  /** The dataset is no longer shown: its metrics and any poll of them are dropped. */
  forget(): void {
    this.generation++;
    this.ready = undefined;
    this.pending = undefined;
    this.progress = undefined;
    this.status = 'idle';
  }
}

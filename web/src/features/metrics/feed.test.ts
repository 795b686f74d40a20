import { describe, expect, it } from 'vitest';
import type { MetricsComputing, MetricsPayload, MetricsReady } from '../../../../domain/api-types.ts';
import { MetricsFeed, POLL_MS, type FeedOptions } from './feed.ts';

const computing = (done: number): MetricsComputing => ({
  dataset: 'laoshan',
  version: 'v1',
  status: 'computing',
  progress: { phase: 'betweenness', done, total: 10 },
  startedAt: '',
});
const ready = { dataset: 'laoshan', version: 'v1', status: 'ready' } as MetricsReady;

function feedOf(answers: (MetricsPayload | Error)[], overrides: Partial<FeedOptions> = {}) {
  const calls = { fetch: 0, waits: [] as number[], progress: [] as number[], ready: 0 };
  const feed = new MetricsFeed({
    fetch: async () => {
      const answer = answers[Math.min(calls.fetch++, answers.length - 1)] as MetricsPayload | Error;
      if (answer instanceof Error) throw answer;
      return answer;
    },
    wanted: () => true,
    wait: async (ms) => void calls.waits.push(ms),
    onProgress: (p) => calls.progress.push(p.progress.done),
    onReady: () => calls.ready++,
    ...overrides,
  });
  return { feed, calls };
}

describe('the metrics feed', () => {
  it('asks again every second while the server computes, reporting progress, then keeps the answer', async () => {
    const { feed, calls } = feedOf([computing(2), computing(7), ready]);
    expect(await feed.load('laoshan')).toBe(ready);
    expect(calls).toMatchObject({ fetch: 3, waits: [POLL_MS, POLL_MS], progress: [2, 7], ready: 1 });
    expect(feed.status).toBe('ready');
    expect(await feed.load('laoshan')).toBe(ready);
    expect(calls.fetch).toBe(3);
    expect(feed.current('laoshan')).toBe(ready);
    expect(feed.current('other')).toBeUndefined();
  });

  it('shares one poll between callers', async () => {
    const { feed, calls } = feedOf([computing(1), ready]);
    const [a, b] = await Promise.all([feed.load('laoshan'), feed.load('laoshan')]);
    expect(a).toBe(ready);
    expect(b).toBe(ready);
    expect(calls.fetch).toBe(2);
  });

  it('stops when nobody wants the metrics any more', async () => {
    let wanted = true;
    const { feed, calls } = feedOf([computing(1)], {
      wait: async () => {
        wanted = false;
      },
      wanted: () => wanted,
    });
    expect(await feed.load('laoshan')).toBeUndefined();
    expect(calls.fetch).toBe(1);
    expect(feed.status).toBe('idle');
  });

  it('drops a poll of a forgotten dataset', async () => {
    let forget = () => {};
    const { feed, calls } = feedOf([computing(1), ready], { wait: async () => forget() });
    forget = () => feed.forget();
    expect(await feed.load('laoshan')).toBeUndefined();
    expect(feed.current('laoshan')).toBeUndefined();
    expect(calls.ready).toBe(0);
  });

  it('passes a failure on, and asks afresh the next time', async () => {
    const { feed, calls } = feedOf([new Error('down'), ready]);
    await expect(feed.load('laoshan')).rejects.toThrow('down');
    expect(feed.status).toBe('error');
    expect(await feed.load('laoshan')).toBe(ready);
    expect(calls.fetch).toBe(2);
  });
});

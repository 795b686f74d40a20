import { describe, expect, it, vi } from 'vitest';
import type { Row } from '../db/database.ts';
import { DatasetRegistry, type DatasetSource } from './datasets.ts';

const row = (name: string, nodes = 1): Row => ({
  name,
  key: name,
  synthetic: false,
  title_zh: null,
  title_en: null,
  updated_at: null,
  nodes,
  relations: 0,
});

/** A stubbed database whose datasets-list queries the test answers one by one. */
function stubbedSource() {
  const pending: { resolve: (rows: Row[]) => void; reject: (e: Error) => void }[] = [];
  const read = vi.fn(
    () =>
      new Promise<Row[]>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  );
  return { source: { read } as unknown as DatasetSource, read, pending };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the dataset registry', () => {
  it('answers concurrent misses with one query', async () => {
    const { source, read, pending } = stubbedSource();
    const registry = new DatasetRegistry(source, { cacheMs: 2_000 });
    const waiting = [
      registry.list(),
      registry.resolve('laoshan'),
      registry.resolve(undefined),
      ...Array.from({ length: 20 }, () => registry.list()),
    ];
    await tick();
    expect(read).toHaveBeenCalledTimes(1);
    pending[0]?.resolve([row('laoshan', 100)]);
    const answers = await Promise.all(waiting);
    expect(answers[1]).toMatchObject({ name: 'laoshan', nodes: 100 });
    expect(answers[2]).toMatchObject({ name: 'laoshan' });
    // Cached now: no further query.
    await registry.list();
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('shares a failure too, and the next miss tries again', async () => {
    const { source, read, pending } = stubbedSource();
    const registry = new DatasetRegistry(source, { cacheMs: 2_000 });
    const a = registry.list();
    const b = registry.list();
    await tick();
    pending[0]?.reject(new Error('unreachable'));
    await expect(a).rejects.toThrow('unreachable');
    await expect(b).rejects.toThrow('unreachable');
    const c = registry.list();
    await tick();
    expect(read).toHaveBeenCalledTimes(2);
    pending[1]?.resolve([row('laoshan')]);
    expect(await c).toHaveLength(1);
  });

  it('does not let a query begun before a write fill the cache after it', async () => {
    const { source, read, pending } = stubbedSource();
    const registry = new DatasetRegistry(source, { cacheMs: 2_000 });
    const stale = registry.list(); // starts query 1 (sees "old")
    await tick();
    registry.invalidate(); // a write happened
    const fresh = registry.list(); // starts query 2, not joined to query 1
    await tick();
    expect(read).toHaveBeenCalledTimes(2);
    pending[1]?.resolve([row('new')]);
    pending[0]?.resolve([row('old')]);
    expect((await stale).map((d) => d.name)).toEqual(['old']);
    expect((await fresh).map((d) => d.name)).toEqual(['new']);
    // The cache holds what query 2 read, not the older answer that arrived last.
    expect((await registry.list()).map((d) => d.name)).toEqual(['new']);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('reads again once the cache is older than two seconds', async () => {
    vi.useFakeTimers();
    try {
      const source = { read: vi.fn(async () => [row('laoshan')]) } as unknown as DatasetSource;
      const registry = new DatasetRegistry(source, { cacheMs: 2_000 });
      await registry.list();
      await vi.advanceTimersByTimeAsync(1_500);
      await registry.list();
      expect(source.read).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(600);
      await registry.list();
      expect(source.read).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers 404 naming the datasets there are, and 400 for an invalid name', async () => {
    const source = { read: vi.fn(async () => [row('laoshan'), row('synthetic-10')]) } as unknown as DatasetSource;
    const registry = new DatasetRegistry(source, { cacheMs: 2_000 });
    await expect(registry.resolve('atlantis')).rejects.toMatchObject({
      status: 404,
      details: { available: ['laoshan', 'synthetic-10'] },
    });
    await expect(registry.resolve('NOPE!')).rejects.toMatchObject({ status: 400 });
  });

  it('by default reads the list again for every request once the last read is answered', async () => {
    const { source, read, pending } = stubbedSource();
    const registry = new DatasetRegistry(source);
    const first = registry.list();
    await tick();
    pending[0]?.resolve([row('laoshan')]);
    await first;
    // Another process (the import CLI) may have written since: no answer is reused.
    const second = registry.list();
    await tick();
    expect(read).toHaveBeenCalledTimes(2);
    pending[1]?.resolve([row('laoshan'), row('imported')]);
    expect((await second).map((d) => d.name)).toEqual(['laoshan', 'imported']);
  });
});

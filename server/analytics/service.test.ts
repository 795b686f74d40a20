// The analytics service's bookkeeping with a stubbed database (the worker threads are real):
// progress first, then the result; a new version computed afresh; a failed read reported once
// and then retried; unknown nodes named.
import { afterEach, describe, expect, it } from 'vitest';
import type { MetricsPayload } from '../../domain/api-types.ts';
import type { Database, Row } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import type { DatasetInfo } from '../graph/datasets.ts';
import { AnalyticsService, analyticsVersion } from './service.ts';

interface Stub {
  nodes: Row[];
  edges: Row[];
  failNext: boolean;
  reads: number;
}

function stubDatabase(stub: Stub): Database {
  const db = {
    readTx: async (work: (tx: unknown) => Promise<unknown>) => {
      stub.reads++;
      if (stub.failNext) {
        stub.failNext = false;
        throw new ApiError(503, 'database_unavailable', 'the graph database is unreachable; retry shortly');
      }
      return work({});
    },
    runIn: async (_tx: unknown, name: string) => (name === 'analytics-nodes' ? stub.nodes : stub.edges),
  };
  return db as unknown as Database;
}

const node = (id: string, type = 'Firm'): Row => ({ id, type, name_zh: id, name_en: id });
const edge = (id: string, source: string, target: string, type = 'COLLABORATES_WITH'): Row => ({
  id,
  source,
  target,
  type,
});

function dataset(key: string, sectorOverrides: Record<string, string> = {}): DatasetInfo {
  return {
    name: 'tiny',
    key,
    synthetic: false,
    title_zh: null,
    title_en: null,
    updated_at: null,
    nodes: 0,
    relations: 0,
    sectorOverrides,
  };
}

async function untilReady(
  service: AnalyticsService,
  ds: DatasetInfo,
): Promise<Extract<MetricsPayload, { status: 'ready' }>> {
  for (;;) {
    const payload = service.metrics(ds);
    if (payload.status === 'ready') return payload;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let service: AnalyticsService | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
});

// Worker threads start slowly on a busy machine: a generous limit, the tests wait for conditions.
describe('AnalyticsService', { timeout: 30_000 }, () => {
  it('answers with progress first, then the metrics, read once per version', async () => {
    const stub: Stub = {
      nodes: [node('a'), node('b'), node('c')],
      edges: [edge('r1', 'a', 'b'), edge('r2', 'b', 'c')],
      failNext: false,
      reads: 0,
    };
    service = new AnalyticsService(stubDatabase(stub));
    const ds = dataset('k1');
    const first = service.metrics(ds);
    expect(first).toMatchObject({ status: 'computing', dataset: 'tiny', version: 'k1' });
    const ready = await untilReady(service, ds);
    expect(ready.ids).toEqual(['a', 'b', 'c']);
    expect(ready.values.degree).toEqual([1, 2, 1]);
    expect(service.metrics(ds).status).toBe('ready');
    expect(stub.reads).toBe(1);

    // A new storage key is a new version: computed again, on the new data.
    stub.nodes.push(node('d'));
    stub.edges.push(edge('r3', 'c', 'd'));
    const next = dataset('k2');
    expect(service.metrics(next)).toMatchObject({ status: 'computing', version: 'k2' });
    expect((await untilReady(service, next)).values.degree).toEqual([1, 2, 2, 1]);
    expect(stub.reads).toBe(2);
  });

  it('keys a sector mapping into the version', () => {
    expect(analyticsVersion(dataset('k1'))).toBe('k1');
    const mapped = analyticsVersion(dataset('k1', { Firm: 'academia' }));
    expect(mapped).toMatch(/^k1\+[0-9a-f]{10}$/);
    expect(analyticsVersion(dataset('k1', { Firm: 'industry' }))).not.toBe(mapped);
  });

  it('reports a failed read once, then computes again', async () => {
    const stub: Stub = { nodes: [node('a'), node('b')], edges: [edge('r1', 'a', 'b')], failNext: true, reads: 0 };
    service = new AnalyticsService(stubDatabase(stub));
    const ds = dataset('k1');
    expect(service.metrics(ds).status).toBe('computing');
    let error: unknown;
    for (let i = 0; i < 200 && !error; i++) {
      try {
        service.metrics(ds);
      } catch (thrown) {
        error = thrown;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
    expect((await untilReady(service, ds)).ids).toEqual(['a', 'b']);
    expect(stub.reads).toBe(2);
  });

  it('ranks partners and names an unknown node', async () => {
    const stub: Stub = {
      nodes: [node('a'), node('b'), node('c')],
      edges: [edge('r1', 'a', 'b'), edge('r2', 'b', 'c')],
      failNext: false,
      reads: 0,
    };
    service = new AnalyticsService(stubDatabase(stub));
    const ds = dataset('k1');
    const partners = await service.partners(ds, 'a', undefined, 5);
    expect(partners.candidates.map((c) => c.id)).toEqual(['c']);
    await expect(service.partners(ds, 'zz', undefined, 5)).rejects.toMatchObject({ status: 404 });
    // The query thread keeps the graph: later queries read nothing again.
    expect((await service.partners(ds, 'c', undefined, 5)).candidates.map((c) => c.id)).toEqual(['a']);
    expect(stub.reads).toBe(1);
    const through = await service.through(ds, 'a', 'c');
    expect(through).toMatchObject({ length: 2, paths: 1, through: [{ id: 'b', share: 1 }] });
  });
});

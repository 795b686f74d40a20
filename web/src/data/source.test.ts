import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeColumnar } from '../../../domain/columnar.ts';
import type { GraphPayload } from './types.ts';
import { prefetchFirstView } from './prefetch.ts';
import { firstView } from './requests.ts';
import { HttpDataSource } from './source.ts';

const overview: GraphPayload = {
  dataset: 'laoshan',
  synthetic: false,
  truncated: false,
  nodes: [
    { id: 'firm/haier', type: 'Firm', name_zh: '海尔集团', name_en: 'Haier', degree: 1, year: 1984 },
    { id: 'uni/ouc', type: 'University', name_zh: '中国海洋大学', name_en: 'OUC', degree: 1 },
  ],
  edges: [{ id: 'r1', source: 'firm/haier', target: 'uni/ouc', type: 'COOPERATES_WITH' }],
};

/** A fetch that answers `body` (or `bodies[path]`) and records the URLs asked for. */
function stubFetch(body: unknown, bodies: Record<string, unknown> = {}): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    asked.push(url);
    const answer = bodies[url.split('?')[0]!] ?? body;
    return Promise.resolve(new Response(JSON.stringify(answer), { headers: { 'Content-Type': 'application/json' } }));
  });
  return asked;
}

const wait = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('HttpDataSource overview', () => {
  it('asks for the columnar format and hands out the JSON format’s content', async () => {
    const asked = stubFetch(encodeColumnar(overview));
    const graph = await new HttpDataSource().graph('laoshan', { limit: 500 });
    expect(asked).toEqual(['/api/graph?dataset=laoshan&limit=500&format=columnar']);
    expect(graph).toStrictEqual(overview);
  });

  it('takes a server that answers the JSON format as it is', async () => {
    stubFetch(overview);
    expect(await new HttpDataSource().graph('laoshan')).toStrictEqual(overview);
  });

  it('uses the requests the page started, each once', async () => {
    const asked = stubFetch(encodeColumnar(overview), { '/api/overview': { level: 'full' } });
    const prefetched = prefetchFirstView('?dataset=laoshan&limit=500&lang=en');
    await wait();
    expect(asked).toEqual([
      '/api/schema?dataset=laoshan',
      '/api/overview?dataset=laoshan',
      '/api/graph?dataset=laoshan&limit=500&format=columnar',
    ]);
    const source = new HttpDataSource('/api', prefetched);
    const { dataset, limit } = firstView('?dataset=laoshan&limit=500');
    expect(await source.graph(dataset, { limit })).toStrictEqual(overview);
    expect(asked).toHaveLength(3);
    await source.graph(dataset, { limit });
    expect(asked).toHaveLength(4);
  });

  it('does not ask for the whole overview of a dataset the server aggregates', async () => {
    const asked = stubFetch(encodeColumnar(overview), { '/api/overview': { level: 'aggregate' } });
    const source = new HttpDataSource('/api', prefetchFirstView('?dataset=big'));
    await wait();
    expect(asked).toEqual(['/api/schema?dataset=big', '/api/overview?dataset=big']);
    // Should the app ask for it all the same, it is asked for then.
    expect(await source.graph('big', { limit: 20_000 })).toStrictEqual(overview);
    expect(asked.at(-1)).toBe('/api/graph?dataset=big&limit=20000&format=columnar');
  });

  it('reads the first view as the URL codec does', () => {
    expect(firstView('')).toEqual({ dataset: 'laoshan', limit: 20_000 });
    expect(firstView('?dataset=synthetic-10k&limit=0')).toEqual({ dataset: 'synthetic-10k', limit: 20_000 });
    expect(firstView('?dataset=Bad%20Name&limit=1000')).toEqual({ dataset: 'laoshan', limit: 1000 });
  });
});

// The analytics endpoints on the real Neo4j: metrics of the curated dataset (computed in a
// worker, first answered with progress), partners that are never already tied and whose reasons
// name real nodes and relations, the actors on the shortest paths, the gaps, and a dataset
// change (an import, a sector mapping) making the cached analytics go.
import { afterAll, describe, expect, it } from 'vitest';
import { BROKERAGE_ROLES, type MetricsPayload, type MetricsReady } from '../../domain/api-types.ts';
import { removeDataset } from '../db/load.ts';
import { expectErrorShape, getJson, useCuratedServer } from './helpers.ts';

const TOKEN = 'analytics-admin-token-0123456789';
const ctx = useCuratedServer({ adminToken: TOKEN, rateLimitPerMinute: 0 });
const TINY = 'analytics-tiny';

afterAll(async () => {
  for (const d of (await ctx.db.read('datasets-list')) as { name: string; key: string }[])
    if (d.name === TINY) await removeDataset(ctx.db, d.name, d.key);
});

/** Asks until the computation is done (each 202 says to ask again), for at most a minute. */
async function readyMetrics(dataset: string, expectedVersion?: (v: string) => boolean): Promise<MetricsReady> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { status, body } = await getJson(`${ctx.server.url}/api/metrics?dataset=${dataset}`);
    const payload = body as MetricsPayload;
    if (status === 200 && payload.status === 'ready' && (!expectedVersion || expectedVersion(payload.version)))
      return payload;
    if (status !== 200 && status !== 202) throw new Error(`metrics answered ${status}: ${JSON.stringify(body)}`);
    if (Date.now() > deadline)
      throw new Error(`metrics not ready after a minute: ${JSON.stringify(body).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function curatedTies(): Map<string, Set<string>> {
  const ties = new Map<string, Set<string>>();
  for (const r of ctx.curated.relations) {
    for (const [a, b] of [
      [r.source, r.target],
      [r.target, r.source],
    ] as const) {
      if (!ties.has(a)) ties.set(a, new Set());
      ties.get(a)!.add(b);
    }
  }
  return ties;
}

describe('GET /api/metrics', () => {
  it('answers 202 with progress first, then every metric for every node', async () => {
    const first = await getJson(`${ctx.server.url}/api/metrics?dataset=laoshan`);
    expect(first.status).toBe(202);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(first.body).toMatchObject({ dataset: 'laoshan', status: 'computing' });
    expect(typeof first.body.progress.phase).toBe('string');
    const metrics = await readyMetrics('laoshan');
    const nodeIds = new Set(ctx.curated.nodes.map((n) => n.id));
    expect(new Set(metrics.ids)).toEqual(nodeIds);
    const ids = metrics.metrics.map((m) => m.id);
    for (const wanted of [
      'degree',
      'in_degree',
      'out_degree',
      'betweenness',
      'pagerank',
      'eigenvector',
      'kcore',
      'clustering',
      'community',
    ])
      expect(ids).toContain(wanted);
    expect(ids.some((id) => id === 'harmonic' || id === 'closeness')).toBe(true);
    for (const info of metrics.metrics) {
      expect(metrics.values[info.id], info.id).toHaveLength(metrics.ids.length);
      expect(info.name_zh && info.name_en && info.description && info.method).toBeTruthy();
    }
    // Degree is the number of relations a node takes part in, as the seed states them.
    const degree = new Map<string, number>();
    for (const r of ctx.curated.relations)
      for (const end of [r.source, r.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    metrics.ids.forEach((id, i) => expect(metrics.values.degree![i], id).toBe(degree.get(id) ?? 0));
    expect(metrics.communities.reduce((sum, c) => sum + c.size, 0)).toBe(metrics.ids.length);
  });

  it('reports the sector mixing and the brokers of real nodes', async () => {
    const metrics = await readyMetrics('laoshan');
    const { matrix, sectors, crossSectorShare, assortativity, ties } = metrics.sectors;
    expect(matrix).toHaveLength(sectors.length);
    matrix.forEach((row, i) => row.forEach((value, j) => expect(value).toBe(matrix[j]![i])));
    const counted = matrix.reduce((sum, row, i) => sum + row.slice(i).reduce((a, b) => a + b, 0), 0);
    expect(counted).toBe(ties);
    expect(crossSectorShare).toBeGreaterThan(0);
    expect(crossSectorShare).toBeLessThanOrEqual(1);
    expect(assortativity).toBeGreaterThanOrEqual(-1);
    expect(assortativity).toBeLessThanOrEqual(1);
    const names = new Map(ctx.curated.nodes.map((n) => [n.id, n.name_zh]));
    for (const role of BROKERAGE_ROLES)
      for (const broker of metrics.brokerage.top[role]) {
        expect(names.get(broker.id)).toBe(broker.name_zh);
        expect(broker.count).toBeGreaterThan(0);
      }
    expect(BROKERAGE_ROLES.some((role) => metrics.brokerage.top[role].length > 0)).toBe(true);
  });

  it('lists gaps about real nodes, each explained', async () => {
    await readyMetrics('laoshan');
    const { status, body } = await getJson(`${ctx.server.url}/api/gaps?dataset=laoshan`);
    expect(status).toBe(200);
    const nodeIds = new Set(ctx.curated.nodes.map((n) => n.id));
    expect(body.gaps.length).toBeGreaterThan(0);
    for (const gap of body.gaps) {
      expect(nodeIds.has(gap.subject.id)).toBe(true);
      expect(gap.text_zh.length).toBeGreaterThan(0);
      expect(gap.text_en.length).toBeGreaterThan(0);
      for (const id of gap.nodes) expect(nodeIds.has(id), id).toBe(true);
    }
  });

  it('names a bad dataset', async () => {
    const { status, body } = await getJson(`${ctx.server.url}/api/metrics?dataset=nope`);
    expect(status).toBe(404);
    expect(expectErrorShape(body).message).toContain('nope');
  });
});

describe('GET /api/partners/:id', () => {
  it('ranks actors the node has no tie with; every reason names real nodes and relations', async () => {
    const ties = curatedTies();
    const relations = new Map(ctx.curated.relations.map((r) => [r.id, r]));
    const nodes = new Map(ctx.curated.nodes.map((n) => [n.id, n]));
    for (const id of ['firm/haier', 'institute/buaa-qingdao', 'district/laoshan']) {
      const { status, body } = await getJson(`${ctx.server.url}/api/partners/${id}?dataset=laoshan&limit=15`);
      expect(status, JSON.stringify(body)).toBe(200);
      expect(body.method.length).toBeGreaterThan(0);
      expect(body.candidates.length).toBeGreaterThan(0);
      for (const c of body.candidates) {
        expect(c.id).not.toBe(id);
        expect(ties.get(id)?.has(c.id), `${id} is already tied to ${c.id}`).toBeFalsy();
        expect(nodes.get(c.id)?.name_zh).toBe(c.name_zh);
        expect(c.reasons.length).toBeGreaterThan(0);
        for (const reason of c.reasons) {
          expect(reason.text_en.length).toBeGreaterThan(0);
          for (const n of reason.nodes) expect(nodes.has(n), n).toBe(true);
          for (const e of reason.edges) {
            const relation = relations.get(e);
            expect(relation, e).toBeDefined();
            // A relation a reason rests on touches the nodes the reason is about.
            const about = new Set([id, c.id, ...reason.nodes]);
            expect(about.has(relation!.source) || about.has(relation!.target)).toBe(true);
          }
        }
      }
      const scores = body.candidates.map((c: { score: number }) => c.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
  });

  it('narrows to a wanted type, and refuses unknown nodes and types by name', async () => {
    const typed = await getJson(`${ctx.server.url}/api/partners/firm/haier?dataset=laoshan&type=University`);
    expect(typed.status).toBe(200);
    expect(typed.body.candidates.length).toBeGreaterThan(0);
    for (const c of typed.body.candidates) expect(c.type).toBe('University');
    const missing = await getJson(`${ctx.server.url}/api/partners/firm/nobody?dataset=laoshan`);
    expect(missing.status).toBe(404);
    expect(expectErrorShape(missing.body).message).toContain('firm/nobody');
    const badType = await getJson(`${ctx.server.url}/api/partners/firm/haier?type=Frim`);
    expect(badType.status).toBe(400);
    expect(JSON.stringify(badType.body)).toContain('type');
    const badLimit = await getJson(`${ctx.server.url}/api/partners/firm/haier?limit=1000`);
    expect(badLimit.status).toBe(400);
  });
});

describe('GET /api/paths/through', () => {
  it('ranks the actors on the shortest paths between two nodes by their share', async () => {
    const { status, body } = await getJson(
      `${ctx.server.url}/api/paths/through?dataset=laoshan&from=firm/haier&to=institute/buaa-qingdao`,
    );
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.length).toBeGreaterThanOrEqual(2);
    expect(body.paths).toBeGreaterThan(0);
    const nodeIds = new Set(ctx.curated.nodes.map((n) => n.id));
    for (const t of body.through) {
      expect(nodeIds.has(t.id)).toBe(true);
      expect([body.from, body.to]).not.toContain(t.id);
      expect(t.share).toBeCloseTo(t.paths / body.paths, 6);
    }
    // The paths the endpoint counts agree with /api/paths: each of those is a shortest path,
    // and its inner nodes are among the through-actors.
    const paths = await getJson(
      `${ctx.server.url}/api/paths?dataset=laoshan&from=firm/haier&to=institute/buaa-qingdao&k=10&maxHops=8`,
    );
    const shortest = paths.body.paths.filter((p: { length: number }) => p.length === body.length);
    expect(shortest.length).toBeGreaterThan(0);
    const through = new Set(body.through.map((t: { id: string }) => t.id));
    for (const p of shortest)
      for (const n of p.nodes.slice(1, -1)) expect(through.has(n.id) || body.through.length === 10).toBe(true);
  });
});

describe('a dataset change', () => {
  async function importEdges(mode: 'new' | 'merge', csv: string) {
    const form = new FormData();
    form.set('dataset', TINY);
    form.set('mode', mode);
    form.append('files', new Blob([csv]), 'edges.csv');
    const { status, body } = await getJson(`${ctx.server.url}/api/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: form,
    });
    expect(status, JSON.stringify(body)).toBe(200);
  }

  it('computes the analytics of the new version, never serving the old ones', async () => {
    await importEdges('new', 'source,target\na,b\nb,c\n');
    const before = await readyMetrics(TINY);
    expect(before.nodes).toBe(3);
    await importEdges('merge', 'source,target\nc,d\nd,a\n');
    const after = await getJson(`${ctx.server.url}/api/metrics?dataset=${TINY}`);
    expect(after.status).toBe(202);
    expect(after.body.version).not.toBe(before.version);
    const fresh = await readyMetrics(TINY);
    expect(fresh.nodes).toBe(4);
    expect(fresh.values.degree).toEqual([2, 2, 2, 2]);
  });

  it('takes a dataset sector mapping (admin only), which changes the version', async () => {
    const before = await readyMetrics(TINY);
    expect(before.sectors.mapping.Actor).toBe('mixed');
    const put = (token?: string) =>
      getJson(`${ctx.server.url}/api/datasets/${TINY}/sectors`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ Actor: 'academia' }),
      });
    expect((await put()).status).toBe(401);
    const bad = await getJson(`${ctx.server.url}/api/datasets/${TINY}/sectors`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ Frim: 'industry' }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Frim');
    expect((await put(TOKEN)).status).toBe(200);
    const after = await readyMetrics(TINY, (v) => v !== before.version);
    expect(after.sectors.mapping.Actor).toBe('academia');
    expect(after.sectors.overridden).toEqual(['Actor']);
  });
});

// Stored layouts on the real Neo4j: the curated dataset's positions are computed once in the
// background, served with the graph and the neighbourhoods, the same after a restart (a new app
// on the same database) and computed again for the new version an import writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphNode, GraphPayload } from '../../domain/api-types.ts';
import { removeDataset } from '../db/load.ts';
import { computeLayout } from '../layout/compute.ts';
import { getJson, startTestServer, useCuratedServer } from './helpers.ts';

const TOKEN = 'layout-admin-token-0123456789abc';
const ctx = useCuratedServer({ adminToken: TOKEN, rateLimitPerMinute: 0 });
const TINY = 'layout-tiny';

afterAll(async () => {
  for (const d of (await ctx.db.read('datasets-list')) as { name: string; key: string }[])
    if (d.name === TINY) await removeDataset(ctx.db, d.name, d.key);
});

async function graph(url: string, dataset: string): Promise<GraphPayload> {
  const { status, body } = await getJson(`${url}/api/graph?dataset=${dataset}`);
  expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
  return body as GraphPayload;
}

/** Asks until the graph comes with stored positions (computed in the background), for at most a minute. */
async function storedGraph(url: string, dataset: string): Promise<GraphPayload> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const payload = await graph(url, dataset);
    if (payload.positions === 'stored') return payload;
    if (Date.now() > deadline) throw new Error(`no stored layout for ${dataset} after a minute`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function positionsOf(nodes: GraphNode[]): Record<string, [number, number]> {
  return Object.fromEntries(nodes.map((n) => [n.id, [n.x as number, n.y as number]]));
}

async function keyOf(name: string): Promise<string> {
  const rows = (await ctx.db.read('datasets-list')) as { name: string; key: string }[];
  return rows.find((d) => d.name === name)!.key;
}

describe('stored layouts', () => {
  let curated: Record<string, [number, number]> = {};

  // Other test files on this database may have drawn the curated dataset already (and so had its
  // layout stored): these tests start from a version without one.
  beforeAll(async () => {
    const key = await keyOf('laoshan');
    await ctx.db.writeTx((tx) => ctx.db.runIn(tx, 'layout-delete', { key }));
  });

  it('answers without positions at first, then with the layout computed in the background', async () => {
    const first = await graph(ctx.server.url, 'laoshan');
    expect(first.positions).toBe('none');
    expect(first.nodes.some((n) => n.x !== undefined)).toBe(false);
    const payload = await storedGraph(ctx.server.url, 'laoshan');
    expect(payload.nodes).toHaveLength(ctx.curated.nodes.length);
    for (const n of payload.nodes) expect(Number.isFinite(n.x) && Number.isFinite(n.y), n.id).toBe(true);
    curated = positionsOf(payload.nodes);
  });

  it('is the pure layout of the dataset: deterministic, whatever machine computes it', () => {
    const expected = computeLayout({
      nodes: ctx.curated.nodes.map((n) => ({ id: n.id, type: n.type })),
      edges: ctx.curated.relations.map((r) => ({ source: r.source, target: r.target })),
    });
    expect(curated).toEqual(Object.fromEntries(expected.ids.map((id, i) => [id, [expected.x[i], expected.y[i]]])));
  });

  it('serves the same positions with a neighbourhood, and never among a node’s properties', async () => {
    const hood = await getJson(`${ctx.server.url}/api/nodes/firm/haier/neighbors?dataset=laoshan`);
    expect(hood.status).toBe(200);
    for (const n of hood.body.nodes as GraphNode[]) expect([n.x, n.y]).toEqual(curated[n.id]);
    const details = await getJson(`${ctx.server.url}/api/nodes/firm/haier?dataset=laoshan`);
    expect(JSON.stringify(details.body)).not.toMatch(/"(x|y|layout)"/);
  });

  it('survives a restart: a new app on the same database serves the stored positions at once', async () => {
    const restarted = await startTestServer(ctx.db, {});
    try {
      const payload = await graph(restarted.url, 'laoshan');
      expect(payload.positions).toBe('stored');
      expect(positionsOf(payload.nodes)).toEqual(curated);
      expect(restarted.app.layouts.durations.size).toBe(0);
    } finally {
      await restarted.close();
    }
  });

  it('computes no whole-dataset layout above the level-of-detail threshold (the map is aggregates)', async () => {
    const small = await startTestServer(ctx.db, { lodThreshold: ctx.curated.nodes.length - 1 });
    try {
      const key = await keyOf('laoshan');
      await ctx.db.writeTx((tx) => ctx.db.runIn(tx, 'layout-delete', { key }));
      for (let i = 0; i < 3; i++) expect((await graph(small.url, 'laoshan')).positions).toBe('none');
      const hood = await getJson(`${small.url}/api/nodes/firm/haier/neighbors?dataset=laoshan`);
      expect(hood.status).toBe(200);
      expect((hood.body.nodes as GraphNode[]).some((n) => n.x !== undefined)).toBe(false);
      expect(small.app.layouts.durations.size).toBe(0);
      expect(await ctx.db.read('layout-get', { key })).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('computes the layout of the new version after an import changes the dataset', async () => {
    const importEdges = async (mode: 'new' | 'merge', csv: string) => {
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
    };
    await importEdges('new', 'source,target\na,b\nb,c\n');
    const before = await storedGraph(ctx.server.url, TINY);
    expect(before.nodes).toHaveLength(3);
    const oldKey = await keyOf(TINY);
    await importEdges('merge', 'source,target\nc,d\nd,a\n');
    // The merge copied the nodes to a new key: the old layout is not served for the new version.
    expect((await graph(ctx.server.url, TINY)).positions).toBe('none');
    const after = await storedGraph(ctx.server.url, TINY);
    expect(after.nodes).toHaveLength(4);
    expect(await keyOf(TINY)).not.toBe(oldKey);
    // The superseded version's layout is gone from the database.
    expect(await ctx.db.read('layout-get', { key: oldKey })).toEqual([]);
  });
});

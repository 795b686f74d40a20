// The level-of-detail overview on the real Neo4j: a synthetic dataset of 1,000 nodes above a
// threshold forced low (the app option) is answered with its communities as aggregates (202 with
// progress while they are computed), every member in exactly one of them, the links weighed by
// the relations between them; an aggregate's members expand with their relations; the curated
// dataset, below the threshold, is told to load the full graph.
import { afterAll, describe, expect, it } from 'vitest';
import type { AggregateMembersPayload, OverviewPayload } from '../../domain/api-types.ts';
import { generateSynthetic } from '../../seed/synthetic.ts';
import { loadDatasetStaged, removeDataset } from '../db/load.ts';
import { expectErrorShape, getJson, useCuratedServer } from './helpers.ts';

const NAME = 'lod-1k';
const ctx = useCuratedServer({ rateLimitPerMinute: 0, lodThreshold: 500 });
const data = generateSynthetic({ nodes: 1_000, seed: 12, name: NAME });

afterAll(async () => {
  for (const d of (await ctx.db.read('datasets-list')) as { name: string; key: string }[])
    if (d.name === NAME) await removeDataset(ctx.db, d.name, d.key);
});

type Aggregated = Extract<OverviewPayload, { level: 'aggregate' }>;

/** Asks until the communities are computed (each 202 says to ask again), for at most 90 s. */
async function aggregated(): Promise<Aggregated> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const { status, body } = await getJson(`${ctx.server.url}/api/overview?dataset=${NAME}`);
    if (status === 200) return body as Aggregated;
    expect(status, JSON.stringify(body).slice(0, 300)).toBe(202);
    expect(body).toMatchObject({ status: 'computing' });
    if (Date.now() > deadline) throw new Error('no aggregate overview after 90 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('GET /api/overview and /api/aggregates/:id/members', () => {
  let overview: Aggregated;

  it('tells a dataset below the threshold to load the full graph', async () => {
    const { status, body } = await getJson(`${ctx.server.url}/api/overview?dataset=laoshan`);
    expect(status).toBe(200);
    expect(body).toEqual({ dataset: 'laoshan', level: 'full', nodes: ctx.curated.nodes.length, threshold: 500 });
  });

  it('aggregates a dataset above it into communities covering every node once', async () => {
    await loadDatasetStaged(ctx.db, data, { synthetic: true });
    overview = await aggregated();
    expect(overview.level).toBe('aggregate');
    expect(overview.nodes).toBe(1_000);
    expect(overview.aggregates.reduce((sum, a) => sum + a.size, 0)).toBe(1_000);
    expect(overview.aggregates.length).toBeGreaterThan(1);
    expect(overview.aggregates.length).toBeLessThan(200);
    for (const a of overview.aggregates) {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y), a.id).toBe(true);
      expect(a.top.length).toBeGreaterThan(0);
    }
    const ids = new Set(overview.aggregates.map((a) => a.id));
    for (const l of overview.links) {
      expect(ids.has(l.source) && ids.has(l.target) && l.source !== l.target).toBe(true);
      expect(l.weight).toBeGreaterThan(0);
    }
  });

  it('expands an aggregate: its members, hubs first, and relations to what is outside', async () => {
    const largest = overview.aggregates[0]!;
    const { status, body } = await getJson(
      `${ctx.server.url}/api/aggregates/${largest.id}/members?dataset=${NAME}&limit=50`,
    );
    expect(status).toBe(200);
    const members = body as AggregateMembersPayload;
    expect(members.size).toBe(largest.size);
    expect(members.nodes.length).toBe(Math.min(50, largest.size));
    expect(members.nodes[0]?.id).toBe(largest.top[0]?.id);
    const inside = new Set(members.nodes.map((n) => n.id));
    const real = new Set(data.relations.map((r) => `${r.source}|${r.target}`));
    for (const e of members.edges) {
      expect(real.has(`${e.source}|${e.target}`)).toBe(true);
      const other = inside.has(e.source) ? e.target : e.source;
      expect(inside.has(e.source) || inside.has(e.target)).toBe(true);
      if (!inside.has(other)) expect(members.outside[other]).toMatch(/^@community-\d+$/);
    }
  });

  it('refuses what is not an aggregate and knows no empty one', async () => {
    const bad = await getJson(`${ctx.server.url}/api/aggregates/firm-haier/members?dataset=${NAME}`);
    expect(bad.status).toBe(400);
    expectErrorShape(bad.body);
    const missing = await getJson(`${ctx.server.url}/api/aggregates/@community-99999/members?dataset=${NAME}`);
    expect(missing.status).toBe(404);
    const limit = await getJson(`${ctx.server.url}/api/aggregates/@community-0/members?dataset=${NAME}&limit=0`);
    expect(limit.status).toBe(400);
  });
});

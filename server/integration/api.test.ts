// Every read endpoint against the real Neo4j with the curated dataset loaded.
import { describe, expect, it } from 'vitest';
import { NODE_TYPE_NAMES } from '../../domain/ontology.ts';
import { expectErrorShape, getJson, useCuratedServer } from './helpers.ts';

const ADMIN_TOKEN = 'api-test-admin-token-0123456789';
const ctx = useCuratedServer({ adminToken: ADMIN_TOKEN });
const curated = ctx.curated;

describe('GET /api/health', () => {
  it('reports the connected Neo4j and its version', async () => {
    const { status, body } = await getJson(`${ctx.server.url}/api/health`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', neo4j: { connected: true } });
    expect(body.neo4j.version).toMatch(/^5\.26\./);
  });
});

describe('GET /api/datasets and /api/schema', () => {
  it('lists the curated dataset with its counts', async () => {
    const { body } = await getJson(`${ctx.server.url}/api/datasets`);
    const laoshan = body.datasets.find((d: { name: string }) => d.name === 'laoshan');
    expect(laoshan).toMatchObject({
      nodes: curated.nodes.length,
      relations: curated.relations.length,
      synthetic: false,
    });
  });

  it('describes every node type with colour, sector, zh/en names and counts', async () => {
    const { status, body } = await getJson(`${ctx.server.url}/api/schema`);
    expect(status).toBe(200);
    expect(body.nodeTypes.map((t: { type: string }) => t.type)).toEqual(NODE_TYPE_NAMES);
    const firm = body.nodeTypes.find((t: { type: string }) => t.type === 'Firm');
    expect(firm).toMatchObject({
      name_zh: '企业',
      name_en: 'Firm',
      sector: 'industry',
      count: curated.nodes.filter((n) => n.type === 'Firm').length,
    });
    expect(firm.color).toMatch(/^#[0-9a-f]{6}$/);
    const total = body.relationTypes.reduce((sum: number, r: { count: number }) => sum + r.count, 0);
    expect(total).toBe(curated.relations.length);
  });
});

describe('GET /api/graph', () => {
  it('returns every node and relation of the dataset', async () => {
    const { status, body } = await getJson(`${ctx.server.url}/api/graph?dataset=laoshan`);
    expect(status).toBe(200);
    expect(body.nodes).toHaveLength(curated.nodes.length);
    expect(body.edges).toHaveLength(curated.relations.length);
    const haier = body.nodes.find((n: { id: string }) => n.id === 'firm/haier');
    expect(haier).toMatchObject({ type: 'Firm', name_zh: '海尔集团', name_en: 'Haier Group' });
    expect(body.edges[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        source: expect.any(String),
        target: expect.any(String),
        type: expect.any(String),
      }),
    );
  });

  it('filters by node and relation type and honours the limit', async () => {
    const firms = await getJson(`${ctx.server.url}/api/graph?types=Firm`);
    expect(firms.body.nodes.every((n: { type: string }) => n.type === 'Firm')).toBe(true);
    expect(firms.body.nodes.length).toBe(curated.nodes.filter((n) => n.type === 'Firm').length);
    const awarded = await getJson(`${ctx.server.url}/api/graph?relTypes=AWARDED`);
    expect(awarded.body.edges.length).toBe(curated.relations.filter((r) => r.type === 'AWARDED').length);
    const limited = await getJson(`${ctx.server.url}/api/graph?limit=3`);
    expect(limited.body.nodes).toHaveLength(3);
    expect(limited.body.truncated).toBe(true);
    const kept = new Set(limited.body.nodes.map((n: { id: string }) => n.id));
    for (const e of limited.body.edges) expect(kept.has(e.source) && kept.has(e.target)).toBe(true);
  });

  it('rejects unknown types and parameters with a 400 in the error shape', async () => {
    for (const query of [
      'types=Firm,Spaceship',
      'relTypes=HATES',
      'limit=0',
      'limit=abc',
      'foo=bar',
      'dataset=NOPE!',
    ]) {
      const { status, body } = await getJson(`${ctx.server.url}/api/graph?${query}`);
      expect(status, query).toBe(400);
      expect(expectErrorShape(body).code).toBe('bad_request');
    }
  });

  it('answers 404 for a dataset that does not exist', async () => {
    const { status, body } = await getJson(`${ctx.server.url}/api/graph?dataset=atlantis`);
    expect(status).toBe(404);
    expect(expectErrorShape(body).code).toBe('not_found');
  });
});

describe('GET /api/nodes/:id', () => {
  it('returns the node, its relations with neighbours and the evidence behind each', async () => {
    const { status, body } = await getJson(`${ctx.server.url}/api/nodes/firm/haier`);
    expect(status).toBe(200);
    expect(body.node).toMatchObject({
      id: 'firm/haier',
      name_zh: '海尔集团',
      name_en: 'Haier Group',
      type: 'Firm',
      sector: 'industry',
    });
    // Each quote's source by its id and its title.
    expect(body.node.evidence[0]).toEqual({
      source: 'source/laoshan-sti-conference-2024',
      quote: expect.stringContaining('海尔集团'),
      title: '崂山区召开科技创新大会 建设具有引领作用的科创强区',
    });
    const expected = curated.relations.filter((r) => r.source === 'firm/haier' || r.target === 'firm/haier');
    expect(body.relations).toHaveLength(expected.length);
    for (const relation of body.relations) {
      expect(relation.neighbor.name_zh).toBeTruthy();
      expect(relation.evidence.length).toBeGreaterThan(0);
      for (const e of relation.evidence)
        expect(e.title, e.source).toBe('崂山区召开科技创新大会 建设具有引领作用的科创强区');
      expect(['out', 'in']).toContain(relation.direction);
    }
  });

  it('accepts the id percent-encoded too', async () => {
    const { status, body } = await getJson(`${ctx.server.url}/api/nodes/firm%2Fhaier`);
    expect(status).toBe(200);
    expect(body.node.id).toBe('firm/haier');
  });

  it('answers 404 for an unknown id and 400 for an invalid one', async () => {
    expect((await getJson(`${ctx.server.url}/api/nodes/firm/nobody`)).status).toBe(404);
    const invalid = await getJson(`${ctx.server.url}/api/nodes/Firm%20Haier`);
    expect(invalid.status).toBe(400);
    expectErrorShape(invalid.body);
  });
});

describe('GET /api/nodes/:id/neighbors and /api/sources/:id', () => {
  it('returns the 1-step and 2-step neighbourhoods', async () => {
    const one = await getJson(`${ctx.server.url}/api/nodes/firm/haier/neighbors?depth=1`);
    expect(one.status).toBe(200);
    const direct = new Set(
      curated.relations.flatMap((r) =>
        r.source === 'firm/haier' ? [r.target] : r.target === 'firm/haier' ? [r.source] : [],
      ),
    );
    expect(new Set(one.body.nodes.map((n: { id: string }) => n.id))).toEqual(new Set(['firm/haier', ...direct]));
    const two = await getJson(`${ctx.server.url}/api/nodes/firm/haier/neighbors?depth=2`);
    expect(two.body.nodes.length).toBeGreaterThan(one.body.nodes.length);
    const ids = new Set(two.body.nodes.map((n: { id: string }) => n.id));
    for (const e of two.body.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect((await getJson(`${ctx.server.url}/api/nodes/firm/haier/neighbors?depth=3`)).status).toBe(400);
  });

  it('serves the source text that the evidence quotes', async () => {
    const { status, body } = await getJson(`${ctx.server.url}/api/sources/source/laoshan-sti-conference-2024`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ title: expect.stringContaining('科技创新大会'), date: '2024-06-19', language: 'zh' });
    expect(body.text).toContain('评选海尔集团等崂山区十强科技创新企业进行表彰');
  });
});

describe('the error shape everywhere', () => {
  it('answers unknown endpoints with 404 in the error shape', async () => {
    const unknown = await getJson(`${ctx.server.url}/api/nope`);
    expect(unknown.status).toBe(404);
    expect(expectErrorShape(unknown.body).code).toBe('not_found');
  });

  it('answers a body that is not JSON with 400 from the JSON parser, before the endpoint runs', async () => {
    // The admin token passes the write check, so it is the JSON parser that must refuse.
    const send = (body: string) =>
      getJson(`${ctx.server.url}/api/datasets/no-such-dataset`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body,
      });
    const bad = await send('{"a":');
    expect(bad.status).toBe(400);
    expect(expectErrorShape(bad.body)).toMatchObject({
      code: 'bad_request',
      message: 'the request body is not valid JSON',
    });
    // The same request with valid JSON reaches the endpoint (which knows no such dataset).
    const valid = await send('{"a":1}');
    expect(valid.status).toBe(404);
    expect(expectErrorShape(valid.body).message).toMatch(/dataset "no-such-dataset" not found/);
  });
});

describe('GET /api/paths', () => {
  it('returns up to k shortest paths, each a connected chain from one node to the other', async () => {
    const { status, body } = await getJson(
      `${ctx.server.url}/api/paths?from=firm/haier&to=institute/buaa-qingdao&maxHops=6&k=3`,
    );
    expect(status).toBe(200);
    expect(body.paths.length).toBeGreaterThan(0);
    expect(body.paths.length).toBeLessThanOrEqual(3);
    let previous = 0;
    for (const path of body.paths) {
      expect(path.nodes[0].id).toBe('firm/haier');
      expect(path.nodes.at(-1).id).toBe('institute/buaa-qingdao');
      expect(path.edges).toHaveLength(path.nodes.length - 1);
      expect(path.length).toBeLessThanOrEqual(6);
      expect(path.length).toBeGreaterThanOrEqual(previous);
      previous = path.length;
      path.edges.forEach((edge: { source: string; target: string; type_zh: string }, i: number) => {
        const ends = new Set([path.nodes[i].id, path.nodes[i + 1].id]);
        expect(ends.has(edge.source) && ends.has(edge.target)).toBe(true);
        expect(edge.type_zh).toBeTruthy();
      });
    }
    // The shortest path is as short as the graph allows: no path within fewer steps exists.
    const shorter = await getJson(
      `${ctx.server.url}/api/paths?from=firm/haier&to=institute/buaa-qingdao&maxHops=${body.paths[0].length - 1}`,
    );
    expect(shorter.body.paths).toEqual([]);
  });

  it('answers 404 for an unknown end, 400 for bad bounds, and nothing for a node to itself', async () => {
    const missing = await getJson(`${ctx.server.url}/api/paths?from=firm/haier&to=firm/nobody`);
    expect(missing.status).toBe(404);
    expect(expectErrorShape(missing.body).details).toMatchObject({ field: 'to' });
    for (const bad of [
      'from=firm/haier',
      'from=firm/haier&to=district/laoshan&maxHops=9',
      'from=firm/haier&to=district/laoshan&k=0',
      'from=a&to=b&x=1',
    ]) {
      const { status, body } = await getJson(`${ctx.server.url}/api/paths?${bad}`);
      expect(status, bad).toBe(400);
      expectErrorShape(body);
    }
    const self = await getJson(`${ctx.server.url}/api/paths?from=firm/haier&to=firm/haier`);
    expect(self.body.paths).toEqual([]);
  });
});

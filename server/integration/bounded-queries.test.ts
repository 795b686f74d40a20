// The queries made to stay bounded at 100k (issue 12, docs/performance.md) answer what they
// answered before on the curated data: Chinese substrings and pinyin abbreviations through
// full-text indexes find every node a walk over the dataset finds, and a 2-hop neighbourhood
// is whole unless a ring is cut, in which case the payload says so with the counts.
import { describe, expect, it } from 'vitest';
import { fullPinyin } from '../../domain/search-keys.ts';
import { getJson, useCuratedServer } from './helpers.ts';

const ctx = useCuratedServer();

async function searchIds(q: string, extra = ''): Promise<string[]> {
  const { status, body } = await getJson(`${ctx.server.url}/api/search?q=${encodeURIComponent(q)}&limit=100${extra}`);
  expect(status, q).toBe(200);
  return (body as { id: string }[]).map((h) => h.id);
}

/** The letters in order, the first starting the pinyin: what the regex walk used to find. */
function isAbbreviation(pinyin: string, q: string): boolean {
  return new RegExp(`^${q.split('').join('.*')}.*`).test(pinyin);
}

describe('search through bounded candidate sets', () => {
  it.each(['崂', '山', '青岛', '研究院', '实验室', '繁星', '“繁星计划”'])(
    'finds every name containing %s, as the substring walk did',
    async (q) => {
      const expected = ctx.curated.nodes.filter((n) => n.name_zh.normalize('NFKC').includes(q.normalize('NFKC')));
      expect(expected.length, `${q} is in the curated names`).toBeGreaterThan(0);
      const found = new Set(await searchIds(q));
      if (expected.length <= 100) for (const n of expected) expect(found.has(n.id), `${q} → ${n.id}`).toBe(true);
    },
  );

  it.each(['hr', 'qd', 'lsq', 'kjcx', 'qdyjy'])(
    'finds every pinyin abbreviation %s, as the regex walk did',
    async (q) => {
      const expected = ctx.curated.nodes.filter((n) => isAbbreviation(fullPinyin(n.name_zh), q));
      const found = new Set(await searchIds(q));
      if (expected.length <= 100) for (const n of expected) expect(found.has(n.id), `${q} → ${n.id}`).toBe(true);
    },
  );

  it('keeps the type filter inside the indexes', async () => {
    const parks = ctx.curated.nodes.filter((n) => n.type === 'Park' && n.name_zh.includes('园'));
    const ids = await searchIds('园', '&types=Park');
    expect(new Set(ids)).toEqual(new Set(parks.map((n) => n.id)));
  });
});

describe('GET /api/nodes/:id/neighbors?depth=2 bounded', () => {
  const neighbours = (id: string) =>
    new Set(ctx.curated.relations.flatMap((r) => (r.source === id ? [r.target] : r.target === id ? [r.source] : [])));

  it('is whole and says so when nothing is cut', async () => {
    const ring1 = neighbours('firm/haier');
    const ring2 = new Set([...ring1].flatMap((m) => [...neighbours(m)]));
    const all = new Set(['firm/haier', ...ring1, ...ring2]);
    const { status, body } = await getJson(`${ctx.server.url}/api/nodes/firm/haier/neighbors?depth=2&limit=2000`);
    expect(status).toBe(200);
    expect(new Set(body.nodes.map((n: { id: string }) => n.id))).toEqual(all);
    expect(body.sampled).toBe(false);
    expect(body.counts).toMatchObject({ ring1: ring1.size, ring1Shown: ring1.size, sampledNodes: 0 });
    expect(body.counts.ring2Seen).toBe(body.counts.ring2Shown);
  });

  it('cuts each ring at the limit and reports what exists', async () => {
    const ring1 = neighbours('district/laoshan');
    expect(ring1.size).toBeGreaterThan(3);
    const { status, body } = await getJson(`${ctx.server.url}/api/nodes/district/laoshan/neighbors?depth=2&limit=3`);
    expect(status).toBe(200);
    expect(body.sampled).toBe(true);
    expect(body.counts).toMatchObject({ ring1: ring1.size, ring1Shown: 3 });
    expect(body.counts.ring2Shown).toBeLessThanOrEqual(3);
    expect(body.nodes.length).toBe(1 + 3 + body.counts.ring2Shown);
    const one = await getJson(`${ctx.server.url}/api/nodes/district/laoshan/neighbors?depth=1&limit=3`);
    expect(one.body).toMatchObject({ sampled: true, counts: { ring1: ring1.size, ring1Shown: 3 } });
    expect(one.body.counts.ring2Shown).toBeUndefined();
  });

  it('samples at most perNode neighbours of each first-ring node', async () => {
    const list = await ctx.db.read('datasets-list');
    const key = String(list.find((d) => d.name === 'laoshan')?.key);
    const ring1 = [...neighbours('firm/haier')];
    const rows = await ctx.db.read('node-ring2', {
      key,
      ring1,
      exclude: ['firm/haier', ...ring1],
      types: [],
      perNode: 1,
      limit: 500,
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(ring1.length);
    // capped counts relationships (two between one pair count twice), so at least these:
    const big = ring1.filter((m) => neighbours(m).size > 1).length;
    expect(rows[0]?.seen).toBe(rows.length);
    expect(Number(rows[0]?.capped)).toBeGreaterThanOrEqual(big);
    expect(Number(rows[0]?.capped)).toBeLessThanOrEqual(ring1.length);
  });
});

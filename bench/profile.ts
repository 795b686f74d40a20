// PROFILE of every catalogued read query on a synthetic dataset (100k nodes + 500k relations;
// --quick: 1k, on the run's shared server) with parameters taken from the data itself: db hits,
// rows and wall time per query, so that a query that walks the whole dataset shows at once.
// Writes bench/results/profile.json (profile-quick.json). Queries that read a whole dataset by
// design (overview, export, analytics) are profiled too and marked so; snapshot-* read the whole
// store (tests only).
import neo4j, { type Driver } from 'neo4j-driver';
import type { QueryName } from '../server/db/queries.ts';
import { secondRingPerNode } from '../server/routes/read.ts';
import { subsequenceQuery, substringQuery } from '../server/search/rank.ts';
import { CATALOG, benchDriver, datasetSample, readQueries, type Row } from './driver.ts';
import { benchServer, ensureSynthetic } from './server.ts';

export const BENCH_STORE = { port: 8161, boltPort: 7694, dataDir: '.data-bench/analytics' } as const;

type Sample = Awaited<ReturnType<typeof datasetSample>>;

/** The first ring of the hub and of the mid node, as the route reads it (depth 1, 500 at most). */
async function firstRings(driver: Driver, s: Sample): Promise<Record<'hub' | 'mid', Row[]>> {
  const rings = { hub: [] as Row[], mid: [] as Row[] };
  await readQueries(driver, async (run) => {
    for (const at of ['hub', 'mid'] as const)
      rings[at] = await run('node-neighbors', { key: s.key, id: s[at].id, depth: 1, types: [], limit: 500 });
  });
  return rings;
}

interface Case {
  query: QueryName;
  label: string;
  params: Row;
  /** Reads a whole dataset by design (the overview, export, analytics). */
  whole?: boolean;
}

export interface ProfileRow {
  query: QueryName;
  label: string;
  dbHits: number;
  rows: number;
  ms: number;
  whole: boolean;
}

interface Plan {
  dbHits?: number;
  children?: Plan[];
}

function totalDbHits(plan: Plan | false | undefined): number {
  if (!plan) return 0;
  return (plan.dbHits ?? 0) + (plan.children ?? []).reduce((sum, c) => sum + totalDbHits(c), 0);
}

function cases(name: string, s: Sample, rings: Record<'hub' | 'mid', Row[]>): Case[] {
  const key = s.key;
  const zh = String(s.mid.name_zh);
  const en = String(s.mid.name_en).toLowerCase();
  const search = (label: string, q: string, ql: string) => ({
    label,
    params: { key, q, ql, qc: ql.replace(/\s+/g, ''), types: [] },
  });
  // Both forms of the abbreviation query, so that the earlier catalogue (regex) runs too.
  const subsequence = (q: string) => ({
    key,
    pattern: `^${q.split('').join('.*')}.*`,
    query: subsequenceQuery(q, key, []),
    types: [],
  });
  const substring = (q: string) => ({ key, q, query: substringQuery(q, key, []), types: [] });
  const fulltext = (query: string) => ({ key, query, types: [] });
  return [
    { query: 'health', label: '', params: {} },
    { query: 'datasets-list', label: 'every dataset', params: {} },
    { query: 'node-type-counts', label: name, params: { key }, whole: true },
    { query: 'relation-type-counts', label: name, params: { key }, whole: true },
    { query: 'graph-nodes', label: 'limit 20000', params: { key, types: [], limit: 20_000 }, whole: true },
    { query: 'graph-edges', label: 'all types', params: { key, relTypes: [] }, whole: true },
    { query: 'analytics-nodes', label: name, params: { key }, whole: true },
    { query: 'node-by-id', label: 'hub', params: { key, id: s.hub.id } },
    { query: 'node-relations', label: 'hub', params: { key, id: s.hub.id, limit: 5000 } },
    { query: 'node-relations', label: 'mid', params: { key, id: s.mid.id, limit: 5000 } },
    ...(['hub', 'mid'] as const).flatMap((at) =>
      [1, 2].map((depth) => ({
        query: 'node-neighbors' as const,
        label: `${at}, depth ${depth}`,
        params: { key, id: s[at].id, depth, types: [], limit: 500 },
      })),
    ),
    ...(['hub', 'mid'] as const).map((at) => {
      const ring1 = rings[at].map((r) => String(r.id)).slice(1);
      const perNode = secondRingPerNode(ring1.length);
      return {
        query: 'node-ring2' as const,
        label: `${at}: ${ring1.length} first-ring nodes, ${perNode} each`,
        params: { key, ring1, exclude: [s[at].id, ...ring1], types: [], perNode, limit: 500 },
      };
    }),
    { query: 'edges-among', label: '2 ids', params: { key, ids: [s.hub.id, s.mid.id], relTypes: [] } },
    { query: 'nodes-exist', label: '2 ids', params: { key, ids: [s.mid.id, s.other.id] } },
    {
      query: 'paths',
      label: 'mid → other',
      params: { key, from: s.mid.id, to: s.other.id, maxHops: 4, k: 3 },
    },
    { query: 'paths', label: 'last → hub', params: { key, from: s.last.id, to: s.hub.id, maxHops: 4, k: 3 } },
    { query: 'search-prefix', ...search(`zh "${zh.slice(0, 2)}"`, zh.slice(0, 2), zh.slice(0, 2)) },
    { query: 'search-prefix', ...search(`zh "${zh.slice(0, 1)}"`, zh.slice(0, 1), zh.slice(0, 1)) },
    { query: 'search-prefix', ...search(`zh "${zh.slice(1, 3)}" (inside)`, zh.slice(1, 3), zh.slice(1, 3)) },
    { query: 'search-prefix', ...search('"Patent"', 'Patent', 'patent') },
    { query: 'search-prefix', ...search(`en "${en.slice(0, 5)}"`, en.slice(0, 5), en.slice(0, 5)) },
    { query: 'search-subsequence', label: '"Patent"', params: subsequence('patent') },
    { query: 'search-subsequence', label: '"hr"', params: subsequence('hr') },
    { query: 'search-substring-zh', label: `"${zh.slice(1, 3)}"`, params: substring(zh.slice(1, 3)) },
    { query: 'search-substring-zh', label: `"${zh.slice(0, 1)}"`, params: substring(zh.slice(0, 1)) },
    { query: 'search-fulltext-zh', label: `"${zh.slice(0, 2)}"`, params: fulltext(zh.slice(0, 2)) },
    { query: 'search-fulltext-latin', label: '"patent*"', params: fulltext('patent*') },
    { query: 'source-by-id', label: 'generator', params: { key, id: 'source/synthetic-generator' } },
    { query: 'dataset-history', label: name, params: { name, limit: 50 } },
    { query: 'dataset-sources', label: name, params: { key } },
    { query: 'dataset-contents', label: 'export', params: { key }, whole: true },
    { query: 'dataset-relations', label: 'export', params: { key }, whole: true },
  ];
}

async function profileOne(driver: Driver, c: Case): Promise<ProfileRow> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    const text = CATALOG[c.query];
    await session.run(text, c.params); // warm: plan cache and page cache
    const started = performance.now();
    const result = await session.run(`PROFILE ${text}`, c.params);
    const ms = Math.round(performance.now() - started);
    const dbHits = totalDbHits(result.summary.profile as Plan | false);
    return { query: c.query, label: c.label, dbHits, rows: result.records.length, ms, whole: c.whole === true };
  } finally {
    await session.close();
  }
}

export async function profileBenchmark(quick: boolean) {
  const server = await benchServer(quick, { ...BENCH_STORE, env: { RATE_LIMIT_PER_MINUTE: '0' } });
  const driver = benchDriver(server.dataDir, server.boltPort);
  try {
    const nodes = quick ? 1_000 : 100_000;
    const dataset = await ensureSynthetic(server, nodes);
    const sample = await datasetSample(driver, dataset);
    const rows: ProfileRow[] = [];
    for (const c of cases(dataset, sample, await firstRings(driver, sample))) rows.push(await profileOne(driver, c));
    return {
      dataset,
      nodes,
      parameters: { hub: sample.hub.id, mid: sample.mid.id, other: sample.other.id, last: sample.last.id },
      queries: rows,
    };
  } finally {
    await driver.close();
    await server.stop();
  }
}

// Bytes on the wire of the overview (GET /api/graph) in both formats and every encoding, for the
// curated dataset and the synthetic 10k and 100k ones (5 relations per node): each payload is
// built from the seed as the graph-nodes and graph-edges queries return it, and sent through
// the app's own compression middleware over HTTP; the raw bytes received are counted.
// `npx tsx scripts/payload-bytes.ts` prints a table (docs/api.md quotes it). A fresh connection
// for each request: building the 100k payload takes longer than the server keeps one idle.
import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import compression from 'compression';
import express from 'express';
import type { GraphPayload } from '../domain/api-types.ts';
import { encodeColumnar } from '../domain/columnar.ts';
import { readSeedDataset } from '../seed/read.ts';
import { CURATED_DIR } from '../seed/paths.ts';
import type { SeedDataset } from '../seed/schema.ts';
import { generateSynthetic } from '../seed/synthetic.ts';

/** The overview as the server builds it: best-connected first, edges among the kept nodes. */
function overview(data: SeedDataset, synthetic: boolean, limit: number): GraphPayload {
  const degree = new Map<string, number>();
  for (const r of data.relations) for (const end of [r.source, r.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const ranked = [...data.nodes].sort(
    (a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const nodes = ranked.slice(0, limit).map((n) => {
    const row = { id: n.id, type: n.type, name_zh: n.name_zh, name_en: n.name_en, degree: degree.get(n.id) ?? 0 };
    const extra = { count: n.count, count_qualifier: n.count_qualifier, year: n.year, synthetic };
    return { ...row, ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined && v !== null)) };
  });
  const kept = new Set(nodes.map((n) => n.id));
  const edges = data.relations
    .filter((r) => kept.has(r.source) && kept.has(r.target))
    .map((r) => ({ id: r.id, source: r.source, target: r.target, type: r.type }));
  return { dataset: data.dataset.name, synthetic, truncated: ranked.length > limit, nodes, edges } as GraphPayload;
}

function wireBytes(url: string, encoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false, headers: { 'accept-encoding': encoding } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve(bytes));
    })
      .on('error', reject)
      .end();
  });
}

const mb = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`);

async function main(): Promise<void> {
  const cases: [string, () => SeedDataset, boolean, number][] = [
    ['curated', () => readSeedDataset(CURATED_DIR), false, 200_000],
    ['10k', () => generateSynthetic({ nodes: 10_000 }), true, 200_000],
    ['100k (web: limit 20000)', () => generateSynthetic({ nodes: 100_000 }), true, 20_000],
    ['100k (whole)', () => generateSynthetic({ nodes: 100_000 }), true, 200_000],
  ];
  let current: { json: GraphPayload; columnar: unknown } | undefined;
  const app = express();
  app.use(compression());
  app.get('/:format', (req, res) => {
    res.json(req.params.format === 'columnar' ? current?.columnar : current?.json);
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  console.log('| overview | nodes | relations | format | identity | gzip | br |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [name, make, synthetic, limit] of cases) {
    const json = overview(make(), synthetic, limit);
    current = { json, columnar: encodeColumnar(json) };
    for (const format of ['json', 'columnar']) {
      const sizes = [];
      for (const encoding of ['identity', 'gzip', 'br']) sizes.push(mb(await wireBytes(`${base}/${format}`, encoding)));
      console.log(`| ${name} | ${json.nodes.length} | ${json.edges.length} | ${format} | ${sizes.join(' | ')} |`);
    }
  }
  server.close();
}

await main();

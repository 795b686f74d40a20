// The benchmarks' own neo4j-driver, straight to a bench server's managed Neo4j: the floor the
// API is measured against, and the PROFILE runs. The Cypher is the server's catalogue.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadQueryCatalog, type QueryName } from '../server/db/queries.ts';
import { ROOT } from './server.ts';

/** BENCH_CYPHER_DIR profiles another catalogue (an earlier commit's) for a before/after. */
export const CATALOG = loadQueryCatalog(process.env.BENCH_CYPHER_DIR || undefined);

export function benchDriver(dataDir: string, boltPort: number): Driver {
  const password = readFileSync(path.join(ROOT, dataDir, 'neo4j', 'password'), 'utf8').trim();
  return neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 100,
  });
}

export type Row = Record<string, unknown>;

/** Named queries in one read transaction, as the server's routes run them. */
export async function readQueries(
  driver: Driver,
  steps: (run: (name: QueryName, params: Row) => Promise<Row[]>) => Promise<unknown>,
): Promise<void> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    await session.executeRead((tx) =>
      steps(async (name, params) => (await tx.run(CATALOG[name], params)).records.map((r) => r.toObject() as Row)),
    );
  } finally {
    await session.close();
  }
}

/** The storage key, counts and a spread of node ids of a dataset, best connected first. */
export async function datasetSample(driver: Driver, name: string) {
  let key = '';
  let top: Row[] = [];
  await readQueries(driver, async (run) => {
    const list = await run('datasets-list', {});
    const found = list.find((d) => d.name === name);
    if (!found) throw new Error(`dataset ${name} is missing`);
    key = String(found.key);
    top = await run('graph-nodes', { key, types: [], limit: 2000 });
  });
  // Positions as shares of the list, so that a dataset under 2,000 nodes still gives four
  // distinct nodes (at 100k: the 1st, 1,000th, 1,500th and 2,000th best connected).
  const at = (share: number) => top[Math.min(top.length - 1, Math.floor(share * top.length))] as Row;
  return {
    key,
    hub: at(0),
    /** Well connected, not a hub. */
    mid: at(0.5),
    other: at(0.75),
    last: at(1),
  };
}

// A deployment that outgrows one machine points NEO4J_URI at a cluster or Aura with the routing
// scheme (neo4j://, neo4j+s://): the driver asks the server for its routing table and sends
// reads to readers and writes to the leader. The local server answers that question too, so the
// routing path of the driver and of the app is tested here (docs/scaling.md).
import { describe, expect, inject, it } from 'vitest';
import { loadDataset } from '../db/load.ts';
import { CURATED_DIR } from '../../seed/paths.ts';
import { readSeedDataset } from '../../seed/read.ts';
import { getJson, startTestServer, testDatabase } from './helpers.ts';

describe('the routing URI scheme (neo4j://)', () => {
  it('serves the API through a routing driver: reads, a write and the analytics', async () => {
    const credentials = inject('neo4j');
    const uri = credentials.uri.replace(/^bolt:\/\//, 'neo4j://');
    expect(uri).toMatch(/^neo4j:\/\/127\.0\.0\.1:\d+$/);
    const db = testDatabase({ ...credentials, uri });
    const server = await (async () => {
      await db.verify();
      await db.applySchema();
      await loadDataset(db, readSeedDataset(CURATED_DIR));
      return startTestServer(db, { rateLimitPerMinute: 0 });
    })();
    try {
      const health = await getJson(`${server.url}/api/health`);
      expect(health.body).toMatchObject({ status: 'ok', neo4j: { connected: true } });
      const details = await getJson(`${server.url}/api/nodes/firm/haier?dataset=laoshan`);
      expect(details.status).toBe(200);
      expect(details.body.node.name_zh).toBe('海尔集团');
      const search = await getJson(`${server.url}/api/search?q=${encodeURIComponent('海尔')}`);
      expect(search.body[0]?.id).toBe('firm/haier');
      const partners = await getJson(`${server.url}/api/partners/firm/haier?dataset=laoshan`);
      expect(partners.status).toBe(200);
      expect(partners.body.candidates.length).toBeGreaterThan(0);
    } finally {
      await server.close();
      await db.close();
    }
  });
});

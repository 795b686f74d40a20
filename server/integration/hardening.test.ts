// Access control, rate limits, security headers, body limits and Cypher injection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, loadDatasetStaged } from '../db/load.ts';
import { CURATED_DIR } from '../../seed/paths.ts';
import { readSeedDataset } from '../../seed/read.ts';
import { generateSynthetic } from '../../seed/synthetic.ts';
import type { Database } from '../db/database.ts';
import { expectErrorShape, getJson, startTestServer, testDatabase, type TestServer } from './helpers.ts';

const TOKEN = 'test-admin-token-0123456789abcdef';
let db: Database;
let open: TestServer; // no ADMIN_TOKEN
let admin: TestServer; // with ADMIN_TOKEN
let limited: TestServer; // 5 requests per minute

beforeAll(async () => {
  db = testDatabase();
  await db.applySchema();
  await loadDataset(db, readSeedDataset(CURATED_DIR));
  open = await startTestServer(db, { rateLimitPerMinute: 0 });
  admin = await startTestServer(db, { adminToken: TOKEN, rateLimitPerMinute: 0 });
  limited = await startTestServer(db, { rateLimitPerMinute: 5 });
});

afterAll(async () => {
  await Promise.all([open.close(), admin.close(), limited.close()]);
  await db.close();
});

describe('writes need the admin token', () => {
  it('answers 403 on a server without ADMIN_TOKEN', async () => {
    const { status, body } = await getJson(`${open.url}/api/datasets/laoshan`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(status).toBe(403);
    expect(expectErrorShape(body).code).toBe('forbidden');
  });

  it('answers 401 without the header or with a wrong token, and deletes with the right one', async () => {
    await loadDatasetStaged(db, generateSynthetic({ nodes: 50, seed: 1, name: 'to-delete' }), { synthetic: true });
    for (const headers of [
      {} as Record<string, string>,
      { authorization: 'Bearer wrong-token-wrong-token' },
      { authorization: TOKEN },
      { authorization: `Basic ${TOKEN}` },
    ]) {
      const { status, body } = await getJson(`${admin.url}/api/datasets/to-delete`, { method: 'DELETE', headers });
      expect(status, JSON.stringify(headers)).toBe(401);
      expect(expectErrorShape(body).code).toBe('unauthorized');
    }
    const ok = await getJson(`${admin.url}/api/datasets/to-delete`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ deleted: 'to-delete', nodes: 50 });
    const list = await getJson(`${admin.url}/api/datasets`);
    expect(list.body.datasets.map((d: { name: string }) => d.name)).not.toContain('to-delete');
    const again = await getJson(`${admin.url}/api/datasets/to-delete`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(again.status).toBe(404);
  });
});

describe('per-IP rate limits on expensive endpoints', () => {
  it('answers 429 with Retry-After past the limit, and leaves cheap endpoints alone', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await getJson(`${limited.url}/api/search?q=haier`)).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const over = await getJson(`${limited.url}/api/search?q=haier`);
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(expectErrorShape(over.body).code).toBe('rate_limited');
    for (let i = 0; i < 10; i++) expect((await getJson(`${limited.url}/api/health`)).status).toBe(200);
  });
});

describe('headers and limits', () => {
  it('sends a Content-Security-Policy that allows the layout worker and nothing inline', async () => {
    const response = await fetch(`${open.url}/api/health`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses bodies over 1 MB with 413 before the write endpoint runs', async () => {
    // No endpoint reads a body yet; the JSON parser in front of every /api route holds the
    // limit, so the one write endpoint shows it: the dataset survives a DELETE with a big body.
    await loadDatasetStaged(db, generateSynthetic({ nodes: 10, seed: 2, name: 'big-body' }), { synthetic: true });
    const send = (body: string) =>
      getJson(`${admin.url}/api/datasets/big-body`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body,
      });
    const big = await send(JSON.stringify({ data: 'x'.repeat(1_200_000) }));
    expect(big.status).toBe(413);
    expect(expectErrorShape(big.body).code).toBe('payload_too_large');
    // Asked of the database itself (the server's dataset list is cached for 2 s).
    expect((await db.read('datasets-list')).map((d) => d.name)).toContain('big-body');
    // Just under the limit the same request goes through and deletes it.
    const small = await send(JSON.stringify({ data: 'x'.repeat(1_000_000) }));
    expect(small.status).toBe(200);
    expect(small.body).toMatchObject({ deleted: 'big-body' });
  });
});

const INJECTIONS = [
  "' OR 1=1 //",
  '") MATCH (n) DETACH DELETE n //',
  'x} DETACH DELETE n RETURN 1 //',
  'Firm) DETACH DELETE n //',
  'AWARDED]->() DELETE r //',
  '`Entity` SET n.name_zh = "pwned"',
  '$key',
  '1; MATCH (n) DETACH DELETE n',
  "laoshan' OR '1'='1",
  'CALL dbms.killQueries([]) //',
  'firm/haier") SET n.x = 1 //',
  '*:* OR name_zh:*',
];

describe('Cypher injection', () => {
  it('gets a 4xx or no data from every parameter, and changes nothing', async () => {
    const before = await db.checksum();
    const urls: string[] = [];
    for (const bad of INJECTIONS) {
      const e = encodeURIComponent(bad);
      urls.push(
        `/api/graph?dataset=${e}`,
        `/api/graph?types=${e}`,
        `/api/graph?relTypes=${e}`,
        `/api/graph?limit=${e}`,
        `/api/schema?dataset=${e}`,
        `/api/nodes/${e}`,
        `/api/nodes/firm/haier?dataset=${e}`,
        `/api/nodes/${e}/neighbors`,
        `/api/nodes/firm/haier/neighbors?depth=${e}`,
        `/api/nodes/firm/haier/neighbors?types=${e}`,
        `/api/search?q=${e}`,
        `/api/search?q=haier&types=${e}`,
        `/api/search?q=haier&dataset=${e}`,
        `/api/sources/${e}`,
        `/api/paths?from=${e}&to=firm/haier`,
        `/api/paths?from=firm/haier&to=district/laoshan&maxHops=${e}`,
      );
    }
    for (const url of urls) {
      const { status, body } = await getJson(`${open.url}${url}`);
      if (status >= 400) {
        expect(status, url).toBeLessThan(500);
        expectErrorShape(body);
      } else {
        // Only a search may answer, and only with names that match the query as plain text.
        expect(status, url).toBe(200);
        expect(url.startsWith('/api/search?q='), `${url} answered 200`).toBe(true);
        const words =
          decodeURIComponent(url.slice('/api/search?q='.length))
            .toLowerCase()
            .match(/[a-z]{2,}/g) ?? [];
        for (const hit of body as { name_en: string; matched: string }[]) {
          const asText =
            words.some((w) => hit.name_en.toLowerCase().includes(w)) ||
            ['pinyin', 'pinyin_initials', 'alias'].includes(hit.matched);
          expect(asText, `${url} → ${hit.name_en} (${hit.matched})`).toBe(true);
        }
      }
    }
    // Writes too, with the right token: the name is validated before anything runs.
    for (const bad of INJECTIONS) {
      const { status, body } = await getJson(`${admin.url}/api/datasets/${encodeURIComponent(bad)}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      // Refused by the name's validation itself (not by a missing route or dataset).
      expect(status, bad).toBe(400);
      expect(expectErrorShape(body).message, bad).toMatch(/^invalid params: name/);
    }
    expect(await db.checksum()).toEqual(before);
  });
});

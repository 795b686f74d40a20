// Property-based fuzzing of the whole HTTP surface: thousands of generated requests (paths,
// parameters, Unicode, huge and hostile strings) and never a 5xx; every 4xx has the error shape.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../db/load.ts';
import { NODE_TYPE_NAMES, RELATION_TYPE_NAMES } from '../../domain/ontology.ts';
import { CURATED_DIR } from '../../seed/paths.ts';
import { readSeedDataset } from '../../seed/read.ts';
import type { Database } from '../db/database.ts';
import { startTestServer, testDatabase, type TestServer } from './helpers.ts';

const RUNS = 5_200;
let db: Database;
let server: TestServer;

beforeAll(async () => {
  db = testDatabase();
  await db.applySchema();
  await loadDataset(db, readSeedDataset(CURATED_DIR));
  server = await startTestServer(db, { adminToken: 'fuzz-admin-token-0123456789', rateLimitPerMinute: 0 });
});

afterAll(async () => {
  await server.close();
  await db.close();
});

const hostile = fc.constantFrom(
  "' OR 1=1 //",
  '") DETACH DELETE n //',
  '<img src=x onerror=alert(1)>',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\uD800',
  '𠮷野家',
  '海尔',
  'hejt',
  '*',
  '"',
  '\\',
  'NaN',
  '-1',
  '1e9',
  '99999999999999999999',
  'firm/haier',
  'laoshan',
  '__proto__',
  'constructor',
);
const value = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 3, arbitrary: hostile },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...NODE_TYPE_NAMES, ...RELATION_TYPE_NAMES, 'Firm,Lab', '1', '2', '3', '0', '200000'),
  },
  { weight: 1, arbitrary: fc.string({ minLength: 500, maxLength: 3_000 }) },
);
const segment = fc.oneof(
  fc.constantFrom('firm', 'haier', 'neighbors', 'source', 'x', '..', '%2F', '%', '%E4'),
  fc.string({ maxLength: 12 }).map(encode),
);
const path = fc.oneof(
  fc.constantFrom(
    '/api/health',
    '/api/datasets',
    '/api/schema',
    '/api/graph',
    '/api/search',
    '/api/nodes/firm/haier',
    '/api/nodes/firm/haier/neighbors',
    '/api/sources/source/laoshan-sti-conference-2024',
    '/api/paths',
    '/api/metrics',
    '/api/import',
  ),
  fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => `/api/${parts.join('/')}`),
  fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => `/api/nodes/${parts.join('/')}`),
);
const key = fc.oneof(
  fc.constantFrom(
    'dataset',
    'types',
    'relTypes',
    'limit',
    'q',
    'depth',
    'id',
    'maxHops',
    'k',
    '__proto__',
    'q[]',
    'limit[a]',
  ),
  fc.string({ maxLength: 10 }),
);
const request = fc.record({
  method: fc.constantFrom('GET', 'GET', 'GET', 'GET', 'HEAD', 'POST', 'DELETE', 'PUT', 'OPTIONS'),
  path,
  query: fc.array(fc.tuple(key, value), { maxLength: 4 }),
  auth: fc.boolean(),
  body: fc.option(fc.oneof(fc.string({ maxLength: 200 }), fc.json()), { nil: undefined }),
});

/** Percent-encodes the UTF-8 bytes, so that even lone surrogates can be sent (as U+FFFD). */
function encode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9._~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

describe('fuzzing every endpoint', () => {
  it(`answers ${RUNS} generated requests without a 5xx, every 4xx well-formed`, async () => {
    let sent = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const query = r.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
        const url = `${server.url}${r.path}${query ? `?${query}` : ''}`;
        const headers: Record<string, string> = {};
        if (r.auth) headers.authorization = 'Bearer fuzz-admin-token-0123456789';
        if (r.body !== undefined) headers['content-type'] = 'application/json';
        const response = await fetch(url, {
          method: r.method,
          headers,
          body: r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD' ? r.body : undefined,
        });
        const text = await response.text();
        sent++;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500) throw new Error(`${r.method} ${url} → ${response.status} ${text.slice(0, 200)}`);
        if (response.status >= 400 && r.method !== 'HEAD') {
          const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
          if (typeof body.error?.code !== 'string' || typeof body.error?.message !== 'string') {
            throw new Error(`${r.method} ${url} → ${response.status} without the error shape: ${text.slice(0, 200)}`);
          }
        }
      }),
      { numRuns: RUNS, seed: 20260619, endOnFailure: true },
    );
    expect(sent).toBe(RUNS);
    // The generator must reach both sides: answers and rejections.
    expect([...statuses.keys()].some((s) => s === 200)).toBe(true);
    expect([...statuses.keys()].some((s) => s === 400)).toBe(true);
    expect([...statuses.keys()].some((s) => s === 404)).toBe(true);
  }, 600_000);
});

// Compact, compressed payloads on the real Neo4j: gzip and brotli on JSON and static answers,
// validators per dataset version (304 on If-None-Match, a new one after a change), and the
// columnar overview decoding to exactly the JSON format's content.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnarGraphPayload, MetricsPayload } from '../../domain/api-types.ts';
import { decodeColumnar } from '../../domain/columnar.ts';
import { removeDataset } from '../db/load.ts';
import { getJson, useCuratedServer } from './helpers.ts';

const TOKEN = 'payloads-admin-token-0123456789';
const WEB_ROOT = path.join(tmpdir(), `payloads-web-${process.pid}`);
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word-${i}`))};\n`;
const TINY = 'payloads-tiny';
const PRE_BR = brotliCompressSync(SCRIPT);
const PRE_GZ = gzipSync(SCRIPT, { level: 9 });

// Registered before the server's own hooks: the web root must exist when the app is created.
beforeAll(() => {
  mkdirSync(path.join(WEB_ROOT, 'assets'), { recursive: true });
  writeFileSync(path.join(WEB_ROOT, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(WEB_ROOT, 'assets', 'app-abc123.js'), SCRIPT);
  // As the build leaves them (scripts/vite-precompress.ts): copies beside the file.
  writeFileSync(path.join(WEB_ROOT, 'assets', 'pre-abc123.js'), SCRIPT);
  writeFileSync(path.join(WEB_ROOT, 'assets', 'pre-abc123.js.br'), PRE_BR);
  writeFileSync(path.join(WEB_ROOT, 'assets', 'pre-abc123.js.gz'), PRE_GZ);
});
const ctx = useCuratedServer({ adminToken: TOKEN, rateLimitPerMinute: 0, webRoot: WEB_ROOT });
afterAll(async () => {
  rmSync(WEB_ROOT, { recursive: true, force: true });
  for (const d of (await ctx.db.read('datasets-list')) as { name: string; key: string }[])
    if (d.name === TINY) await removeDataset(ctx.db, d.name, d.key);
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** The answer as it crossed the wire: its bytes are not decoded. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

function decoded(raw: Raw): string {
  const encoding = raw.headers['content-encoding'];
  if (encoding === 'gzip') return gunzipSync(raw.body).toString('utf8');
  if (encoding === 'br') return brotliDecompressSync(raw.body).toString('utf8');
  return raw.body.toString('utf8');
}

const url = (p: string) => `${ctx.server.url}${p}`;

describe('compression', () => {
  for (const encoding of ['gzip', 'br'] as const) {
    it(`sends JSON in ${encoding}, the same content as without`, async () => {
      const plain = await rawGet(url('/api/graph?dataset=laoshan'), { 'accept-encoding': 'identity' });
      const packed = await rawGet(url('/api/graph?dataset=laoshan'), { 'accept-encoding': encoding });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
      expect(packed.headers['content-encoding']).toBe(encoding);
      expect(packed.headers['content-length']).toBeUndefined();
      expect(packed.headers.vary).toMatch(/accept-encoding/i);
      expect(packed.body.length).toBeLessThan(plain.body.length / 3);
      expect(JSON.parse(decoded(packed))).toEqual(JSON.parse(plain.body.toString('utf8')));
      // One validator for the content, whatever its encoding.
      expect(packed.headers.etag).toBe(plain.headers.etag);
    });

    it(`sends static files in ${encoding}`, async () => {
      const packed = await rawGet(url('/assets/app-abc123.js'), { 'accept-encoding': encoding });
      expect(packed.status).toBe(200);
      expect(packed.headers['content-encoding']).toBe(encoding);
      expect(packed.headers['cache-control']).toContain('immutable');
      expect(decoded(packed)).toBe(SCRIPT);
      expect(packed.body.length).toBeLessThan(SCRIPT.length / 2);
    });
  }

  it('sends the build’s compressed copies as they are, with the original’s type', async () => {
    for (const [encoding, copy] of [
      ['br', PRE_BR],
      ['gzip', PRE_GZ],
    ] as const) {
      const raw = await rawGet(url('/assets/pre-abc123.js'), { 'accept-encoding': `${encoding}, identity` });
      expect(raw.headers['content-encoding']).toBe(encoding);
      expect(raw.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(raw.headers['content-length']).toBe(String(copy.length));
      expect(raw.headers['cache-control']).toContain('immutable');
      expect(raw.headers.vary).toMatch(/accept-encoding/i);
      expect(raw.body.equals(copy)).toBe(true);
    }
    const chrome = await rawGet(url('/assets/pre-abc123.js'), { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(chrome.headers['content-encoding']).toBe('br');
    const plain = await rawGet(url('/assets/pre-abc123.js'));
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(SCRIPT);
  });

  it('prefers brotli when the client takes both', async () => {
    const raw = await rawGet(url('/api/schema'), { 'accept-encoding': 'gzip, deflate, br' });
    expect(raw.headers['content-encoding']).toBe('br');
  });
});

describe('cache validation', () => {
  async function revalidate(p: string): Promise<string> {
    const first = await rawGet(url(p), { 'accept-encoding': 'gzip' });
    expect(first.status).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await rawGet(url(p), { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    return etag;
  }

  it('answers 304 to a current copy of the graph, the schema and the metrics', async () => {
    const json = await revalidate('/api/graph?dataset=laoshan');
    const columnar = await revalidate('/api/graph?dataset=laoshan&format=columnar');
    const limited = await revalidate('/api/graph?dataset=laoshan&limit=10');
    expect(new Set([json, columnar, limited]).size).toBe(3);
    await revalidate('/api/schema?dataset=laoshan');
    await readyMetrics('laoshan');
    await revalidate('/api/metrics?dataset=laoshan');
  });

  it('gives a changed dataset new validators; progress answers have none of them', async () => {
    await importEdges('new', 'source,target\na,b\nb,c\n');
    await readyMetrics(TINY);
    const paths = ['/api/graph', '/api/schema', '/api/metrics'].map((p) => `${p}?dataset=${TINY}`);
    const before = await Promise.all(paths.map((p) => revalidate(p)));
    await importEdges('merge', 'source,target\nc,d\n');
    for (const [i, p] of paths.entries()) {
      const after = await rawGet(url(p), { 'if-none-match': before[i]! });
      if (p.startsWith('/api/metrics')) {
        expect(after.status).toBe(202);
        expect(after.headers['cache-control']).toBe('no-store');
        continue;
      }
      expect(after.status, p).toBe(200);
      expect(after.headers.etag).not.toBe(before[i]);
    }
    await readyMetrics(TINY, 4);
    expect((await rawGet(url(paths[2]!), { 'if-none-match': before[2]! })).status).toBe(200);
  });
});

describe('GET /api/graph?format=columnar', () => {
  for (const query of ['dataset=laoshan', 'dataset=laoshan&limit=25', 'types=Firm,University&relTypes=LOCATED_IN']) {
    it(`decodes to exactly the JSON format's content (${query})`, async () => {
      const json = await getJson(url(`/api/graph?${query}`));
      const columnar = await getJson(url(`/api/graph?${query}&format=columnar`));
      expect(columnar.status).toBe(200);
      const body = columnar.body as ColumnarGraphPayload;
      expect(body.format).toBe('columnar');
      expect(decodeColumnar(body)).toStrictEqual(json.body);
    });
  }

  it('refuses an unknown format', async () => {
    expect((await getJson(url('/api/graph?format=csv'))).status).toBe(400);
  });
});

async function importEdges(mode: 'new' | 'merge', csv: string): Promise<void> {
  const form = new FormData();
  form.set('dataset', TINY);
  form.set('mode', mode);
  form.append('files', new Blob([csv]), 'edges.csv');
  const { status, body } = await getJson(url('/api/import'), {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}` },
    body: form,
  });
  expect(status, JSON.stringify(body)).toBe(200);
}

/** Asks until the metrics are computed (of a dataset of `nodes` nodes when given). */
async function readyMetrics(dataset: string, nodes?: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { status, body } = await getJson(url(`/api/metrics?dataset=${dataset}`));
    const payload = body as MetricsPayload;
    if (status === 200 && payload.status === 'ready' && (nodes === undefined || payload.nodes === nodes)) return;
    if (Date.now() > deadline) throw new Error(`metrics not ready: ${JSON.stringify(body).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Operations: request logs (one short line, no secrets), answers to malformed HTTP, the web
// app's caching and 404s, TRUST_PROXY, draining on shutdown, and a wrong Neo4j password.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDataset } from '../db/load.ts';
import { CURATED_DIR } from '../../seed/paths.ts';
import { readSeedDataset } from '../../seed/read.ts';
import { Database } from '../db/database.ts';
import { createLogger } from '../runtime.ts';
import { expectErrorShape, getJson, startTestServer, testDatabase, type TestServer } from './helpers.ts';
import { exited, logLines, spawnServer, startServerProcess } from './process.ts';

const TOKEN = 'ops-admin-token-0123456789abcdef';
const COOKIE = 'session=c00kie-value-42; theme=dark';
let db: Database;
const servers: TestServer[] = [];

beforeAll(async () => {
  db = testDatabase();
  await db.applySchema();
  await loadDataset(db, readSeedDataset(CURATED_DIR));
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await db.close();
});

async function serve(options: Parameters<typeof startTestServer>[1]): Promise<TestServer> {
  const server = await startTestServer(db, options);
  servers.push(server);
  return server;
}

/** A logger as `npm start` makes it (createLogger), writing into an array. */
function capturedLogger(level: 'info' | 'debug' = 'info') {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger({ logLevel: level }, sink) };
}

/** Sends raw bytes and resolves with everything the server answers until it closes. */
function rawRequest(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connectTcp(Number(port), hostname, () => socket.write(bytes));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

function parseRaw(answer: string): { status: number; headers: string; body: unknown } {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), headers: head, body: JSON.parse(body) };
}

describe('request logs', () => {
  it('write one short line per API request, with id, method, route, status and time, and no secrets', async () => {
    const { lines, logger } = capturedLogger();
    const server = await serve({ logger, adminToken: TOKEN, rateLimitPerMinute: 0 });
    const secret = { authorization: `Bearer ${TOKEN}`, cookie: COOKIE };
    const requests: [string, RequestInit, number][] = [
      ['/api/graph?types=Firm', { headers: secret }, 200],
      ['/api/datasets/no-such-dataset', { method: 'DELETE', headers: secret }, 404],
      [
        '/api/datasets/no-such-dataset',
        { method: 'DELETE', headers: { ...secret, authorization: 'Bearer wrong' } },
        401,
      ],
      ['/api/nope', { headers: secret }, 404],
    ];
    const ids: string[] = [];
    for (const [url, init, status] of requests) {
      const answer = await fetch(`${server.url}${url}`, init);
      await answer.text();
      expect(answer.status, url).toBe(status);
      ids.push(answer.headers.get('x-request-id') ?? '');
    }
    // A healthy health check is not worth an info line.
    expect((await fetch(`${server.url}/api/health`, { headers: secret })).status).toBe(200);
    await expect.poll(() => lines.length).toBeGreaterThanOrEqual(requests.length);

    const all = lines.join('\n');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain('c00kie');
    expect(all).not.toMatch(/"headers"|user-agent/i);
    const entries = logLines(all).filter((l) => l.msg === 'request');
    expect(entries).toHaveLength(requests.length);
    entries.forEach((entry, i) => {
      const [url, init, status] = requests[i] as [string, RequestInit, number];
      expect(entry).toMatchObject({
        reqId: ids[i],
        method: init.method ?? 'GET',
        route: url.split('?')[0],
        status,
        ip: '127.0.0.1',
      });
      expect(typeof entry.ms).toBe('number');
    });
    for (const line of lines) expect(Buffer.byteLength(line), line).toBeLessThan(300);
    console.log(`request log line: ${Buffer.byteLength(lines[0] ?? '')} bytes: ${lines[0]}`);
  });

  it('log a 503 as one line without a stack trace', async () => {
    const { lines, logger } = capturedLogger();
    // A database nobody listens on: the first read finds it unreachable.
    const lost = new Database({
      uri: 'bolt://127.0.0.1:9',
      user: 'neo4j',
      password: 'x',
      database: 'neo4j',
      queryTimeoutMs: 1_000,
      logger,
    });
    const server = await startTestServer(lost, { logger });
    try {
      for (let i = 0; i < 3; i++) expect((await getJson(`${server.url}/api/datasets`)).status).toBe(503);
    } finally {
      await server.close();
      await lost.close();
    }
    const requestLines = logLines(lines.join('\n')).filter((l) => l.msg === 'request');
    expect(requestLines.map((l) => l.status)).toEqual([503, 503, 503]);
    expect(lines.join('\n')).not.toMatch(/\bat .*\.(js|ts):\d+|"stack"|Stacktrace/);
  });
});

describe('malformed HTTP', () => {
  it('answers oversized headers with 431 in the error shape', async () => {
    const server = await serve({ rateLimitPerMinute: 0 });
    const { status, body } = await getJson(`${server.url}/api/health`, { headers: { 'x-big': 'a'.repeat(20_000) } });
    expect(status).toBe(431);
    expect(expectErrorShape(body).code).toBe('headers_too_large');
  });

  it('answers a malformed request line with 400 in the error shape', async () => {
    const server = await serve({ rateLimitPerMinute: 0 });
    for (const bytes of [
      'GET /api/health HTTP/9.9 extra\r\n\r\n',
      'NOT A REQUEST\r\n\r\n',
      'GET /\x01 HTTP/1.1\r\n\r\n',
    ]) {
      const answer = parseRaw(await rawRequest(server.url, bytes));
      expect(answer.status, JSON.stringify(bytes)).toBe(400);
      expect(answer.headers).toMatch(/content-type: application\/json/i);
      expect(expectErrorShape(answer.body).code).toBe('bad_request');
    }
  });
});

describe('the web app', () => {
  const webRoot = mkdtempSync(path.join(tmpdir(), 'web-'));
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>explorer</title>');
  writeFileSync(path.join(webRoot, 'assets', 'app-3f2a1b.js'), 'console.log(1)');
  writeFileSync(path.join(webRoot, 'favicon.svg'), '<svg/>');

  it('serves index.html no-cache, hashed assets for good, and client routes as the app', async () => {
    const { lines, logger } = capturedLogger();
    const server = await serve({ webRoot, logger, rateLimitPerMinute: 0 });
    for (const url of ['/', '/index.html', '/explore/firm', '/some/client/route']) {
      const answer = await fetch(`${server.url}${url}`);
      expect(answer.status, url).toBe(200);
      expect(await answer.text(), url).toContain('<title>explorer</title>');
      expect(answer.headers.get('cache-control'), url).toBe('no-cache');
    }
    const asset = await fetch(`${server.url}/assets/app-3f2a1b.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${server.url}/favicon.svg`)).headers.get('cache-control')).toBe('public, max-age=3600');
    // Static files are below info: none of these requests made a line.
    expect(logLines(lines.join('\n')).filter((l) => l.msg === 'request')).toEqual([]);
  });

  it('answers a missing file with 404 in the error shape, not with index.html', async () => {
    const server = await serve({ webRoot, rateLimitPerMinute: 0 });
    for (const url of ['/assets/nope.js', '/nope.css', '/deep/missing/file.png']) {
      const { status, body, headers } = await getJson(`${server.url}${url}`);
      expect(status, url).toBe(404);
      expect(headers.get('content-type'), url).toMatch(/application\/json/);
      expect(expectErrorShape(body).code).toBe('not_found');
    }
  });
});

describe('TRUST_PROXY', () => {
  const limitFor = async (trustProxy: number | false) => {
    const { lines, logger } = capturedLogger();
    const server = await serve({ logger, rateLimitPerMinute: 3, trustProxy });
    const search = (client: string) =>
      getJson(`${server.url}/api/search?q=haier`, { headers: { 'x-forwarded-for': client } });
    const first: number[] = [];
    for (let i = 0; i < 4; i++) first.push((await search('203.0.113.1')).status);
    const other = (await search('203.0.113.2')).status;
    const entries = logLines(lines.join('\n'));
    const ips = entries.filter((l) => l.msg === 'request').map((l) => l.ip);
    const notes = entries.filter((l) => String(l.msg).includes('TRUST_PROXY is not set')).length;
    return { first, other, ips, notes };
  };

  it('makes the per-IP limit count each forwarded client on its own', async () => {
    const trusted = await limitFor(1);
    expect(trusted.first).toEqual([200, 200, 200, 429]);
    expect(trusted.other).toBe(200);
    expect(trusted.ips).toContain('203.0.113.2');
    expect(trusted.notes).toBe(0);
  });

  it('is off by default: X-Forwarded-For is ignored and every request counts for the proxy', async () => {
    const untrusted = await limitFor(false);
    expect(untrusted.first).toEqual([200, 200, 200, 429]);
    expect(untrusted.other).toBe(429);
    expect(new Set(untrusted.ips)).toEqual(new Set(['127.0.0.1']));
    // The operator is told once, in the log.
    expect(untrusted.notes).toBe(1);
  });
});

describe('the server process', () => {
  it('reports draining on /api/health once shutdown has begun', async () => {
    const credentials = inject('neo4j');
    const server = await startServerProcess({
      NEO4J_URI: credentials.uri,
      NEO4J_USER: credentials.user,
      NEO4J_PASSWORD: credentials.password,
    });
    try {
      expect((await getJson(`${server.url}/api/health`)).body.status).toBe('ok');
      // A request under way when the signal comes: its connection is not idle, so it is answered.
      const { hostname, port } = new URL(server.url);
      const socket = connectTcp(Number(port), hostname);
      await new Promise((resolve) => socket.once('connect', resolve));
      let answer = '';
      socket.on('data', (d) => (answer += d.toString()));
      const ended = new Promise((resolve) => socket.once('end', resolve));
      socket.write(`GET /api/health HTTP/1.1\r\nHost: ${hostname}\r\n`);
      // Set-up, not a criterion: the server reads those bytes before the signal comes.
      await new Promise((r) => setTimeout(r, 300));
      server.child.kill('SIGTERM');
      await server.waitForOutput(/SIGTERM: shutting down/);
      socket.write('\r\n');
      await ended;
      const parsed = parseRaw(answer);
      expect(parsed.status).toBe(503);
      expect(parsed.headers).toMatch(/connection: close/i);
      expect(parsed.body).toMatchObject({ status: 'draining', error: { code: 'shutting_down' } });
      expect(await exited(server.child)).toBe(0);
    } finally {
      await server.stop('SIGKILL');
    }
  });

  it('stops at start-up with a clear message when the Neo4j password is wrong', async () => {
    const credentials = inject('neo4j');
    const wrong = 'not-the-password-4711';
    const { child, output } = spawnServer({
      NEO4J_URI: credentials.uri,
      NEO4J_USER: credentials.user,
      NEO4J_PASSWORD: wrong,
    });
    const started = Date.now();
    const code = await exited(child);
    expect(code).toBe(1);
    expect(Date.now() - started, 'no waiting or retrying').toBeLessThan(20_000);
    const text = output();
    expect(text).toMatch(/cannot start: Neo4j at bolt:\/\/127\.0\.0\.1:\d+ refused the credentials/);
    expect(text).toMatch(/NEO4J_PASSWORD/);
    expect(text).not.toContain(wrong);
    expect(text).not.toMatch(/\n\s+at /); // no stack trace
    expect(text).not.toMatch(/unreachable/);
  });
});

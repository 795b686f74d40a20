// Shared set-up for integration tests: a Database on the test Neo4j, an app on a free port.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { afterAll, beforeAll, inject } from 'vitest';
import { loadDataset } from '../db/load.ts';
import { CURATED_DIR } from '../../seed/paths.ts';
import { readSeedDataset } from '../../seed/read.ts';
import type { SeedDataset } from '../../seed/schema.ts';
import { createApp, type App } from '../app.ts';
import { Database } from '../db/database.ts';
import type { Neo4jCredentials } from '../neo4j/managed.ts';

export const silentLogger = pino({ level: 'silent' });

export function testDatabase(credentials: Neo4jCredentials = inject('neo4j')): Database {
  return new Database({ ...credentials, database: 'neo4j', queryTimeoutMs: 10_000, logger: silentLogger });
}

export interface TestServer {
  url: string;
  app: App;
  close(): Promise<void>;
}

export async function startTestServer(
  db: Database,
  options: { adminToken?: string; rateLimitPerMinute?: number } = {},
): Promise<TestServer> {
  const app = createApp({ db, logger: silentLogger, ...options });
  const server: Server = app.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function getJson(
  url: string,
  init?: RequestInit,
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body, headers: response.headers };
}

/** Asserts the contract's error shape and returns the error. */
export function expectErrorShape(body: unknown): { code: string; message: string; details?: unknown } {
  const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string' || error.message.length === 0) {
    throw new Error(`not the API's error shape: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return error as { code: string; message: string };
}

export interface CuratedServer {
  db: Database;
  server: TestServer;
  curated: SeedDataset;
}

/** A test file's server on the test Neo4j with the curated dataset loaded; closed after the file. */
export function useCuratedServer(options: { adminToken?: string; rateLimitPerMinute?: number } = {}): CuratedServer {
  const state = { curated: readSeedDataset(CURATED_DIR) } as CuratedServer;
  beforeAll(async () => {
    state.db = testDatabase();
    await state.db.applySchema();
    await loadDataset(state.db, state.curated);
    state.server = await startTestServer(state.db, options);
  });
  afterAll(async () => {
    await state.server?.close();
    await state.db?.close();
  });
  return state;
}

// Shared set-up for integration tests: a Database on the test Neo4j, an app on a free port.
import { pino, type Logger } from 'pino';
import { afterAll, beforeAll, inject } from 'vitest';
import { loadDataset } from '../db/load.ts';
import { CURATED_DIR } from '../../seed/paths.ts';
import { readSeedDataset } from '../../seed/read.ts';
import type { SeedDataset } from '../../seed/schema.ts';
import { createApp, type App, type AppOptions } from '../app.ts';
import { Database } from '../db/database.ts';
import { boundUrl, listen } from '../http/serve.ts';
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

export type TestServerOptions = Omit<AppOptions, 'db' | 'logger'> & { logger?: Logger };

/** The app as `npm start` serves it (same HTTP server set-up), on a free port of 127.0.0.1. */
export async function startTestServer(db: Database, options: TestServerOptions = {}): Promise<TestServer> {
  const logger = options.logger ?? silentLogger;
  const app = createApp({ ...options, db, logger });
  const server = await listen(app.app, { port: 0, host: '127.0.0.1', logger });
  return {
    url: boundUrl(server),
    app,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }).then(() => app.stop()),
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
export function useCuratedServer(options: TestServerOptions = {}): CuratedServer {
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

// `npm start`: build the web app if needed, start (or reach) Neo4j, apply the schema, seed the
// curated dataset when absent, serve API + app, and stop everything it started on a signal.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CURATED_DATASET } from '../domain/ids.ts';
import { loadDataset } from './db/load.ts';
import { readSeedDataset } from '../seed/read.ts';
import { createApp, type App } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { boundUrl, listen } from './http/serve.ts';
import { removeStaleStaging } from './import/write.ts';
import { ensureBuiltinStories } from './stories/store.ts';
import { ManagedNeo4jError } from './neo4j/managed.ts';
import { connect, createLogger, StartupError, type Connection } from './runtime.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// WEB_DIST_DIR (relative to the repository) moves the build, so that two test runs side by side
// do not rebuild one folder under each other's server; vite.config.ts reads the same variable.
const WEB_DIST = path.resolve(ROOT, process.env.WEB_DIST_DIR || path.join('dist', 'web'));
const CURATED_DIR = path.join(ROOT, 'seed', 'laoshan');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the web app when there is no build or the sources are newer than it. */
function buildWebIfNeeded(log: (m: string) => void): void {
  const index = path.join(WEB_DIST, 'index.html');
  const sourcesNewest = Math.max(newestMtime(path.join(ROOT, 'web')), newestMtime(path.join(ROOT, 'seed')));
  if (existsSync(index) && statSync(index).mtimeMs >= sourcesNewest) return;
  log('building the web app (vite build)…');
  const build = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('the web build failed (see above)');
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  if (process.env.SKIP_WEB_BUILD !== '1') buildWebIfNeeded((m) => logger.info(m));

  // What has been started so far, for the signal handler to stop in reverse order.
  const started: { connection?: Connection; app?: App; server?: Server } = {};
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    started.app?.startDraining();
    logger.info(`${signal}: shutting down`);
    const forced = setTimeout(() => process.exit(1), 40_000);
    forced.unref();
    const { server, connection } = started;
    if (server) {
      // Drain: stop accepting, let in-flight requests finish, then close idle keep-alives.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 10_000))]);
      server.closeAllConnections();
    }
    await started.app?.stop();
    await connection?.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // A test harness that starts the server sets EXIT_WITH_PARENT: if the harness is killed
  // outright, the server stops too instead of living on against a test database (an orphan
  // that kept retrying an old password locked the next run's Neo4j user out).
  if (process.env.EXIT_WITH_PARENT === '1') {
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) void stop('parent process gone');
    }, 1_000).unref();
  }

  const connection = await connect(config, logger, { supervise: true });
  started.connection = connection;
  if (stopping) return;
  const { db } = connection;
  await db.applySchema();
  // What killed imports left behind under their staged keys (never what a live writer stages).
  const stale = await removeStaleStaging(db);
  if (stale.length > 0) logger.info(`removed ${stale.length} staged import(s) left by stopped processes`);
  const created = createApp({
    db,
    logger,
    webRoot: WEB_DIST,
    corsOrigin: config.corsOrigin,
    adminToken: config.adminToken,
    rateLimitPerMinute: config.rateLimitPerMinute,
    trustProxy: config.trustProxy,
  });
  started.app = created;
  const { app, datasets } = created;
  const existing = await datasets.list();
  const seeded = !existing.some((d) => d.name === CURATED_DATASET);
  if (seeded) {
    // Its built-in stories are written with it.
    const summary = await loadDataset(db, readSeedDataset(CURATED_DIR, ROOT));
    datasets.invalidate();
    logger.info(`loaded the curated dataset: ${summary.nodes} nodes, ${summary.relations} relations`);
  }
  if (stopping) return;
  const server = await listen(app, { port: config.port, host: config.host, logger });
  started.server = server;
  const url = boundUrl(server);
  logger.info(`serving on ${url} — ${connection.describe}`);
  console.log(`\n  Laoshan innovation explorer: ${url}\n  (Ctrl-C stops the server and the Neo4j it started)\n`);
  if (!seeded) void updateBuiltinStories(connection, logger);
}

/**
 * A store seeded before a built-in story was added or changed gets it now. After the server
 * listens, so that the start is not slowed by reading the seed; equal stories are not written.
 */
async function updateBuiltinStories(connection: Connection, logger: Logger): Promise<void> {
  try {
    const curated = readSeedDataset(CURATED_DIR, ROOT);
    const changed = await ensureBuiltinStories(connection.db, curated.dataset.name, curated.stories ?? []);
    if (changed > 0) logger.info(`built-in stories of the curated dataset: ${changed} written or removed`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn(`the built-in stories could not be updated (the next start tries again): ${reason}`);
  }
}

main().catch(async (error: unknown) => {
  const known = error instanceof ConfigError || error instanceof ManagedNeo4jError || error instanceof StartupError;
  console.error(known ? `cannot start: ${(error as Error).message}` : error);
  process.exit(1);
});

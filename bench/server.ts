// Starts a server for a benchmark the way users (and the end-to-end tests) run it
// (`server/main.ts`), on its own ports and store under .data-bench/, reads its memory from /proc
// and seeds its managed Neo4j with the seed CLI.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * --quick: the one server every benchmark that needs a bench server shares, so that a quick run
 * starts a server and its Neo4j once instead of six times. Its store holds the curated map and
 * synthetic-1000 only (seeded by the first quick run, then kept): the load test's mix answered
 * 4× slower from the analytics store's 1.3 GB, and reading that store is what the full run measures.
 * EXIT_WITH_PARENT: it lives across benchmarks, and must not outlive the run.
 */
export const QUICK_SERVER: BenchServerOptions = {
  port: 8098,
  boltPort: 7690,
  dataDir: '.data-bench/quick',
  env: { RATE_LIMIT_PER_MINUTE: '0', EXIT_WITH_PARENT: '1' },
};

export interface BenchServerOptions {
  /** HTTP port of the server. */
  port: number;
  /** The server's DATA_DIR, relative to the repository (default `.data-bench`). */
  dataDir?: string;
  /** Bolt port of its managed Neo4j (default 7693). */
  boltPort?: number;
  /** More environment for the server. */
  env?: Record<string, string>;
}

export interface BenchServer {
  url: string;
  /** Its store and Bolt port, for a driver of the benchmark's own (bench/driver.ts). */
  dataDir: string;
  boltPort: number;
  child: ChildProcess;
  rssKb(): number;
  /** Runs `npm run seed -- <args>` against this server's Neo4j. */
  seed(args: string[]): void;
  stop(): Promise<void>;
}

export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  const { port, dataDir = '.data-bench', boltPort = 7693, env = {} } = options;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      NEO4J_BOLT_PORT: String(boltPort),
      NEO4J_URI: '',
      LOG_LEVEL: 'warn',
      SKIP_WEB_BUILD: '1',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error('the server did not become healthy');
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    dataDir,
    boltPort,
    child,
    rssKb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0),
    seed: (args) => {
      const password = readFileSync(path.join(ROOT, dataDir, 'neo4j', 'password'), 'utf8').trim();
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/seed.ts', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          NEO4J_URI: `bolt://127.0.0.1:${boltPort}`,
          NEO4J_USER: 'neo4j',
          NEO4J_PASSWORD: password,
          LOG_LEVEL: 'warn',
        },
      });
      if (run.status !== 0) throw new Error(`seed ${args.join(' ')} failed:\n${run.stderr}`);
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** --quick's shared server, once the first benchmark asked for it. */
let quickServer: Promise<BenchServer> | undefined;

/**
 * The server a benchmark runs against: its own, started now (a full run: each benchmark on its
 * own store, ports and memory settings), or with --quick the run's shared one (QUICK_SERVER),
 * started by the first benchmark that asks. The shared server's `stop()` does nothing: it is
 * stopped by stopSharedBenchServer at the end of the run.
 */
export async function benchServer(quick: boolean, own: BenchServerOptions): Promise<BenchServer> {
  if (!quick) return startBenchServer(own);
  quickServer ??= startBenchServer(QUICK_SERVER);
  const server = await quickServer;
  await untilAnswering(server.url);
  return { ...server, stop: async () => {} };
}

/**
 * Waits until health answers 200: a benchmark before may have left requests in flight (the load
 * test's 100 connections end with their last requests unanswered), which hold every pooled
 * connection to Neo4j for a while, and the server answers 503 "busy" meanwhile.
 */
async function untilAnswering(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await fetch(`${url}/api/health`).catch(() => undefined);
    await response?.arrayBuffer();
    if (response?.ok) return;
    if (Date.now() > deadline) throw new Error(`${url}/api/health did not answer 200 within a minute`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Stops --quick's shared server, if one was started (one that failed to start has nothing to stop). */
export async function stopSharedBenchServer(): Promise<void> {
  const server = quickServer;
  quickServer = undefined;
  await (await server?.catch(() => undefined))?.stop();
}

/** Seeds the synthetic dataset of `nodes` nodes (default seed) unless the store already holds it. */
export async function ensureSynthetic(server: BenchServer, nodes: number): Promise<string> {
  const name = `synthetic-${nodes}`;
  const list = () => fetch(`${server.url}/api/datasets`).catch(() => fetch(`${server.url}/api/datasets`));
  const response = await list();
  if (!response.ok) throw new Error(`GET /api/datasets answered ${response.status}: ${await response.text()}`);
  const listed = (await response.json()) as { datasets: { name: string }[] };
  if (!listed.datasets.some((d) => d.name === name)) server.seed(['--synthetic', String(nodes)]);
  return name;
}

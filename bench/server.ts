// Starts a server for a benchmark the way users (and the end-to-end tests) run it
// (`server/main.ts`), on its own ports and store under .data-bench/, reads its memory from /proc
// and seeds its managed Neo4j with the seed CLI.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

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

// `npm start` to ready, cold and warm, beside its floor measured in the same run: the managed
// Neo4j alone on a store of its own (what no start can beat), started the same way.
//   cold  a new DATA_DIR: the store is created, the schema applied, the curated dataset loaded
//   warm  the same DATA_DIR again (the state after a first start)
// Ready means what a user waits for: /api/health answers 200 and the curated graph is served.
// The web build is not part of it (`npm start` builds only when web/ changed; its time is in
// the table when not --quick). Stores under .data-bench/start-*, removed before each cold run.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ManagedNeo4j } from '../server/neo4j/managed.ts';
import { ROOT } from './server.ts';

const PORT = 8171;
const APP_BOLT = 7695;
const FLOOR_BOLT = 7692;

export interface StartRun {
  run: string;
  /** Milliseconds from spawn to /api/health 200 (the floor: to Bolt answering). */
  healthMs: number;
  /** Milliseconds from spawn to the curated graph served (the floor: the same as healthMs). */
  readyMs: number;
}

async function poll(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready in time`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One `npm start` (as `node --import tsx server/main.ts`, what the script runs) until ready, then SIGTERM. */
async function startApp(run: string, dataDir: string): Promise<StartRun> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      DATA_DIR: dataDir,
      NEO4J_BOLT_PORT: String(APP_BOLT),
      NEO4J_URI: '',
      LOG_LEVEL: 'warn',
      SKIP_WEB_BUILD: '1',
      EXIT_WITH_PARENT: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const url = `http://127.0.0.1:${PORT}`;
    const deadline = Date.now() + 240_000;
    await poll(`${url}/api/health`, deadline);
    const healthMs = performance.now() - started;
    await poll(`${url}/api/graph?dataset=laoshan`, deadline);
    return { run, healthMs: Math.round(healthMs), readyMs: Math.round(performance.now() - started) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** The floor: the managed Neo4j alone, from spawn to Bolt answering, then stopped. */
async function startNeo4j(run: string, dataDir: string): Promise<StartRun> {
  const neo4j = new ManagedNeo4j({ dataDir: path.join(ROOT, dataDir), boltPort: FLOOR_BOLT });
  const started = performance.now();
  await neo4j.start({ attached: true, timeoutMs: 180_000 });
  const ms = Math.round(performance.now() - started);
  await neo4j.stop();
  return { run, healthMs: ms, readyMs: ms };
}

function webBuildMs(): number {
  const started = performance.now();
  const build = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
    cwd: ROOT,
    env: { ...process.env, WEB_DIST_DIR: 'dist/web-bench-start' },
    stdio: 'ignore',
  });
  if (build.status !== 0) throw new Error('vite build failed');
  rmSync(path.join(ROOT, 'dist', 'web-bench-start'), { recursive: true, force: true });
  return Math.round(performance.now() - started);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function startBenchmark(quick: boolean) {
  const warmRuns = quick ? 1 : 3;
  const appDir = '.data-bench/start-app';
  const floorDir = '.data-bench/start-neo4j';
  for (const dir of [appDir, floorDir]) rmSync(path.join(ROOT, dir), { recursive: true, force: true });
  const runs: StartRun[] = [await startNeo4j('floor: Neo4j alone, cold', floorDir)];
  runs.push(await startApp('npm start, cold', appDir));
  const warmFloor: number[] = [];
  const warmApp: number[] = [];
  for (let i = 0; i < warmRuns; i++) {
    const floor = await startNeo4j(`floor: Neo4j alone, warm ${i + 1}`, floorDir);
    const app = await startApp(`npm start, warm ${i + 1}`, appDir);
    runs.push(floor, app);
    warmFloor.push(floor.readyMs);
    warmApp.push(app.readyMs);
  }
  const cold = { app: runs[1]!.readyMs, floor: runs[0]!.readyMs };
  const warm = { app: median(warmApp), floor: median(warmFloor) };
  return {
    runs,
    webBuildMs: quick ? null : webBuildMs(),
    cold: { ...cold, ratio: Math.round((cold.app / cold.floor) * 100) / 100 },
    warm: { ...warm, ratio: Math.round((warm.app / warm.floor) * 100) / 100 },
  };
}

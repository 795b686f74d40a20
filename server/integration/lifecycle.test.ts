// `npm start` as a user runs it: it starts and owns a Neo4j, serves, and leaves no process
// behind on Ctrl-C or even when it is killed; with NEO4J_URI it starts no Neo4j at all.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { getJson } from './helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, SKIP_WEB_BUILD: '1', EXIT_WITH_PARENT: '1', LOG_LEVEL: 'warn', NEO4J_URI: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await getJson(`${url}/api/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no healthy server after ${timeoutMs} ms:\n${output}`);
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

function jvmPid(dataDir: string): number {
  return (JSON.parse(readFileSync(path.join(dataDir, 'neo4j', 'run', 'managed.pid.json'), 'utf8')) as { pid: number })
    .pid;
}

/** Neo4j servers running on a store under `dataDir` (other runs' servers do not count). */
function neo4jServersOn(dataDir: string): number {
  const out = spawnSync('pgrep', ['-c', '-f', `CommunityEntryPoint --home-dir=${dataDir}`], {
    encoding: 'utf8',
  }).stdout.trim();
  return Number(out || '0');
}

describe('npm start', () => {
  it('serves the curated network, and Ctrl-C stops the Neo4j it started', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'start-'));
    const child = startServer({ DATA_DIR: dataDir, NEO4J_BOLT_PORT: '7695', PORT: '8095' });
    await waitForHealth('http://127.0.0.1:8095', child);
    const graph = await getJson('http://127.0.0.1:8095/api/graph');
    expect(graph.body.nodes.length).toBeGreaterThan(5);
    const pid = jvmPid(dataDir);
    expect(alive(pid)).toBe(true);
    child.kill('SIGINT');
    expect(await exited(child)).toBe(0);
    expect(await gone(pid, 5_000), 'the JVM is gone after Ctrl-C').toBe(true);
  });

  it('leaves no orphaned JVM even when it is killed outright', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'start-'));
    const child = startServer({ DATA_DIR: dataDir, NEO4J_BOLT_PORT: '7695', PORT: '8095' });
    await waitForHealth('http://127.0.0.1:8095', child);
    const pid = jvmPid(dataDir);
    child.kill('SIGKILL');
    await exited(child);
    expect(await gone(pid, 15_000), 'the watchdog ends the JVM').toBe(true);
  });

  it('with NEO4J_URI uses that server and starts none', async () => {
    const credentials = inject('neo4j');
    const dataDir = mkdtempSync(path.join(tmpdir(), 'external-'));
    const child = startServer({
      DATA_DIR: dataDir,
      PORT: '8094',
      NEO4J_URI: credentials.uri,
      NEO4J_USER: credentials.user,
      NEO4J_PASSWORD: credentials.password,
    });
    try {
      await waitForHealth('http://127.0.0.1:8094', child);
      expect(neo4jServersOn(dataDir)).toBe(0);
      expect(existsSync(path.join(dataDir, 'neo4j'))).toBe(false);
      expect((await getJson('http://127.0.0.1:8094/api/graph')).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
    }
  });
});

// `npm start` owns its Neo4j: when the JVM dies (killed outright), the server restarts it with
// backoff, logs it, and answers again by itself.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getJson } from './helpers.ts';
import { logLines, ROOT, startServerProcess, type ServerProcess } from './process.ts';

const DATA_DIR = path.join(ROOT, '.data-test', 'supervise');
const PID_FILE = path.join(DATA_DIR, 'neo4j', 'run', 'managed.pid.json');
let server: ServerProcess | undefined;

const jvmPid = () => (JSON.parse(readFileSync(PID_FILE, 'utf8')) as { pid: number }).pid;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterAll(async () => {
  await server?.stop('SIGKILL'); // the watchdog ends whatever JVM is left
});

describe('a managed Neo4j that dies under npm start', () => {
  it('is restarted, logged, and the API answers 200 again within 30 s', async () => {
    rmSync(DATA_DIR, { recursive: true, force: true });
    server = await startServerProcess({
      DATA_DIR,
      NEO4J_BOLT_PORT: '7699',
      NEO4J_HEAP: '512m',
      NEO4J_PAGECACHE: '64m',
    });
    expect((await getJson(`${server.url}/api/graph`)).status).toBe(200);
    const first = jvmPid();
    process.kill(first, 'SIGKILL');
    const killedAt = performance.now();

    // A client that honours Retry-After (capped at 5 s), until the API answers 200 again.
    let recoveredMs: number | undefined;
    const statuses = new Set<number>();
    while (performance.now() - killedAt < 30_000) {
      const { status, headers } = await getJson(`${server.url}/api/graph`, { signal: AbortSignal.timeout(10_000) });
      statuses.add(status);
      if (status === 200 && !alive(first)) {
        recoveredMs = performance.now() - killedAt;
        break;
      }
      const retryAfter = Number(headers.get('retry-after') ?? '0');
      await new Promise((r) => setTimeout(r, status === 503 ? Math.min(retryAfter, 5) * 1_000 : 200));
    }
    expect(recoveredMs, `answered 200 again within 30 s (saw ${[...statuses].join(', ')})`).toBeDefined();
    expect([...statuses].every((s) => s === 200 || s === 503)).toBe(true);
    // A new JVM serves, and the death and the restart were logged.
    const second = jvmPid();
    expect(second).not.toBe(first);
    expect(alive(second)).toBe(true);
    const messages = logLines(server.output()).map((l) => `${l.level} ${String(l.msg)}`);
    expect(messages).toContainEqual(
      expect.stringMatching(
        new RegExp(`^40 Neo4j \\(pid ${first}\\) exited unexpectedly \\(killed by SIGKILL\\); restarting it in 1 s`),
      ),
    );
    expect(messages).toContainEqual(expect.stringMatching(/^40 Neo4j restarted on bolt:\/\/127\.0\.0\.1:7699/));
    console.log(`JVM killed: the API answered 200 again after ${((recoveredMs ?? 0) / 1000).toFixed(1)} s`);

    // Ctrl-C still stops everything, the restarted JVM included.
    expect(await server.stop('SIGINT')).toBe(0);
    server = undefined;
    const deadline = Date.now() + 15_000;
    while (alive(second) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(alive(second), 'the restarted JVM is gone after Ctrl-C').toBe(false);
  }, 240_000);
});

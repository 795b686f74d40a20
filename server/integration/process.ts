// The server in its own process, as `npm start` runs it (server/main.ts), for tests that need
// what only a process has: its own Neo4j supervision, signals, start-up errors, its log output.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr. */
  output(): string;
  /** Resolves with the first output line matching `pattern`, waiting up to `timeoutMs`. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Spawns server/main.ts with `env` over safe defaults (any free port, no web build). */
export function spawnServer(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      SKIP_WEB_BUILD: '1',
      EXIT_WITH_PARENT: '1',
      NEO4J_URI: '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  return { child, output: () => text };
}

async function waitFor(
  pattern: RegExp,
  output: () => string,
  child: ChildProcess,
  timeoutMs: number,
  from = 0,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = output()
      .slice(from)
      .split('\n')
      .find((l) => pattern.test(l));
    if (line !== undefined) return line;
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before ${pattern}:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} after ${timeoutMs} ms:\n${output().slice(-3_000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts the server process and waits until it serves (its printed address). */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 180_000): Promise<ServerProcess> {
  const { child, output } = spawnServer(env);
  try {
    const line = await waitFor(/Laoshan innovation explorer: http:\/\/\S+/, output, child, timeoutMs);
    const url = /(http:\/\/\S+)/.exec(line)?.[1] as string;
    return {
      url,
      child,
      output,
      waitForOutput: (pattern, ms = 30_000) => waitFor(pattern, output, child, ms),
      stop: async (signal = 'SIGTERM') => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        return exited(child);
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

/** JSON log lines of a server's output (other lines skipped). */
export function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

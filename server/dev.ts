// `npm run dev`: the Vite dev server plus the API in watch mode. Neo4j is started once, on its
// own, so that the API can restart on every change without restarting the database.
import { spawn, type ChildProcess } from 'node:child_process';
import { loadConfig } from './config.ts';
import type { ManagedNeo4j } from './neo4j/managed.ts';
import { managedNeo4j } from './runtime.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  let startedNeo4j: ManagedNeo4j | undefined;
  if (!config.neo4j.uri) {
    const managed = managedNeo4j(config, console.log);
    if (!managed.running()) {
      await managed.start({ attached: false });
      startedNeo4j = managed;
    }
  }
  const children: ChildProcess[] = [
    spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/main.ts'], {
      stdio: 'inherit',
      env: { ...process.env, SKIP_WEB_BUILD: '1' },
    }),
    spawn(process.execPath, ['node_modules/vite/bin/vite.js'], { stdio: 'inherit' }),
  ];
  const stop = async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode !== null ? undefined : new Promise((r) => c.once('exit', r)))));
    await startedNeo4j?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

// Starts a managed Neo4j for the integration tests on its own port and a fresh store under
// .data-test/, never the data of `npm start`; stops it afterwards.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ManagedNeo4j, type Neo4jCredentials } from '../neo4j/managed.ts';

/** INTEGRATION_BOLT_PORT and INTEGRATION_DATA_DIR move it when another run holds the port or store. */
export const INTEGRATION_BOLT_PORT = Number(process.env.INTEGRATION_BOLT_PORT ?? 7697);
const INTEGRATION_DATA_DIR = process.env.INTEGRATION_DATA_DIR ?? '.data-test/integration';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jCredentials;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = path.resolve(INTEGRATION_DATA_DIR);
  rmSync(dataDir, { recursive: true, force: true });
  const managed = new ManagedNeo4j({
    dataDir,
    boltPort: INTEGRATION_BOLT_PORT,
    heap: '512m',
    pageCache: '128m',
    transactionTimeout: '30s',
  });
  const credentials = await managed.start({ attached: true });
  project.provide('neo4j', credentials);
  return async () => {
    await managed.stop();
  };
}

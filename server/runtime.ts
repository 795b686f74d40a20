// Connects a process to its Neo4j: the one NEO4J_URI names, or the managed local server
// (reused when `npm run db:start` already runs it, started and owned otherwise).
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';
import { Database } from './db/database.ts';
import { ManagedNeo4j } from './neo4j/managed.ts';

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}

/** The managed local Neo4j that this configuration names (its store, port and memory). */
export function managedNeo4j(config: Config, log: (message: string) => void): ManagedNeo4j {
  return new ManagedNeo4j({
    dataDir: config.dataDir,
    boltPort: config.neo4j.boltPort,
    heap: config.neo4j.heap,
    pageCache: config.neo4j.pageCache,
    log,
  });
}

export interface Connection {
  db: Database;
  /** Set when this process started the managed server and must stop it. */
  owned: ManagedNeo4j | undefined;
  describe: string;
  close(): Promise<void>;
}

export async function connect(config: Config, logger: Logger): Promise<Connection> {
  const dbOptions = { database: config.neo4j.database, queryTimeoutMs: config.queryTimeoutMs, logger };
  if (config.neo4j.uri) {
    const db = new Database({
      ...dbOptions,
      uri: config.neo4j.uri,
      user: config.neo4j.user,
      password: config.neo4j.password,
    });
    return { db, owned: undefined, describe: `Neo4j at ${config.neo4j.uri}`, close: () => db.close() };
  }
  const managed = managedNeo4j(config, (message) => logger.info(message));
  const already = managed.running();
  const credentials = already ? managed.credentials() : await managed.start({ attached: true });
  if (already) logger.info(`using the managed Neo4j already running (pid ${already.pid})`);
  const db = new Database({ ...dbOptions, ...credentials });
  return {
    db,
    owned: already ? undefined : managed,
    describe: `managed Neo4j at ${credentials.uri} (store ${managed.home})`,
    close: async () => {
      await db.close();
      if (!already) await managed.stop();
    },
  };
}

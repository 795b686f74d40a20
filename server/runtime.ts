// Connects a process to its Neo4j: the one NEO4J_URI names, or the managed local server
// (reused when `npm run db:start` already runs it, started and owned otherwise), and checks at
// start-up that it answers with these credentials.
import { pino, type DestinationStream, type Logger } from 'pino';
import { loadConfig, type Config } from './config.ts';
import { Database, isAuthFailure, isUnavailable } from './db/database.ts';
import { ManagedNeo4j } from './neo4j/managed.ts';

/** Secrets that never reach a log line, wherever they sit in what is logged. */
export const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  'password',
  '*.password',
];

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** A start-up problem the user can fix (credentials, address): its message is the whole story. */
export class StartupError extends Error {
  override name = 'StartupError';
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
  describe: string;
  close(): Promise<void>;
}

/** How long start-up waits for an unreachable Neo4j (e.g. a container starting beside it). */
const STARTUP_WAIT_MS = 30_000;

/**
 * Runs a real query with the configured credentials. A wrong user or password fails at once
 * with a message naming the variables to fix (retrying would only trip Neo4j's lock-out after a
 * few failed logins); an unreachable server is waited for, then reported as such.
 */
async function checkNeo4j(
  db: Database,
  where: string,
  credentialsHint: string,
  logger: Logger,
  waitMs = STARTUP_WAIT_MS,
): Promise<void> {
  const deadline = Date.now() + waitMs;
  let waiting = false;
  for (;;) {
    try {
      await db.verify();
      return;
    } catch (error) {
      const said = error instanceof Error ? error.message.split('\n')[0] : String(error);
      if (isAuthFailure(error)) {
        throw new StartupError(`Neo4j at ${where} refused the credentials: ${credentialsHint} (Neo4j said: ${said})`);
      }
      if ((error as { code?: unknown }).code === 'Neo.ClientError.Database.DatabaseNotFound') {
        throw new StartupError(`Neo4j at ${where} has no such database: check NEO4J_DATABASE (Neo4j said: ${said})`);
      }
      if (!isUnavailable(error) && !(error instanceof Error && /did not answer within/.test(error.message))) {
        throw new StartupError(`Neo4j at ${where} failed the start-up check: ${said}`);
      }
      if (Date.now() >= deadline) {
        throw new StartupError(`Neo4j at ${where} is unreachable after ${waitMs / 1000} s: ${said}`);
      }
      if (!waiting) logger.warn(`waiting for Neo4j at ${where} (${said})`);
      waiting = true;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

export interface ConnectOptions {
  /** Restart a managed Neo4j that this process started when its JVM dies (npm start). */
  supervise?: boolean;
}

export async function connect(config: Config, logger: Logger, options: ConnectOptions = {}): Promise<Connection> {
  const dbOptions = { database: config.neo4j.database, queryTimeoutMs: config.queryTimeoutMs, logger };
  if (config.neo4j.uri) {
    const db = new Database({
      ...dbOptions,
      uri: config.neo4j.uri,
      user: config.neo4j.user,
      password: config.neo4j.password,
    });
    try {
      await checkNeo4j(
        db,
        config.neo4j.uri,
        `check NEO4J_USER ("${config.neo4j.user}") and NEO4J_PASSWORD (${config.neo4j.password ? 'set' : 'not set'})`,
        logger,
      );
    } catch (error) {
      await db.close();
      throw error;
    }
    return { db, describe: `Neo4j at ${config.neo4j.uri}`, close: () => db.close() };
  }
  const managed = managedNeo4j(config, (message) => logger.info(message));
  const already = managed.running();
  const credentials = already ? managed.credentials() : await managed.start({ attached: true });
  if (already) logger.info(`using the managed Neo4j already running (pid ${already.pid})`);
  else if (options.supervise) managed.supervise((message) => logger.warn(message));
  const db = new Database({ ...dbOptions, ...credentials });
  const close = async () => {
    await db.close();
    if (!already) await managed.stop();
  };
  try {
    await checkNeo4j(
      db,
      credentials.uri,
      `the password in ${managed.home}/password does not open this store (it is set when the store is created)`,
      logger,
    );
  } catch (error) {
    await close();
    throw error;
  }
  return { db, describe: `managed Neo4j at ${credentials.uri} (store ${managed.home})`, close };
}

/**
 * A command's session with the database (the CLIs): connects the way the server does (quieter
 * logs unless LOG_LEVEL asks for more), runs `work`, and always closes — stopping the managed
 * Neo4j it may have started.
 */
export async function withDatabase<T>(work: (connection: Connection, logger: Logger) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const connection = await connect(config, logger);
  try {
    return await work(connection, logger);
  } finally {
    await connection.close();
  }
}

/**
 * Runs a command's main and exits with its code; a thrown error is printed (its message, never
 * a stack) by `report`, which answers the exit code (1 unless it says otherwise).
 */
export function runCommand(
  main: () => Promise<number>,
  report: (error: unknown) => number = (error) => {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  },
): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => process.exit(report(error)),
  );
}

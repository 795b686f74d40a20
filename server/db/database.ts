// The one owner of the neo4j driver in a process. Reads run in read transactions with a
// timeout; writes in write transactions. Driver failures become ApiErrors (503 + Retry-After)
// so that a lost database never surfaces as a 500 or a hanging socket.
import neo4j, { type Driver, Neo4jError, type ManagedTransaction, type RecordShape } from 'neo4j-driver';
import type { Logger } from 'pino';
import { ApiError } from '../errors.ts';
import { loadQueryCatalog, loadScript, type QueryCatalog, type QueryName } from './queries.ts';

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string | undefined;
  database: string;
  queryTimeoutMs: number;
  logger: Logger;
}

/** Seconds a client should wait before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 2;

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  return UNAVAILABLE_CODES.has(error.code) || error.code.startsWith('Neo.ClientError.Security.AuthenticationRateLimit');
}

/** Maps a driver error onto the API's error vocabulary; anything else is rethrown untouched. */
export function toApiError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (isUnavailable(error)) {
    return new ApiError(503, 'database_unavailable', 'the graph database is unreachable; retry shortly', undefined, {
      'Retry-After': String(RETRY_AFTER_SECONDS),
    });
  }
  if (
    error.code === 'Neo.ClientError.Transaction.TransactionTimedOut' ||
    error.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'
  ) {
    return new ApiError(503, 'query_timeout', 'the query took too long; narrow it (types, limit, depth)', undefined, {
      'Retry-After': String(RETRY_AFTER_SECONDS),
    });
  }
  return error;
}

export type Row = Record<string, unknown>;

export class Database {
  readonly driver: Driver;
  private readonly queries: QueryCatalog;

  constructor(private readonly opts: DatabaseOptions) {
    this.queries = loadQueryCatalog();
    this.driver = neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password ?? ''), {
      disableLosslessIntegers: true,
      // Fail fast while the server is down: no request waits long for a connection.
      connectionTimeout: 1_500,
      connectionAcquisitionTimeout: 2_000,
      maxTransactionRetryTime: 800,
      maxConnectionPoolSize: 50,
      logging: {
        level: 'warn',
        logger: (level, message) => opts.logger[level === 'error' ? 'error' : 'warn']({ neo4j: true }, message),
      },
      userAgent: 'laoshan-innovation-explorer',
    });
  }

  get databaseName(): string {
    return this.opts.database;
  }

  text(name: QueryName): string {
    return this.queries[name];
  }

  /** One named query in a read transaction; rows as plain objects. */
  async read(name: QueryName, params: Row = {}): Promise<Row[]> {
    return this.readTx((tx) => this.runIn(tx, name, params));
  }

  /** Several reads that must see one snapshot. */
  async readTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work, { timeout: this.opts.queryTimeoutMs });
    } catch (error) {
      throw toApiError(error);
    } finally {
      await session.close();
    }
  }

  async writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs = 300_000): Promise<T> {
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work, { timeout: timeoutMs });
    } catch (error) {
      throw toApiError(error);
    } finally {
      await session.close();
    }
  }

  async runIn(tx: ManagedTransaction, name: QueryName, params: Row = {}): Promise<Row[]> {
    const result = await tx.run<RecordShape>(this.queries[name], params);
    return result.records.map((r) => r.toObject() as Row);
  }

  /** Constraints and indexes; idempotent, waits until the indexes are online. */
  async applySchema(): Promise<void> {
    const session = this.driver.session({ database: this.opts.database });
    try {
      for (const statement of loadScript('schema')) await session.run(statement);
    } catch (error) {
      throw toApiError(error);
    } finally {
      await session.close();
    }
  }

  async health(): Promise<{ version: string; edition: string }> {
    const [row] = await this.read('health');
    return { version: String(row?.version ?? 'unknown'), edition: String(row?.edition ?? 'unknown') };
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

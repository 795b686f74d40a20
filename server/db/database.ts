// The one owner of the neo4j driver in a process. Reads run in read transactions with a
// timeout; writes in write transactions. Driver failures become ApiErrors (503 + Retry-After)
// so that a lost database never surfaces as a 500 or a hanging socket.
import { createHash } from 'node:crypto';
import neo4j, { type Driver, Neo4jError, type RecordShape, type Session, type Transaction } from 'neo4j-driver';
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
  if (error.message.startsWith('Connection acquisition timed out')) {
    // Every pooled connection is busy: the server is overloaded, not the database lost.
    return new ApiError(503, 'busy', 'the server is busy; retry shortly', undefined, {
      'Retry-After': String(RETRY_AFTER_SECONDS),
    });
  }
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

/** What a unit of work may do inside a transaction: run statements. */
export type Tx = Pick<Transaction, 'run'>;

/** How often a lost database is probed; recovery is noticed within this interval. */
export const PROBE_INTERVAL_MS = 500;

function unavailableError(): ApiError {
  return new ApiError(503, 'database_unavailable', 'the graph database is unreachable; retry shortly', undefined, {
    'Retry-After': String(RETRY_AFTER_SECONDS),
  });
}

export class Database {
  readonly driver: Driver;
  private readonly queries: QueryCatalog;
  /**
   * Set while Neo4j is known to be unreachable: requests then fail at once with a 503 instead
   * of each waiting on connection attempts, and a probe clears it when the server is back.
   */
  private unavailable = false;
  private probe: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(private readonly opts: DatabaseOptions) {
    this.queries = loadQueryCatalog();
    this.driver = neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password ?? ''), {
      disableLosslessIntegers: true,
      // Fail fast while the server is down: no request waits long for a connection.
      connectionTimeout: 1_500,
      // Under load, requests queue for a connection rather than fail; an unreachable server
      // fails at connect time (connectionTimeout), not here.
      connectionAcquisitionTimeout: 20_000,
      // No driver retries: its first retry waits about a second, and an unreachable server is
      // handled by the availability gate below (503 at once, probe until it is back).
      maxTransactionRetryTime: 0,
      maxConnectionPoolSize: 100,
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
  async readTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.inSession(neo4j.session.READ, (session) => inTransaction(session, work, this.opts.queryTimeoutMs));
  }

  async writeTx<T>(work: (tx: Tx) => Promise<T>, timeoutMs = 300_000): Promise<T> {
    return this.inSession(neo4j.session.WRITE, (session) => inTransaction(session, work, timeoutMs));
  }

  get available(): boolean {
    return !this.unavailable;
  }

  private async inSession<T>(mode: 'READ' | 'WRITE', run: (session: Session) => Promise<T>): Promise<T> {
    if (this.unavailable) throw unavailableError();
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: mode });
    try {
      return await run(session);
    } catch (error) {
      if (isUnavailable(error)) this.markUnavailable();
      throw toApiError(error);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  private markUnavailable(): void {
    if (this.unavailable || this.closed) return;
    this.unavailable = true;
    this.opts.logger.warn('Neo4j is unreachable; answering 503 until it is back');
    const check = async () => {
      this.probe = undefined;
      if (this.closed) return;
      try {
        await this.driver.verifyConnectivity({ database: this.opts.database });
        this.unavailable = false;
        this.opts.logger.info('Neo4j is reachable again');
      } catch {
        this.probe = setTimeout(() => void check(), PROBE_INTERVAL_MS);
      }
    };
    this.probe = setTimeout(() => void check(), PROBE_INTERVAL_MS);
  }

  async runIn(tx: Tx, name: QueryName, params: Row = {}): Promise<Row[]> {
    const result = await tx.run<RecordShape>(this.queries[name], params);
    return result.records.map((r) => r.toObject() as Row);
  }

  /** Constraints and indexes; idempotent, waits until the indexes are online. */
  async applySchema(): Promise<void> {
    await this.inSession(neo4j.session.WRITE, async (session) => {
      // Schema commands run in auto-commit transactions (they cannot share one).
      for (const statement of loadScript('schema')) await session.run(statement);
    });
  }

  async health(): Promise<{ version: string; edition: string }> {
    const [row] = await this.read('health');
    return { version: String(row?.version ?? 'unknown'), edition: String(row?.edition ?? 'unknown') };
  }

  /** A digest of every node, relation and property: equal digests mean an unchanged database. */
  async checksum(): Promise<{ nodes: number; relations: number; digest: string }> {
    const { nodes, relations } = await this.readTx(async (tx) => ({
      nodes: await this.runIn(tx, 'snapshot-nodes'),
      relations: await this.runIn(tx, 'snapshot-relations'),
    }));
    const canonical = (rows: Row[]) => rows.map((r) => stableStringify(r)).sort();
    const digest = createHash('sha256')
      .update(JSON.stringify([canonical(nodes), canonical(relations)]))
      .digest('hex');
    return { nodes: nodes.length, relations: relations.length, digest };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.probe !== undefined) clearTimeout(this.probe);
    await this.driver.close();
  }
}

/**
 * An explicit transaction, committed when the work succeeds and rolled back otherwise. The
 * driver's managed transactions would retry an unreachable server after about a second; here
 * nothing is retried behind the caller's back (the availability gate answers 503 at once).
 */
async function inTransaction<T>(session: Session, work: (tx: Tx) => Promise<T>, timeoutMs: number): Promise<T> {
  const tx = await session.beginTransaction({ timeout: timeoutMs });
  try {
    const result = await work(tx);
    await tx.commit();
    return result;
  } catch (error) {
    if (tx.isOpen()) await tx.rollback().catch(() => undefined);
    throw error;
  }
}

/** JSON with object keys sorted, so that equal values give equal text. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Row).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

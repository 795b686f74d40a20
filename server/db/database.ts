// The one owner of the neo4j driver in a process. Reads run in read transactions with a
// timeout; writes in write transactions. Driver failures become ApiErrors (503 + Retry-After)
// so that a lost database never surfaces as a 500 or a hanging socket.
import { createHash } from 'node:crypto';
import neo4j, { type Driver, Neo4jError, type RecordShape, type Session, type Transaction } from 'neo4j-driver';
import type { Logger } from 'pino';
import { ApiError } from '../errors.ts';
import { AvailabilityGate } from './gate.ts';
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
export const RETRY_AFTER_SECONDS = 1;
/** Tries of a read that failed with a transient Neo4j error, and the pause before the next (× try, jittered). */
const READ_ATTEMPTS = 3;
const READ_RETRY_BASE_MS = 100;

/** Seconds a client should wait when the server is busy or a query took too long. */
const BUSY_RETRY_AFTER_SECONDS = 2;

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  return UNAVAILABLE_CODES.has(error.code) || error.code.startsWith('Neo.ClientError.Security.AuthenticationRateLimit');
}

/** Wrong user or password: a configuration problem, never an outage to wait out. */
export function isAuthFailure(error: unknown): boolean {
  return error instanceof Neo4jError && error.code === 'Neo.ClientError.Security.Unauthorized';
}

function unavailableError(): ApiError {
  return new ApiError(503, 'database_unavailable', 'the graph database is unreachable; retry shortly', undefined, {
    'Retry-After': String(RETRY_AFTER_SECONDS),
  });
}

/** Maps a driver error onto the API's error vocabulary; anything else is rethrown untouched. */
export function toApiError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (error.message.startsWith('Connection acquisition timed out')) {
    // Every pooled connection is busy: the server is overloaded, not the database lost.
    return new ApiError(503, 'busy', 'the server is busy; retry shortly', undefined, {
      'Retry-After': String(BUSY_RETRY_AFTER_SECONDS),
    });
  }
  if (isUnavailable(error)) return unavailableError();
  if (
    error.code === 'Neo.ClientError.Transaction.TransactionTimedOut' ||
    error.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'
  ) {
    return new ApiError(503, 'query_timeout', 'the query took too long; narrow it (types, limit, depth)', undefined, {
      'Retry-After': String(BUSY_RETRY_AFTER_SECONDS),
    });
  }
  // Transient by Neo4j's own classification (out of transaction memory under many concurrent
  // large reads, a deadlock, a leader switch): the same request may well succeed in a moment.
  if (error.code.startsWith('Neo.TransientError.')) {
    const busy = new ApiError(503, 'busy', 'the database is busy; retry shortly', undefined, {
      'Retry-After': String(BUSY_RETRY_AFTER_SECONDS),
    });
    busy.transientNeo4j = error.code;
    return busy;
  }
  return error;
}

export type Row = Record<string, unknown>;

/** What a unit of work may do inside a transaction: run statements. */
export type Tx = Pick<Transaction, 'run'>;

/** Pause between probes of a lost database; recovery is noticed within about this interval. */
export const PROBE_INTERVAL_MS = 200;
/**
 * A probe that has not answered by then counts as failed. Generous on purpose: a Neo4j that is
 * starting accepts Bolt connections before its database is available and answers the waiting
 * query the moment it is (measured here: 3 s after the connection), which is the earliest sign
 * of recovery there is; abandoning that query and starting over would only lose time. A server
 * that does not listen fails at once (connection refused, or `connectionTimeout`).
 */
export const PROBE_TIMEOUT_MS = 10_000;
/**
 * Connections opened by a successful probe before the gate reopens, so that the first wave of
 * requests after a recovery finds a warm pool instead of each opening its own connection to a
 * server that has just started.
 */
export const WARM_CONNECTIONS = 4;
/** The warm-up is best effort: the gate reopens after this long at the latest. */
const WARM_UP_MAX_MS = 1_000;

/** The driver's own log lines carry whole stack traces; one line of the message is enough. */
export function shortDriverMessage(message: string): string {
  const first = message.split('\n')[0] ?? '';
  const cut = first.indexOf(' Stacktrace:');
  return (cut >= 0 ? first.slice(0, cut) : first).slice(0, 500);
}

export class Database {
  private readonly driver: Driver;
  private readonly queries: QueryCatalog;
  /** Closed while Neo4j is known to be unreachable (see gate.ts). */
  private readonly gate: AvailabilityGate;
  private readonly recoveryListeners: (() => void)[] = [];

  constructor(private readonly opts: DatabaseOptions) {
    this.queries = loadQueryCatalog();
    this.driver = neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password ?? ''), {
      disableLosslessIntegers: true,
      // Fail fast while the server is down: no request waits long for a TCP connection.
      connectionTimeout: 1_500,
      // Under load, requests queue for a connection rather than fail; an unreachable server
      // fails at connect time (connectionTimeout), not here.
      connectionAcquisitionTimeout: 20_000,
      // No driver retries: its first retry waits about a second, and an unreachable server is
      // handled by the availability gate (503 at once, probe until it is back).
      maxTransactionRetryTime: 0,
      maxConnectionPoolSize: 100,
      logging: {
        level: 'warn',
        logger: (level, message) => {
          // While the gate is closed the outage is logged once; each failed probe is not news.
          if (level !== 'error' && this.gate && !this.gate.isOpen) return;
          opts.logger[level === 'error' ? 'error' : 'warn']({ neo4j: true }, shortDriverMessage(message));
        },
      },
      userAgent: 'laoshan-innovation-explorer',
    });
    this.gate = new AvailabilityGate({
      probe: () => this.probe(),
      intervalMs: PROBE_INTERVAL_MS,
      onClose: () => opts.logger.warn('Neo4j is unreachable; answering 503 until it is back'),
      onOpen: (ms) => {
        opts.logger.info({ unreachableMs: ms }, 'Neo4j is reachable again');
        for (const listener of this.recoveryListeners) listener();
      },
      onProbeFailed: (error, ms) =>
        opts.logger.debug(
          { ms, reason: shortDriverMessage(String((error as Error)?.message ?? error)) },
          'probe failed',
        ),
    });
  }

  /** Called each time the gate reopens after an outage (e.g. to refill caches at once). */
  onRecovered(listener: () => void): void {
    this.recoveryListeners.push(listener);
  }

  /** One named query in a read transaction; rows as plain objects. */
  async read(name: QueryName, params: Row = {}): Promise<Row[]> {
    return this.readTx((tx) => this.runIn(tx, name, params));
  }

  /**
   * Several reads that must see one snapshot (a whole-dataset read may ask for more time). A
   * transient error (Neo4j's own class: out of transaction memory under many large concurrent
   * reads, a leader switch) is retried a few times after a short jittered pause, as the driver's
   * managed transactions do: a read can be run again without harm, and the client should not see
   * a 503 that a moment's wait would have avoided. Writes are not retried here.
   */
  async readTx<T>(work: (tx: Tx) => Promise<T>, timeoutMs = this.opts.queryTimeoutMs): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.inSession(neo4j.session.READ, (session) => inTransaction(session, work, timeoutMs));
      } catch (error) {
        if (attempt >= READ_ATTEMPTS || !(error instanceof ApiError) || !error.transientNeo4j) throw error;
        await new Promise((resolve) => setTimeout(resolve, READ_RETRY_BASE_MS * attempt * (1 + Math.random())));
      }
    }
  }

  async writeTx<T>(work: (tx: Tx) => Promise<T>, timeoutMs = 300_000): Promise<T> {
    return this.inSession(neo4j.session.WRITE, (session) => inTransaction(session, work, timeoutMs));
  }

  private async inSession<T>(mode: 'READ' | 'WRITE', run: (session: Session) => Promise<T>): Promise<T> {
    const epoch = this.gate.epoch;
    if (!this.gate.isOpen) throw unavailableError();
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: mode });
    try {
      return await run(session);
    } catch (error) {
      if (isUnavailable(error)) this.gate.reportUnavailable(epoch);
      throw toApiError(error);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /**
   * The health query in its own read transaction on the configured database, past the gate,
   * with the driver's error untouched; rejects after `timeoutMs` at the latest.
   */
  private async healthRow(timeoutMs: number): Promise<Row> {
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: neo4j.session.READ });
    const work = inTransaction(session, (tx) => this.runIn(tx, 'health'), timeoutMs).finally(() =>
      session.close().catch(() => undefined),
    );
    const [row] = await withTimeout(work, timeoutMs, 'the Neo4j health query');
    return row ?? {};
  }

  /** A real query against the configured database, then (best effort) a few warm connections. */
  private async probe(): Promise<void> {
    await this.healthRow(PROBE_TIMEOUT_MS);
    const warm = Promise.allSettled(Array.from({ length: WARM_CONNECTIONS }, () => this.healthRow(PROBE_TIMEOUT_MS)));
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([warm, new Promise((resolve) => (timer = setTimeout(resolve, WARM_UP_MAX_MS)))]);
    clearTimeout(timer);
  }

  /**
   * Start-up check: the configured database answers a real query with these credentials.
   * Throws the driver's error as it is, so that the caller can tell a wrong password from an
   * unreachable server.
   */
  async verify(timeoutMs = 10_000): Promise<{ version: string; edition: string }> {
    const row = await this.healthRow(timeoutMs);
    return { version: String(row.version ?? 'unknown'), edition: String(row.edition ?? 'unknown') };
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
    this.gate.stop();
    await this.driver.close();
  }
}

/** Rejects when `promise` has not settled within `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
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
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Row).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

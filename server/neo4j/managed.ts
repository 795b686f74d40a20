// The managed local Neo4j: Community 5.26 LTS from Maven Central, run on the machine's Java.
// It owns one store folder (`<DATA_DIR>/neo4j`); a pid file there makes a second start on the
// same store refuse, and a watchdog shell ends the JVM if the Node process that owns it dies.
// Supervised (npm start), a JVM that dies unasked is started again with backoff.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';

const NEO4J_FOLDER = path.dirname(fileURLToPath(import.meta.url));
export const NEO4J_POM = path.join(NEO4J_FOLDER, 'pom.xml');
export const NEO4J_LIB = path.join(NEO4J_FOLDER, 'lib');

export class ManagedNeo4jError extends Error {
  override name = 'ManagedNeo4jError';
}

const WAYS_OUT = [
  'Three ways out:',
  '  1. install them (Debian: apt-get install openjdk-17-jre-headless maven),',
  '  2. point NEO4J_URI (with NEO4J_USER / NEO4J_PASSWORD) at any Neo4j 5 server, or',
  '  3. run Neo4j in a container: docker run -p 7687:7687 -e NEO4J_AUTH=neo4j/<password> neo4j:5.26',
  '     and set NEO4J_URI=bolt://127.0.0.1:7687.',
].join('\n');

export interface ManagedNeo4jOptions {
  /** The project's DATA_DIR; the store lives in `<dataDir>/neo4j`. */
  dataDir: string;
  boltPort: number;
  heap?: string;
  pageCache?: string;
  /** Server-side ceiling for any transaction (a runaway query cannot hold the server). */
  transactionTimeout?: string;
  log?: (message: string) => void;
}

export interface Neo4jCredentials {
  uri: string;
  user: string;
  password: string;
}

interface PidRecord {
  pid: number;
  boltPort: number;
  startedAt: string;
}

/** Parses the major version from `java -version` output ("17.0.15", "1.8.0_392", "21"). */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

/** The neo4j.conf the managed server runs with; every name is a 5.x setting. */
export function renderNeo4jConf(opts: Required<Omit<ManagedNeo4jOptions, 'log'>>, home: string): string {
  return [
    '# Written by server/neo4j/managed.ts on every start; edit the options there, not here.',
    'server.default_listen_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${opts.boltPort}`,
    // What the server tells a routing driver (neo4j://) to connect to: by default localhost:7687,
    // wrong for any other port; a cluster or Aura answers the same question with its members.
    'server.default_advertised_address=127.0.0.1',
    `server.bolt.advertised_address=127.0.0.1:${opts.boltPort}`,
    'server.bolt.enabled=true',
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.security.auth_enabled=true',
    `server.memory.heap.initial_size=${opts.heap}`,
    `server.memory.heap.max_size=${opts.heap}`,
    `server.memory.pagecache.size=${opts.pageCache}`,
    `db.transaction.timeout=${opts.transactionTimeout}`,
    'dbms.usage_report.enabled=false',
    // Netty waits this many seconds without new work before each of Bolt's event loops ends
    // (default 5): a stop took 11 s, 10 of them idle, once every database had already shut down.
    'internal.dbms.bolt.netty_server_shutdown_quiet_period=0',
    `server.directories.data=${path.join(home, 'data')}`,
    `server.directories.logs=${path.join(home, 'logs')}`,
    `server.directories.run=${path.join(home, 'run')}`,
    `server.directories.import=${path.join(home, 'import')}`,
    '',
  ].join('\n');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Sends a signal to a process that may have exited already. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // gone already
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A random password for a fresh store. Hex, because neo4j-admin reads an argument that starts
 * with '-' as an option: base64url passwords did so once in 64 starts, and the start failed.
 */
export function newStorePassword(): string {
  return randomBytes(18).toString('hex');
}

/** Waits before restarting a JVM that died: 1, 2, 4, 8, 16, then 30 s. */
export function restartDelayMs(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt));
}

/** "exit code 1", "killed by SIGKILL" (the watchdog shell reports a killed JVM as 128 + signal). */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `killed by ${signal}`;
  if (code !== null && code > 128) {
    const name = Object.entries(constants.signals).find(([, n]) => n === code - 128)?.[0];
    return `killed by ${name ?? `signal ${code - 128}`}`;
  }
  return `exit code ${code}`;
}

/** A server that ran at least this long before dying starts its backoff from the beginning. */
const STABLE_RUN_MS = 60_000;

interface Supervision {
  warn: (message: string) => void;
  attempt: number;
  readyAt: number;
  timer?: ReturnType<typeof setTimeout>;
  restarting?: Promise<void>;
}

export class ManagedNeo4j {
  readonly home: string;
  private readonly opts: Required<Omit<ManagedNeo4jOptions, 'log'>>;
  private readonly log: (message: string) => void;
  private child: ChildProcess | undefined;
  /** The watchdog of the server that last became ready (attached mode). */
  private readyChild: ChildProcess | undefined;
  private supervision: Supervision | undefined;

  constructor(options: ManagedNeo4jOptions) {
    this.opts = {
      dataDir: path.resolve(options.dataDir),
      boltPort: options.boltPort,
      heap: options.heap ?? '768m',
      pageCache: options.pageCache ?? '256m',
      transactionTimeout: options.transactionTimeout ?? '60s',
    };
    this.home = path.join(this.opts.dataDir, 'neo4j');
    this.log = options.log ?? (() => undefined);
  }

  get uri(): string {
    return `bolt://127.0.0.1:${this.opts.boltPort}`;
  }

  private get pidFile(): string {
    return path.join(this.home, 'run', 'managed.pid.json');
  }

  private get passwordFile(): string {
    return path.join(this.home, 'password');
  }

  get consoleLog(): string {
    return path.join(this.home, 'logs', 'console.log');
  }

  /** The running server recorded in this store's pid file, if its JVM is still alive. */
  running(): PidRecord | undefined {
    if (!existsSync(this.pidFile)) return undefined;
    try {
      const record = JSON.parse(readFileSync(this.pidFile, 'utf8')) as PidRecord;
      if (isAlive(record.pid)) return record;
    } catch {
      // A torn or stale pid file means nothing runs; it is replaced on the next start.
    }
    return undefined;
  }

  credentials(): Neo4jCredentials {
    const record = this.running();
    const port = record?.boltPort ?? this.opts.boltPort;
    return { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: readFileSync(this.passwordFile, 'utf8').trim() };
  }

  /** Checks Java (17+) and fetches the jars with Maven when they are missing. */
  ensureInstalled(): void {
    const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
    if (java.error) {
      throw new ManagedNeo4jError(`Java was not found on PATH; the managed Neo4j needs Java 17 or newer.\n${WAYS_OUT}`);
    }
    const major = parseJavaMajor(`${java.stderr}${java.stdout}`);
    if (major === undefined || major < 17) {
      throw new ManagedNeo4jError(
        `Java ${major ?? '(unknown version)'} was found; Neo4j 5.26 needs Java 17 or newer.\n${WAYS_OUT}`,
      );
    }
    if (this.jarsPresent()) return;
    this.log('fetching Neo4j Community 5.26 from Maven Central (once)…');
    const mvn = spawnSync(
      'mvn',
      [
        '-q',
        '-B',
        '-f',
        NEO4J_POM,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${NEO4J_LIB}`,
        '-DincludeScope=runtime',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (mvn.error) {
      throw new ManagedNeo4jError(`Maven (mvn) was not found on PATH; it fetches the Neo4j jars.\n${WAYS_OUT}`);
    }
    if (mvn.status !== 0 || !this.jarsPresent()) {
      throw new ManagedNeo4jError(`Maven could not fetch Neo4j (exit ${mvn.status}):\n${mvn.stdout}${mvn.stderr}`);
    }
  }

  private jarsPresent(): boolean {
    return existsSync(NEO4J_LIB) && readdirSync(NEO4J_LIB).some((f) => /^neo4j-5\.26\.\d+\.jar$/.test(f));
  }

  private javaArgs(mainClass: string): string[] {
    return [
      `-Xms${this.opts.heap}`,
      `-Xmx${this.opts.heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      // The flags the Neo4j bootloader passes its server JVM.
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
      '--add-opens=java.base/java.lang=ALL-UNNAMED',
      '--enable-native-access=ALL-UNNAMED',
      '-cp',
      `${NEO4J_LIB}/*`,
      mainClass,
    ];
  }

  private prepareHome(): void {
    for (const sub of ['conf', 'data', 'logs', 'run', 'import'])
      mkdirSync(path.join(this.home, sub), { recursive: true });
    writeFileSync(path.join(this.home, 'conf', 'neo4j.conf'), renderNeo4jConf(this.opts, this.home));
    if (existsSync(this.passwordFile)) return;
    // A fresh store: give it a random password before its first start, kept beside the store.
    const password = newStorePassword();
    const admin = spawnSync(
      'java',
      [
        '-Xmx256m',
        '-cp',
        `${NEO4J_LIB}/*`,
        'org.neo4j.server.startup.Neo4jAdminCommand',
        'dbms',
        'set-initial-password',
        password,
      ],
      { encoding: 'utf8', env: { ...process.env, NEO4J_HOME: this.home, NEO4J_CONF: path.join(this.home, 'conf') } },
    );
    if (admin.status !== 0) {
      throw new ManagedNeo4jError(`could not set the initial Neo4j password:\n${admin.stdout}${admin.stderr}`);
    }
    writeFileSync(this.passwordFile, `${password}\n`, { mode: 0o600 });
    chmodSync(this.passwordFile, 0o600);
  }

  /**
   * Starts the server and waits until Bolt answers.
   * `attached`: the JVM ends when this Node process ends (npm start, tests);
   * otherwise it outlives it (npm run db:start) until `stop()`.
   */
  async start({ attached, timeoutMs = 120_000 }: { attached: boolean; timeoutMs?: number }): Promise<Neo4jCredentials> {
    const existing = this.running();
    if (existing) {
      throw new ManagedNeo4jError(
        `the managed Neo4j already runs on this store (pid ${existing.pid}, bolt port ${existing.boltPort}, ` +
          `store ${this.home}); stop it first with \`npm run db:stop\` or use it as it is.`,
      );
    }
    this.ensureInstalled();
    this.prepareHome();
    const logFd = openSync(this.consoleLog, 'a');
    const java = [
      'java',
      ...this.javaArgs('org.neo4j.server.CommunityEntryPoint'),
      `--home-dir=${this.home}`,
      `--config-dir=${path.join(this.home, 'conf')}`,
      '--console-mode',
    ];
    let child: ChildProcess;
    if (attached) {
      // The watchdog ends the JVM when its owner dies, however it dies (even SIGKILL).
      const watchdog = [
        '"$@" & jvm=$!',
        "trap 'kill -TERM $jvm 2>/dev/null; wait $jvm; exit 0' TERM INT",
        `while kill -0 ${process.pid} 2>/dev/null && kill -0 $jvm 2>/dev/null; do sleep 1 & wait $!; done`,
        'kill -TERM $jvm 2>/dev/null; wait $jvm',
      ].join('\n');
      child = spawn('bash', ['-c', watchdog, 'neo4j-watchdog', ...java], {
        stdio: ['ignore', logFd, logFd],
        detached: true,
      });
    } else {
      child = spawn(java[0] as string, java.slice(1), { stdio: ['ignore', logFd, logFd], detached: true });
      child.unref();
    }
    closeSync(logFd);
    const jvmPid = await this.findJvmPid(child);
    const record: PidRecord = { pid: jvmPid, boltPort: this.opts.boltPort, startedAt: new Date().toISOString() };
    writeFileSync(this.pidFile, JSON.stringify(record));
    this.child = child;
    let exited = false;
    child.once('exit', (code, signal) => {
      exited = true;
      this.onExit(child, jvmPid, code, signal);
    });
    const credentials = this.credentials();
    await this.waitUntilReady(credentials, timeoutMs, () => exited || !isAlive(jvmPid));
    this.readyChild = child;
    if (this.supervision) this.supervision.readyAt = Date.now();
    this.log(`Neo4j ready on ${credentials.uri} (pid ${jvmPid}, store ${this.home})`);
    return credentials;
  }

  /**
   * Keeps the server that this process started (attached) running until `stop()`: a JVM that
   * dies unasked (killed, out of memory) is started again after 1, 2, 4 … 30 s, and every
   * death, restart and failed restart is reported through `warn`.
   */
  supervise(warn: (message: string) => void = this.log): void {
    this.supervision = { warn, attempt: 0, readyAt: Date.now() };
  }

  private onExit(child: ChildProcess, pid: number, code: number | null, signal: NodeJS.Signals | null): void {
    const supervision = this.supervision;
    // Only a server that was ready and is still ours: deaths during a start fail that start.
    if (!supervision || this.readyChild !== child) return;
    this.readyChild = undefined;
    // The pid may be reused by an unrelated process: the record of a dead JVM goes.
    rmSync(this.pidFile, { force: true });
    if (Date.now() - supervision.readyAt >= STABLE_RUN_MS) supervision.attempt = 0;
    const delay = restartDelayMs(supervision.attempt++);
    supervision.warn(
      `Neo4j (pid ${pid}) exited unexpectedly (${describeExit(code, signal)}); restarting it in ${delay / 1000} s`,
    );
    supervision.timer = setTimeout(() => this.restart(supervision), delay);
  }

  private restart(supervision: Supervision): void {
    supervision.timer = undefined;
    if (this.supervision !== supervision) return;
    supervision.restarting = this.start({ attached: true })
      .then(
        (credentials) => {
          if (this.supervision === supervision) supervision.warn(`Neo4j restarted on ${credentials.uri}`);
        },
        (error: unknown) => {
          if (this.supervision !== supervision) return;
          const delay = restartDelayMs(supervision.attempt++);
          const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
          supervision.warn(`restarting Neo4j failed (${reason}); trying again in ${delay / 1000} s`);
          supervision.timer = setTimeout(() => this.restart(supervision), delay);
        },
      )
      .finally(() => {
        supervision.restarting = undefined;
      });
  }

  /** The JVM's pid: the child itself, or the watchdog's only java child. */
  private async findJvmPid(child: ChildProcess): Promise<number> {
    const own = child.pid;
    if (own === undefined) throw new ManagedNeo4jError('could not start java');
    if (child.spawnfile === 'java') return own;
    for (let i = 0; i < 100; i++) {
      const ps = spawnSync('pgrep', ['-P', String(own), 'java'], { encoding: 'utf8' });
      const pid = Number(ps.stdout.trim().split('\n')[0]);
      if (pid > 0) return pid;
      await sleep(50);
    }
    throw new ManagedNeo4jError(`java did not start; see ${this.consoleLog}`);
  }

  private async waitUntilReady(credentials: Neo4jCredentials, timeoutMs: number, died: () => boolean): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const driver = neo4j.driver(credentials.uri, neo4j.auth.basic(credentials.user, credentials.password), {
      connectionTimeout: 2_000,
      logging: { level: 'error', logger: () => undefined },
    });
    try {
      while (Date.now() < deadline) {
        if (died()) {
          rmSync(this.pidFile, { force: true });
          throw new ManagedNeo4jError(`Neo4j exited during start-up:\n${this.tailLog()}`);
        }
        try {
          await driver.verifyConnectivity();
          return;
        } catch {
          await sleep(250);
        }
      }
      await this.stopServer();
      throw new ManagedNeo4jError(`Neo4j was not ready after ${timeoutMs / 1000}s:\n${this.tailLog()}`);
    } finally {
      await driver.close();
    }
  }

  tailLog(lines = 25): string {
    if (!existsSync(this.consoleLog)) return '(no log)';
    return readFileSync(this.consoleLog, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  }

  /** Ends supervision, then stops the server recorded for this store and waits for its JVM to exit. */
  async stop(timeoutMs = 30_000): Promise<boolean> {
    const supervision = this.supervision;
    this.supervision = undefined;
    if (supervision?.timer !== undefined) clearTimeout(supervision.timer);
    if (supervision?.restarting) {
      // A restart in progress: end its JVM (its start then fails) and let it settle.
      const starting = this.running();
      if (starting) signal(starting.pid, 'SIGTERM');
      await supervision.restarting.catch(() => undefined);
    }
    return this.stopServer(timeoutMs);
  }

  private async stopServer(timeoutMs = 30_000): Promise<boolean> {
    this.readyChild = undefined;
    const record = this.running();
    if (!record) {
      rmSync(this.pidFile, { force: true });
      return false;
    }
    process.kill(record.pid, 'SIGTERM');
    const deadline = Date.now() + timeoutMs;
    while (isAlive(record.pid) && Date.now() < deadline) await sleep(100);
    if (isAlive(record.pid)) {
      this.log(`Neo4j (pid ${record.pid}) did not stop in ${timeoutMs / 1000}s; killing it`);
      process.kill(record.pid, 'SIGKILL');
      while (isAlive(record.pid)) await sleep(50);
    }
    // The watchdog (attached mode) exits on its own once the JVM is gone.
    if (this.child?.pid !== undefined && isAlive(this.child.pid)) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 3_000);
        this.child?.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    rmSync(this.pidFile, { force: true });
    return true;
  }
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  describeExit,
  ManagedNeo4j,
  ManagedNeo4jError,
  newStorePassword,
  parseJavaMajor,
  renderNeo4jConf,
  restartDelayMs,
} from './managed.ts';

describe('the managed Neo4j', () => {
  const savedPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = savedPath;
  });

  it('gives fresh stores passwords that neo4j-admin cannot take for an option', () => {
    // A password starting with '-' made neo4j-admin fail ("Missing required parameter").
    const passwords = Array.from({ length: 2_000 }, () => newStorePassword());
    for (const password of passwords) expect(password).toMatch(/^[0-9a-f]{36}$/);
    expect(new Set(passwords).size).toBe(passwords.length);
  });

  it('reads Java versions old and new', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('nonsense')).toBeUndefined();
  });

  it('writes only 5.x settings, Bolt on loopback, no HTTP, a transaction timeout', () => {
    const conf = renderNeo4jConf(
      { dataDir: '/d', boltPort: 7999, heap: '512m', pageCache: '128m', transactionTimeout: '30s' },
      '/d/neo4j',
    );
    expect(conf).toContain('server.bolt.listen_address=127.0.0.1:7999');
    expect(conf).toContain('server.http.enabled=false');
    expect(conf).toContain('db.transaction.timeout=30s');
    expect(conf).toContain('server.memory.pagecache.size=128m');
    expect(conf).not.toMatch(/^dbms\.connector/m);
    // Bolt ends without Netty's idle quiet period (5 s per event loop): a stop takes 1 s, not 11.
    expect(conf).toContain('internal.dbms.bolt.netty_server_shutdown_quiet_period=0');
  });

  it('says what is wrong and the three ways out when Java is missing', () => {
    process.env.PATH = mkdtempSync(path.join(tmpdir(), 'empty-path-'));
    const managed = new ManagedNeo4j({ dataDir: mkdtempSync(path.join(tmpdir(), 'store-')), boltPort: 7999 });
    expect(() => managed.ensureInstalled()).toThrow(ManagedNeo4jError);
    expect(() => managed.ensureInstalled()).toThrow(/Java was not found[\s\S]*NEO4J_URI[\s\S]*container/);
  });

  it('reports nothing running on a fresh store', () => {
    const managed = new ManagedNeo4j({ dataDir: mkdtempSync(path.join(tmpdir(), 'store-')), boltPort: 7999 });
    expect(managed.running()).toBeUndefined();
  });

  it('restarts a dead JVM after 1, 2, 4, 8, 16, then 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(restartDelayMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('says how the JVM ended, also when the watchdog shell reports a signal as 128 + n', () => {
    expect(describeExit(137, null)).toBe('killed by SIGKILL');
    expect(describeExit(null, 'SIGTERM')).toBe('killed by SIGTERM');
    expect(describeExit(1, null)).toBe('exit code 1');
  });
});

// A read that meets a transient Neo4j error is tried again (bounded); other errors and writes
// are not. The driver is stubbed (a unit test): its transactions fail as told.
import type * as Neo4jDriver from 'neo4j-driver';
import { Neo4jError } from 'neo4j-driver';
import { afterEach, describe, expect, it, vi } from 'vitest';

const failures: Neo4jError[] = [];
let begun = 0;

vi.mock('neo4j-driver', async (importOriginal) => {
  const real = await importOriginal<typeof Neo4jDriver>();
  const transaction = () => ({
    run: async () => {
      const failure = failures.shift();
      if (failure) throw failure;
      return { records: [{ toObject: () => ({ ok: 1 }) }] };
    },
    commit: async () => undefined,
    rollback: async () => undefined,
    isOpen: () => true,
  });
  const session = () => ({
    beginTransaction: async () => {
      begun++;
      return transaction();
    },
    close: async () => undefined,
  });
  const driver = () => ({ session, close: async () => undefined });
  return { ...real, default: { ...real.default, driver }, driver };
});

const { Database } = await import('./database.ts');
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined } as never;
const db = () => new Database({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', logger: silent } as never);
const transient = (code = 'Neo.TransientError.General.MemoryPoolOutOfMemoryError') =>
  new Neo4jError('out of transaction memory', code, code, 'x');

afterEach(() => {
  failures.length = 0;
  begun = 0;
});

describe('read transactions and transient errors', () => {
  it('tries a read again after a transient error and answers', async () => {
    failures.push(transient(), transient());
    await expect(db().read('health')).resolves.toEqual([{ ok: 1 }]);
    expect(begun).toBe(3);
  });

  it('gives up after three tries with 503 busy', async () => {
    failures.push(transient(), transient(), transient(), transient());
    await expect(db().read('health')).rejects.toMatchObject({ status: 503, code: 'busy' });
    expect(begun).toBe(3);
  });

  it('does not retry other errors, nor writes', async () => {
    const syntax = new Neo4jError('bad', 'Neo.ClientError.Statement.SyntaxError', 'x', 'y');
    failures.push(syntax);
    await expect(db().read('health')).rejects.toBe(syntax);
    expect(begun).toBe(1);
    begun = 0;
    failures.push(transient());
    await expect(db().writeTx((tx) => tx.run('RETURN 1'))).rejects.toMatchObject({ code: 'busy' });
    expect(begun).toBe(1);
  });
});

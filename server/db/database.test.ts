import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { toApiError } from './database.ts';

describe('driver errors become API errors', () => {
  it('maps an unreachable server to 503 with Retry-After', () => {
    const mapped = toApiError(new Neo4jError('connection refused', 'ServiceUnavailable', 'ServiceUnavailable', 'x'));
    expect(mapped).toBeInstanceOf(ApiError);
    expect(mapped).toMatchObject({ status: 503, code: 'database_unavailable' });
    expect((mapped as ApiError).headers['Retry-After']).toBeDefined();
  });

  it('maps a transaction timeout to 503 query_timeout', () => {
    const code = 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration';
    expect(toApiError(new Neo4jError('timed out', code, code, 'x'))).toMatchObject({
      status: 503,
      code: 'query_timeout',
    });
  });

  it('maps a pool that is exhausted to 503 busy, not to an outage', () => {
    const exhausted = new Neo4jError(
      'Connection acquisition timed out in 20000 ms. Pool status: Active conn count = 100',
      'N/A',
      'N/A',
      'x',
    );
    expect(toApiError(exhausted)).toMatchObject({ status: 503, code: 'busy' });
  });

  it('maps transient errors (out of transaction memory under load) to 503 busy with Retry-After', () => {
    const code = 'Neo.TransientError.General.MemoryPoolOutOfMemoryError';
    const mapped = toApiError(new Neo4jError('out of memory', code, code, 'x'));
    expect(mapped).toMatchObject({ status: 503, code: 'busy' });
    expect((mapped as ApiError).headers['Retry-After']).toBeDefined();
    const lost = 'Neo.TransientError.General.DatabaseUnavailable';
    expect(toApiError(new Neo4jError('gone', lost, lost, 'x'))).toMatchObject({ code: 'database_unavailable' });
  });

  it('leaves other errors alone (a Cypher bug stays a 500)', () => {
    const syntax = new Neo4jError('bad', 'Neo.ClientError.Statement.SyntaxError', 'x', 'y');
    expect(toApiError(syntax)).toBe(syntax);
  });
});

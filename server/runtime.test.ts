import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { shortDriverMessage } from './db/database.ts';
import { createLogger } from './runtime.ts';

function captured() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger({ logLevel: 'info' }, sink) };
}

describe('the logger', () => {
  it('redacts authorization, cookies and passwords wherever they are logged', () => {
    const { lines, logger } = captured();
    logger.info({ req: { headers: { authorization: 'Bearer s3cret-token', cookie: 'sid=c00kie' } } }, 'a');
    logger.info({ headers: { authorization: 'Bearer s3cret-token', cookie: 'sid=c00kie' } }, 'b');
    logger.info({ res: { headers: { 'set-cookie': 'sid=c00kie' } } }, 'c');
    logger.info({ authorization: 'Bearer s3cret-token', cookie: 'sid=c00kie', password: 'pw-s3cret' }, 'd');
    logger.info({ neo4j: { password: 'pw-s3cret' } }, 'e');
    expect(lines).toHaveLength(5);
    for (const line of lines) {
      expect(line).not.toMatch(/s3cret|c00kie/);
      expect(line).toContain('[redacted]');
    }
  });
});

describe("the driver's log lines", () => {
  it('keep the first line of the message and drop the stack trace', () => {
    const message =
      'ConnectionHolder got an error while releasing the connection. Error Neo4jError: Failed to connect. Caused by: connect ECONNREFUSED 127.0.0.1:1. Stacktrace: Neo4jError: Failed\n    at Neo4jError.GQLError (x.js:1:2)';
    expect(shortDriverMessage(message)).toBe(
      'ConnectionHolder got an error while releasing the connection. Error Neo4jError: Failed to connect. Caused by: connect ECONNREFUSED 127.0.0.1:1.',
    );
  });
});

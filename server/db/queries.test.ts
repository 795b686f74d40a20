import { describe, expect, it } from 'vitest';
import { cypherFilesOnDisk, loadQueryCatalog, loadScript, QUERY_NAMES, SCRIPT_NAMES } from './queries.ts';

describe('the Cypher catalogue', () => {
  it('has a file for every named query and no file that nothing uses', () => {
    expect(cypherFilesOnDisk()).toEqual([...QUERY_NAMES, ...SCRIPT_NAMES].sort());
    const catalog = loadQueryCatalog();
    for (const name of QUERY_NAMES) expect(catalog[name].length).toBeGreaterThan(10);
  });

  it('takes values only as parameters (no string building in queries)', () => {
    const catalog = loadQueryCatalog();
    for (const name of QUERY_NAMES) expect(catalog[name]).not.toMatch(/\$\{|\+\s*'|'\s*\+/);
  });

  it('splits the schema script into idempotent statements', () => {
    const statements = loadScript('schema');
    expect(statements.length).toBeGreaterThanOrEqual(8);
    for (const statement of statements) {
      expect(statement).not.toMatch(/;\s*$/);
      if (statement.startsWith('CREATE')) expect(statement).toMatch(/IF NOT EXISTS/);
    }
  });
});

import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../errors.ts';
import { nodeIdSchema } from '../../domain/ids.ts';
import { intParam, nodeTypesParam, parseInput, relationTypesParam } from './validate.ts';

describe('request validation', () => {
  const schema = z.object({ types: nodeTypesParam.optional(), limit: intParam(1, 100).optional() }).strict();

  it('parses whitelisted types and bounded integers', () => {
    expect(parseInput(schema, { types: 'Firm,University,Firm', limit: '5' }, 'query')).toEqual({
      types: ['Firm', 'University'],
      limit: 5,
    });
  });

  it('rejects unknown types, parameters and out-of-range numbers with the field named', () => {
    const attempt = (input: unknown) => {
      try {
        parseInput(schema, input, 'query');
      } catch (error) {
        return error as ApiError;
      }
      throw new Error('expected a rejection');
    };
    expect(attempt({ types: 'Firm) DETACH DELETE n //' }).message).toMatch(/types: unknown node type/);
    expect(attempt({ limit: '1000' })).toMatchObject({ status: 400, code: 'bad_request' });
    expect(attempt({ limit: '-1' }).message).toMatch(/limit/);
    expect(attempt({ extra: '1' }).message).toMatch(/unknown parameter\(s\): extra/);
    expect(attempt({ types: ['Firm', 'Lab'] }).message).toMatch(/types/);
  });

  it('accepts URL-safe ids only', () => {
    expect(nodeIdSchema.safeParse('firm/haier').success).toBe(true);
    for (const bad of ['', 'Firm/Haier', 'a//b', "x' OR 1=1", 'a/../b/', '/lead'])
      expect(nodeIdSchema.safeParse(bad).success).toBe(false);
  });

  it('whitelists relation types', () => {
    expect(relationTypesParam.safeParse('AWARDED,HOSTS').success).toBe(true);
    expect(relationTypesParam.safeParse('AWARDED`]->() DELETE').success).toBe(false);
  });
});

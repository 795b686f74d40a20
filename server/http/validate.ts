// Request validation: zod schemas, unknown parameters rejected, problems named by field.
import { z } from 'zod';
import { datasetNameSchema } from '../../domain/ids.ts';
import {
  NODE_TYPE_NAMES,
  RELATION_TYPE_NAMES,
  isNodeType,
  isRelationType,
  type NodeType,
  type RelationType,
} from '../../domain/ontology.ts';
import { badRequest } from '../errors.ts';

/** Query strings may repeat a key (?a=1&a=2); the API takes one value per key. */
const single = z.string().max(2_000, 'is too long');

export const datasetParam = datasetNameSchema;

/** A comma-separated list of names from a whitelist (`types=Firm,University`). */
function whitelistParam<T extends string>(kind: string, known: readonly T[], isKnown: (value: string) => value is T) {
  return single.transform((value, ctx): T[] => {
    const parts = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = parts.filter((p) => !isKnown(p));
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown ${kind} ${unknown.map((u) => JSON.stringify(u)).join(', ')}; known: ${known.join(', ')}`,
      });
      return z.NEVER;
    }
    return [...new Set(parts)] as T[];
  });
}

export const nodeTypesParam = whitelistParam<NodeType>('node type', NODE_TYPE_NAMES, isNodeType);
export const relationTypesParam = whitelistParam<RelationType>('relation type', RELATION_TYPE_NAMES, isRelationType);

export const intParam = (min: number, max: number) =>
  single
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  where: 'query' | 'params' | 'body',
): z.output<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field =
      issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : where);
    return {
      field,
      message: issue.code === 'unrecognized_keys' ? `unknown parameter(s): ${issue.keys.join(', ')}` : issue.message,
    };
  });
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  throw badRequest(`invalid ${where}: ${summary}`, { in: where, problems });
}

// The shape of a seed record, enforced on load. Files: <dataset>/dataset.yaml,
// <dataset>/sources.yaml, <dataset>/nodes/<Type>.yaml (a list of records), <dataset>/relations.yaml.
import { z } from 'zod';
import { datasetNameSchema, nodeIdSchema } from '../domain/ids.ts';
import { COUNT_QUALIFIERS, RELATION_TYPE_NAMES } from '../domain/ontology.ts';
import type { Story } from '../domain/story.ts';

const text = z.string().trim().min(1, 'must not be empty');

export const nodeId = nodeIdSchema;

export const evidenceSchema = z
  .object({
    source: nodeId,
    /** The verbatim sentence or clause of the source that states the fact. */
    quote: z.string().trim().min(2, 'must quote the source'),
  })
  .strict();

export const datasetFileSchema = z
  .object({
    name: datasetNameSchema,
    title_zh: text,
    title_en: text,
    description: z.string().optional(),
  })
  .strict();

export const sourceRecordSchema = z
  .object({
    id: nodeId,
    title: text,
    publisher: z.string().optional(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
    language: z.enum(['zh', 'en']),
    url: z.string().url().optional(),
    /** The text file beside sources.yaml, relative to the dataset folder. */
    file: z.string().regex(/^[\w./-]+$/, 'must be a relative file name'),
  })
  .strict();

export const NAME_EN_BASES = ['official', 'common', 'translation'] as const;

export const nodeRecordSchema = z
  .object({
    id: nodeId,
    name_zh: text,
    name_en: text,
    /** Whether the English name is the official one, common usage, or our translation. */
    name_en_basis: z.enum(NAME_EN_BASES).default('translation'),
    aliases: z.array(text).default([]),
    description_zh: z.string().optional(),
    description_en: z.string().optional(),
    note: z.string().optional(),
    count: z.number().int().positive().optional(),
    count_qualifier: z.enum(COUNT_QUALIFIERS).optional(),
    value: z.number().optional(),
    /** How the source qualifies a figure: exact, 'more than', 'about', 'nearly'. */
    value_qualifier: z.enum(COUNT_QUALIFIERS).optional(),
    unit: z.string().optional(),
    year: z.number().int().min(1900).max(2100).optional(),
    evidence: z.array(evidenceSchema).min(1, 'every node needs at least one quote from a source'),
  })
  .strict()
  .refine((r) => (r.count === undefined) === (r.count_qualifier === undefined), {
    message: 'count and count_qualifier go together',
    path: ['count_qualifier'],
  })
  .refine((r) => (r.value === undefined) === (r.value_qualifier === undefined), {
    message: 'value and value_qualifier go together',
    path: ['value_qualifier'],
  });

export const relationRecordSchema = z
  .object({
    source: nodeId,
    type: z.enum(RELATION_TYPE_NAMES as [string, ...string[]], {
      message: `must be one of ${RELATION_TYPE_NAMES.join(', ')}`,
    }),
    target: nodeId,
    note: z.string().optional(),
    evidence: z.array(evidenceSchema).min(1, 'every relation needs at least one quote from a source'),
  })
  .strict();

export type DatasetFile = z.infer<typeof datasetFileSchema>;
export type SourceRecord = z.infer<typeof sourceRecordSchema> & { text: string };
export type NodeRecord = z.infer<typeof nodeRecordSchema> & { type: string };
export type RelationRecord = z.infer<typeof relationRecordSchema> & { id: string };

export function relationId(r: { source: string; type: string; target: string }): string {
  return `${r.source}~${r.type}~${r.target}`;
}

export interface SeedDataset {
  dataset: DatasetFile;
  sources: SourceRecord[];
  nodes: NodeRecord[];
  relations: RelationRecord[];
  /** Built-in stories (<dataset>/stories/<id>.yaml), written with the dataset; none for generated data. */
  stories?: Story[];
}

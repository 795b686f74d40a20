// The review of a document's proposals, between the web app and the server: what
// POST /api/extract answers (the document's text and the extractor's proposals for a dataset)
// and what POST /api/extract/accept takes (only what a person accepted, as edited). Shared by
// both sides; the server checks every request against the schema below.
import { z } from 'zod';
import type { Extraction } from './extraction.ts';
import {
  COUNT_QUALIFIERS,
  NODE_TYPE_NAMES,
  RELATION_TYPE_NAMES,
  type NodeType,
  type RelationType,
} from './ontology.ts';
import { datasetNameSchema, nodeIdSchema } from './ids.ts';

/** The formats a document may come in: pasted text, or an uploaded file. */
export const DOCUMENT_FORMATS = ['text', 'txt', 'md', 'docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** The longest document read at once, in characters (about 7 s of extraction on one core). */
export const MAX_DOCUMENT_CHARS = 200_000;

export interface ReviewDocument {
  /** The file's name, or the title given to pasted text. */
  name: string;
  format: DocumentFormat;
  /** Hex SHA-256 of the text (UTF-8): the document's identity as a source. */
  sha256: string;
  /** The text the proposals' offsets point into (a .docx's or .pdf's text as read). */
  text: string;
}

/** POST /api/extract's answer. */
export interface ExtractResponse {
  /**
   * The dataset whose names and aliases were the gazetteer (proposals that match are merges);
   * null for a cold reading (no dataset named: a new dataset has nothing to merge into).
   */
  dataset: string | null;
  document: ReviewDocument;
  extraction: Extraction;
  /** Milliseconds the extraction took (reading the file excluded). */
  ms: number;
}

/** An accepted entity proposal, as the person left it. */
export interface AcceptedEntity {
  /** The proposal's id (e1 …): what accepted relations name as their ends. */
  ref: string;
  /** An existing node of the dataset to merge into (the proposal's merge, unless the person unlinked it). */
  merge?: string;
  /**
   * The person unlinked the proposal's merge: a new node, never matched to an existing one by
   * its names (without it, a name or alias that one node holds merges into that node).
   */
  new?: boolean;
  name: string;
  type: NodeType;
  aliases?: string[];
  count?: number;
  count_qualifier?: (typeof COUNT_QUALIFIERS)[number];
  value?: number;
  value_qualifier?: (typeof COUNT_QUALIFIERS)[number];
  unit?: string;
  year?: number;
  /** The sentence that states it, verbatim in the document's text. */
  evidence: string;
}

export interface AcceptedRelation {
  /** Entity refs of this request. */
  source: string;
  type: RelationType;
  target: string;
  evidence: string;
}

/** POST /api/extract/accept's body. */
export interface AcceptRequest {
  dataset: string;
  /** Create the dataset when it does not exist (else a missing dataset is a 404). */
  create?: boolean;
  document: { name: string; format: DocumentFormat; text: string };
  entities: AcceptedEntity[];
  relations: AcceptedRelation[];
}

export interface AcceptResult {
  dataset: string;
  /** The id of the document's Source record, which every written fact's evidence names. */
  source: string;
  /** Entity ref → the node id it has in the dataset now (a new id, or the node it merged into). */
  ids: Record<string, string>;
  nodes: { added: number; merged: number };
  relations: { added: number; matched: number };
  /**
   * Where a merged node already held something else: its type, or a property such as a count
   * (the existing value is kept; the new sentence is added to its evidence all the same).
   */
  conflicts: { ref: string; node: string; field: string; message: string }[];
}

const text = (max: number) => z.string().trim().min(1, 'is empty').max(max, `is longer than ${max} characters`);
const qualifier = z.enum(COUNT_QUALIFIERS);

export const acceptedEntitySchema = z
  .object({
    ref: z.string().regex(/^[a-z0-9_-]{1,40}$/i, 'is not a proposal id'),
    merge: nodeIdSchema.optional(),
    new: z.boolean().optional(),
    name: text(200),
    type: z.enum(NODE_TYPE_NAMES as [NodeType, ...NodeType[]]),
    aliases: z.array(text(200)).max(20).optional(),
    count: z.number().int().min(0).optional(),
    count_qualifier: qualifier.optional(),
    value: z.number().finite().optional(),
    value_qualifier: qualifier.optional(),
    unit: z.string().max(40).optional(),
    year: z.number().int().min(1800).max(2999).optional(),
    evidence: text(5_000),
  })
  .strict();

export const acceptedRelationSchema = z
  .object({
    source: z.string().min(1),
    type: z.enum(RELATION_TYPE_NAMES as [RelationType, ...RelationType[]]),
    target: z.string().min(1),
    evidence: text(5_000),
  })
  .strict();

export const acceptRequestSchema = z
  .object({
    dataset: datasetNameSchema,
    create: z.boolean().optional(),
    document: z
      .object({
        name: text(200),
        format: z.enum(DOCUMENT_FORMATS),
        // Not trimmed: the evidence is checked against the text as the person saw it.
        text: z.string().min(1, 'is empty').max(MAX_DOCUMENT_CHARS, `is longer than ${MAX_DOCUMENT_CHARS} characters`),
      })
      .strict(),
    entities: z.array(acceptedEntitySchema).min(1, 'holds no accepted entity').max(5_000),
    relations: z.array(acceptedRelationSchema).max(10_000),
  })
  .strict();

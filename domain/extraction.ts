// What the extractor proposes: entities, counted groups, figures and relations, each with the
// sentence that states it (verbatim, with its offsets in the text), a confidence and the rule
// that proposed it. Nothing here is written anywhere: a person reviews the proposals first.
import type { CountQualifier, NodeType, RelationType } from './ontology.ts';

/** A known entity of the target dataset: a proposal that matches one of its names is a merge. */
export interface GazetteerEntry {
  id: string;
  type: string;
  /** Its Chinese and English names and its aliases. */
  names: readonly string[];
}

/** A sentence of the input, verbatim, and where it lies in the text. */
export interface Evidence {
  sentence: number;
  text: string;
  start: number;
  end: number;
}

/** Where a mention lies in the input text (offsets of its first and past-its-last character). */
export interface Span {
  start: number;
  end: number;
}

export type EntityKind = 'named' | 'group' | 'indicator';

/** The rules that propose entities (docs/extraction.md explains each). */
export type EntityRule =
  | 'gazetteer'
  | 'suffix'
  | 'title'
  | 'quote'
  | 'award'
  | 'list-head'
  | 'distributed'
  | 'field-list'
  | 'count'
  | 'figure'
  | 'place'
  | 'alias';

export type RelationRule =
  | 'cue'
  | 'cue-coordination'
  | 'cue-passive'
  | 'list-head'
  | 'distributed'
  | 'compound-name'
  | 'nested-title'
  | 'name-prefix'
  | 'event-context'
  | 'figure'
  | 'group-default';

export interface Figure {
  value: number;
  qualifier: CountQualifier;
  unit: string;
  year?: number;
}

export interface EntityProposal {
  /** e1, e2 … in the order of first mention: stable for the same text and gazetteer. */
  id: string;
  kind: EntityKind;
  name: string;
  type: NodeType;
  /** Other names found for it in the text (short forms, the quoted core of a title). */
  aliases: string[];
  /** Group nodes: how many members the text counts. */
  count?: number;
  count_qualifier?: CountQualifier;
  /** Indicators: the figure. */
  value?: number;
  value_qualifier?: CountQualifier;
  unit?: string;
  year?: number;
  /** The gazetteer entry it matches by name or alias: accepting it merges, it is not a new node. */
  merge?: { id: string; type: string; name: string };
  confidence: number;
  rules: EntityRule[];
  /** Every sentence that mentions it, the first first. */
  evidence: Evidence[];
  mentions: Span[];
}

export interface RelationProposal {
  /** r1, r2 … in text order. */
  id: string;
  /** Entity proposal ids. */
  source: string;
  type: RelationType;
  target: string;
  confidence: number;
  rule: RelationRule;
  /** The cue word that states it, for cue rules. */
  cue?: string;
  evidence: Evidence;
}

export interface Extraction {
  sentences: Evidence[];
  entities: EntityProposal[];
  relations: RelationProposal[];
}

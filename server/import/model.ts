// What an import reads files into, before anything is written: nodes and relations mapped onto
// the ontology, every problem found (all of them, each with its file, line or element path,
// field and reason), and the files themselves for provenance. The reader never touches the
// database; the writer (write.ts) takes an ImportSet without problems.
import type { NodeType, RelationType } from '../../domain/ontology.ts';

/** Where a record came from: a file and a 1-based line (CSV, XLSX row) or an element path (XML, JSON). */
export interface Origin {
  file: string;
  line?: number;
  path?: string;
}

export interface ImportProblem extends Origin {
  /** The column, attribute or key at fault, when there is one. */
  field?: string;
  message: string;
}

export type PropertyValue = string | number | boolean | string[];

export interface ImportNode {
  /** A valid node id (domain/ids.ts): the data's own id when valid, else normalised from it. */
  id: string;
  /** The data's id when it had to be normalised (kept as a property). */
  originalId?: string;
  type: NodeType;
  /** At least one of the two names is set. */
  name_zh?: string;
  name_en?: string;
  aliases: string[];
  /** Every other column or attribute, with its type (number, boolean, string, list). */
  properties: Record<string, PropertyValue>;
  /** The row's own evidence (a quote) and the page it comes from, when the data gives them. */
  evidence?: string;
  source_url?: string;
  origin: Origin;
  /**
   * false: matched by id only, never by name. A figure read from a document (研发投入增长 12%) is
   * a fact of its sentence: another report's figure of the same name is another node.
   */
  matchByName?: false;
}

export interface ImportRelation {
  /** The data's own id when it has one. */
  id?: string;
  /** Node ids as in ImportNode.id (already normalised). */
  source: string;
  target: string;
  type: RelationType;
  properties: Record<string, PropertyValue>;
  evidence?: string;
  source_url?: string;
  origin: Origin;
}

/** `document`: a report read by the extractor, whose accepted proposals a person sent (server/extract/accept.ts). */
export type ImportFormat = 'csv' | 'xlsx' | 'json' | 'graphology-json' | 'gexf' | 'graphml' | 'document';

export interface ImportFile {
  name: string;
  bytes: number;
  /** Hex SHA-256 of the bytes as given. */
  sha256: string;
  format: ImportFormat;
  /** The text encoding found or given (text formats). */
  encoding?: string;
  /**
   * A document's text and the form it came in (pasted text, .docx …): its Source record holds
   * the text, so that the evidence can be read in place.
   */
  document?: { text: string; format: string };
}

/** A type value that matched no type of the ontology, with how often it occurs. */
export interface UnknownType {
  kind: 'node' | 'relation';
  value: string;
  count: number;
  /** The closest known types, best first (for the message and the mapping form). */
  suggestions: string[];
}

export interface ImportSet {
  files: ImportFile[];
  nodes: ImportNode[];
  relations: ImportRelation[];
  /** Empty when the set may be written. */
  problems: ImportProblem[];
  unknownTypes: UnknownType[];
}

/** A user's mapping of the data's type values onto the ontology's types. */
export interface TypeMapping {
  nodeTypes?: Record<string, string>;
  relationTypes?: Record<string, string>;
}

export interface ReadOptions {
  /** Forces a text encoding (utf-8, utf-16le, utf-16be, gb18030, gbk); detected when unset. */
  encoding?: string;
  mapping?: TypeMapping;
}

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

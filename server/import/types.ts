// Maps the type values of imported data onto the ontology (domain/ontology.ts): by the type key,
// its Chinese or English name, or a short list of unambiguous synonyms, case-, width-, separator-
// and plural-insensitively ("firms", "FIRMS", "Firm", "企业", "companies" → Firm). A value that
// matches nothing is unknown, reported with the closest known types; the user's mapping
// (options.mapping) resolves it, and its "" entry types the records whose data names no type.
import {
  GENERIC_NODE_TYPE,
  GENERIC_RELATION_TYPE,
  NODE_TYPES,
  NODE_TYPE_NAMES,
  RELATION_TYPES,
  RELATION_TYPE_NAMES,
  type NodeType,
  type RelationType,
} from '../../domain/ontology.ts';

/**
 * Synonyms beyond the ontology's own names. Each is a word that names exactly one type in this
 * ontology, read in the same direction as the relation type's meaning: "funded by" or
 * "invested by" are not here (they would reverse the relation), nor are words such as
 * "title", "sector", "source" or "organisation unit" that mean different things in different data.
 */
export const NODE_TYPE_SYNONYMS: Readonly<Record<string, NodeType>> = {
  // Firm: the usual words for a company
  company: 'Firm',
  enterprise: 'Firm',
  corporation: 'Firm',
  business: 'Firm',
  公司: 'Firm',
  // University
  college: 'University',
  大学: 'University',
  高等院校: 'University',
  // Institute
  'research institution': 'Institute',
  研究院: 'Institute',
  研究所: 'Institute',
  科研机构: 'Institute',
  // Lab
  laboratory: 'Lab',
  'key lab': 'Lab',
  实验室: 'Lab',
  // Platform
  'innovation center': 'Platform',
  'innovation centre': 'Platform',
  平台: 'Platform',
  // Talent: the ontology's type for people
  person: 'Talent',
  people: 'Talent',
  researcher: 'Talent',
  scientist: 'Talent',
  author: 'Talent',
  人物: 'Talent',
  专家: 'Talent',
  学者: 'Talent',
  // District: government bodies
  government: 'District',
  'government agency': 'District',
  政府: 'District',
  政府部门: 'District',
  // Park
  'industrial park': 'Park',
  'science park': 'Park',
  产业园: 'Park',
  // Investor
  fund: 'Investor',
  'venture capital': 'Investor',
  基金: 'Investor',
  // Programme
  program: 'Programme',
  policy: 'Programme',
  政策: 'Programme',
  计划: 'Programme',
  // Event
  conference: 'Event',
  summit: 'Event',
  会议: 'Event',
  // Honor
  honour: 'Honor',
  award: 'Honor',
  奖项: 'Honor',
  // Industry
  field: 'Industry',
  产业: 'Industry',
  领域: 'Industry',
  行业: 'Industry',
  // Organization
  organisation: 'Organization',
  组织: 'Organization',
  // Indicator
  metric: 'Indicator',
};

export const RELATION_TYPE_SYNONYMS: Readonly<Record<string, RelationType>> = {
  collaboration: 'COLLABORATES_WITH',
  'cooperates with': 'COLLABORATES_WITH',
  cooperation: 'COLLABORATES_WITH',
  'co-author': 'COLLABORATES_WITH',
  'co-authorship': 'COLLABORATES_WITH',
  'co-authored with': 'COLLABORATES_WITH',
  合著: 'COLLABORATES_WITH',
  合作关系: 'COLLABORATES_WITH',
  related: 'RELATED_TO',
  link: 'RELATED_TO',
  相关: 'RELATED_TO',
  funding: 'FUNDS',
  investment: 'INVESTS_IN',
  'belongs to': 'PART_OF',
  'subsidiary of': 'PART_OF',
  属于: 'PART_OF',
  'spin-off of': 'SPUN_OFF_FROM',
  'located at': 'LOCATED_IN',
  organises: 'HOSTS',
  organizes: 'HOSTS',
  主办: 'HOSTS',
  'participates in': 'TAKES_PART_IN',
  参加: 'TAKES_PART_IN',
};

const SEPARATORS = /[\s_\-/·.,&、]+/u;
const ASCII_WORD = /^[a-z]+$/;

/** English plural to singular for one lower-case word; other words are returned as they are. */
function singular(word: string): string {
  if (word.length <= 3 || !ASCII_WORD.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(sses|ches|shes|xes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * The comparison form of a type name: NFKC, lower case, separators dropped, each English word
 * made singular ("Research institutes" → "researchinstitute", "TAKES_PART_IN" → "takepartin").
 */
export function typeKey(value: string): string {
  return value.normalize('NFKC').toLowerCase().split(SEPARATORS).filter(Boolean).map(singular).join('');
}

type Kind = 'node' | 'relation';

interface Table<T extends string> {
  /** typeKey(name) → type, for every name of every type and every synonym. */
  byKey: Map<string, T>;
  /** Every (comparison form, type) pair, for suggestions. */
  names: { key: string; type: T }[];
}

function buildTable<T extends string>(
  types: readonly T[],
  info: Readonly<Record<T, { zh: string; en: string }>>,
  synonyms: Readonly<Record<string, T>>,
): Table<T> {
  const byKey = new Map<string, T>();
  const names: Table<T>['names'] = [];
  const add = (name: string, type: T) => {
    const key = typeKey(name);
    const known = byKey.get(key);
    if (known !== undefined && known !== type)
      throw new Error(`type name "${name}" would map to both ${known} and ${type}`);
    if (known === undefined) {
      byKey.set(key, type);
      names.push({ key, type });
    }
  };
  for (const type of types) {
    add(type, type);
    add(info[type].zh, type);
    add(info[type].en, type);
  }
  for (const [name, type] of Object.entries(synonyms)) add(name, type);
  return { byKey, names };
}

const NODE_TABLE = buildTable(NODE_TYPE_NAMES, NODE_TYPES, NODE_TYPE_SYNONYMS);
const RELATION_TABLE = buildTable(RELATION_TYPE_NAMES, RELATION_TYPES, RELATION_TYPE_SYNONYMS);

/** Levenshtein distance, two rows. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev = new Array<number>(n + 1);
  let curr = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    curr[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      curr[j] = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[n]!;
}

/** The three known types closest to a value (edit distance over comparison forms), best first. */
export function closestTypes(kind: Kind, value: string, count = 3): string[] {
  const table: Table<string> = kind === 'node' ? NODE_TABLE : RELATION_TABLE;
  const order: readonly string[] = kind === 'node' ? NODE_TYPE_NAMES : RELATION_TYPE_NAMES;
  const key = typeKey(value);
  const best = new Map<string, number>();
  for (const name of table.names) {
    const d = editDistance(key, name.key) / Math.max(key.length, name.key.length, 1);
    const known = best.get(name.type);
    if (known === undefined || d < known) best.set(name.type, d);
  }
  return [...best]
    .sort((x, y) => x[1] - y[1] || order.indexOf(x[0]) - order.indexOf(y[0]))
    .slice(0, count)
    .map(([type]) => type);
}

/** The ontology type a name denotes (key, Chinese or English name, synonym), or undefined. */
export function knownNodeType(value: string): NodeType | undefined {
  return NODE_TABLE.byKey.get(typeKey(value));
}

export function knownRelationType(value: string): RelationType | undefined {
  return RELATION_TABLE.byKey.get(typeKey(value));
}

const EDGE_DIRECTIONS = new Set(['directed', 'undirected', 'mutual']);

export type Resolution<T> = { type: T } | { unknown: string; suggestions: string[] };

export interface MappingProblem {
  field: string;
  message: string;
}

/**
 * Resolves one kind's type values: first the user's mapping (its keys compared as type names
 * are, "" for records without a type), then the ontology's names; values are remembered, so a
 * column of 500,000 equal values costs one look-up.
 */
export class TypeResolver<T extends string> {
  private readonly mapped = new Map<string, T>();
  private readonly cache = new Map<string, Resolution<T>>();
  readonly problems: MappingProblem[] = [];
  /** The type of records whose data names none (the mapping's "" entry, else the generic type). */
  readonly untyped: T;
  /** The generic type (Actor, RELATED_TO): what a record of an unknown type is read as. */
  readonly generic: T;

  constructor(
    private readonly kind: Kind,
    mapping: Record<string, string> | undefined,
  ) {
    const generic = (kind === 'node' ? GENERIC_NODE_TYPE : GENERIC_RELATION_TYPE) as T;
    const known = (kind === 'node' ? knownNodeType : knownRelationType) as (v: string) => T | undefined;
    const option = kind === 'node' ? 'nodeTypes' : 'relationTypes';
    let untyped = generic;
    for (const [from, to] of Object.entries(mapping ?? {})) {
      const target = typeof to === 'string' ? known(to) : undefined;
      const field = `mapping.${option}[${JSON.stringify(from)}]`;
      if (target === undefined) {
        this.problems.push({
          field,
          message: `maps to ${JSON.stringify(to)}, which is not a ${kind} type (closest: ${closestTypes(kind, String(to)).join(', ')})`,
        });
        continue;
      }
      if (from.trim() === '') untyped = target;
      else this.mapped.set(typeKey(from), target);
    }
    this.untyped = untyped;
    this.generic = generic;
    this.known = known;
  }

  private readonly known: (v: string) => T | undefined;

  resolve(value: string | undefined): Resolution<T> {
    if (value === undefined || value.trim() === '') return { type: this.untyped };
    const cached = this.cache.get(value);
    if (cached) return cached;
    const key = typeKey(value);
    const type =
      this.mapped.get(key) ??
      this.known(value) ??
      // Gephi's edge tables give each edge's direction in their Type column: no relation type.
      (this.kind === 'relation' && EDGE_DIRECTIONS.has(key) ? this.untyped : undefined);
    const result: Resolution<T> =
      type !== undefined ? { type } : { unknown: value.trim(), suggestions: closestTypes(this.kind, value) };
    this.cache.set(value, result);
    return result;
  }
}

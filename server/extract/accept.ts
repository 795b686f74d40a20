// What a person accepted of a document's proposals, as an import set: the import's merge then
// writes it all or nothing, with the document as the one Source of every fact and each fact's
// sentence as its evidence. Pure: the route supplies the dataset's node ids. Every problem is
// found (not only the first), each named by its field (`entities.2.evidence`).
import { createHash } from 'node:crypto';
import type { AcceptedEntity, AcceptRequest } from '../../domain/review.ts';
import { hasHan } from '../../domain/search-keys.ts';
import type { ImportNode, ImportProblem, ImportRelation, ImportSet, PropertyValue } from '../import/model.ts';
import { nameKey } from '../import/plan.ts';
import { normalizeNodeId } from '../import/read-ids.ts';

export interface AcceptProblem {
  field: string;
  message: string;
}

export interface AcceptedSet {
  set: ImportSet;
  /** Entity ref → the node id it is written under (its merge target, or a new id). */
  ids: Map<string, string>;
  problems: AcceptProblem[];
}

export function documentSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const NUMERIC_FIELDS = ['count', 'count_qualifier', 'value', 'value_qualifier', 'unit', 'year'] as const;

function properties(entity: AcceptedEntity): Record<string, PropertyValue> {
  const props: Record<string, PropertyValue> = {};
  for (const field of NUMERIC_FIELDS) {
    const value = entity[field];
    if (value !== undefined && value !== '') props[field] = value;
  }
  return props;
}

/** A figure or a counted group: a fact of its sentence, not an actor found again by its name. */
function isFigure(entity: AcceptedEntity): boolean {
  return entity.value !== undefined || entity.count !== undefined;
}

/**
 * A new node's id: its type and name (pinyin for Chinese), a figure's value and year too, never
 * one the dataset or this request holds.
 */
function newId(entity: AcceptedEntity, taken: ReadonlySet<string>): string {
  const figure = isFigure(entity) ? `-${entity.value ?? entity.count}${entity.year ? `-${entity.year}` : ''}` : '';
  const base = normalizeNodeId(`${entity.type.toLowerCase()}/${entity.name}${figure}`);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

interface EntityIds {
  ids: Map<string, string>;
  nodes: ImportNode[];
}

/** A node of the target dataset: its id and every name it answers to. */
export interface KnownNode {
  id: string;
  names: readonly string[];
}

function namesIndex(known: readonly KnownNode[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const node of known)
    for (const name of node.names) {
      const ids = index.get(nameKey(name)) ?? [];
      if (!ids.includes(node.id)) ids.push(node.id);
      index.set(nameKey(name), ids);
    }
  return index;
}

/**
 * The existing node an entity is written into: the one it names as its merge, else the one
 * node one of its names or aliases matches — exactly what the import's merge would match, so
 * that the ids answered are the ids written. A figure or counted group and an entity the person
 * made a new node are never matched by name (undefined: a new node).
 */
function mergeTarget(entity: AcceptedEntity, at: string, known: Known, problems: AcceptProblem[]) {
  const problem = (field: string, message: string) => problems.push({ field: `${at}.${field}`, message });
  if (entity.merge !== undefined) {
    if (!known.ids.has(entity.merge)) problem('merge', `names ${entity.merge}, which is not a node of the dataset`);
    if (isFigure(entity)) problem('merge', 'a figure or counted group is a fact of its sentence: it is never merged');
    if (entity.new === true) problem('new', 'a new node cannot also merge into an existing one');
    return entity.merge;
  }
  if (isSeparate(entity)) return undefined;
  const matches = new Set<string>();
  for (const name of [entity.name, ...(entity.aliases ?? [])])
    for (const id of known.byName.get(nameKey(name)) ?? []) matches.add(id);
  if (matches.size > 1)
    problem(
      'name',
      `its names match ${matches.size} nodes of the dataset (${[...matches].join(', ')}): choose the one to merge into`,
    );
  return matches.size === 1 ? [...matches][0] : undefined;
}

/** Written as a node of its own whatever its names: a figure, or what the person made new. */
function isSeparate(entity: AcceptedEntity): boolean {
  return isFigure(entity) || entity.new === true;
}

interface Known {
  ids: ReadonlySet<string>;
  byName: ReadonlyMap<string, string[]>;
}

function entityIds(req: AcceptRequest, known: Known, problems: AcceptProblem[]): EntityIds {
  const ids = new Map<string, string>();
  const nodes: ImportNode[] = [];
  const taken = new Set(known.ids);
  /** Two accepted proposals of one name and type are one new node. */
  const byName = new Map<string, string>();
  req.entities.forEach((entity, i) => {
    const at = `entities.${i}`;
    if (ids.has(entity.ref)) problems.push({ field: `${at}.ref`, message: `repeats ${entity.ref}` });
    if (!req.document.text.includes(entity.evidence))
      problems.push({ field: `${at}.evidence`, message: 'does not occur verbatim in the document' });
    const merge = mergeTarget(entity, at, known, problems);
    const key = `${entity.type}\u0000${nameKey(entity.name)}`;
    const separate = isSeparate(entity);
    const id = merge ?? (separate ? undefined : byName.get(key)) ?? newId(entity, taken);
    ids.set(entity.ref, id);
    if (merge === undefined && !separate && byName.has(key)) return;
    if (merge === undefined && !separate) byName.set(key, id);
    taken.add(id);
    nodes.push({
      id,
      type: entity.type,
      ...(hasHan(entity.name) ? { name_zh: entity.name } : { name_en: entity.name }),
      aliases: (entity.aliases ?? []).filter((a) => nameKey(a) !== nameKey(entity.name)),
      properties: properties(entity),
      evidence: entity.evidence,
      origin: { file: req.document.name, path: at },
      ...(separate && merge === undefined ? { matchByName: false as const } : {}),
    });
  });
  return { ids, nodes };
}

function relations(req: AcceptRequest, ids: ReadonlyMap<string, string>, problems: AcceptProblem[]): ImportRelation[] {
  const out: ImportRelation[] = [];
  req.relations.forEach((relation, i) => {
    const at = `relations.${i}`;
    const source = ids.get(relation.source);
    const target = ids.get(relation.target);
    for (const end of ['source', 'target'] as const)
      if (!ids.has(relation[end]))
        problems.push({ field: `${at}.${end}`, message: `names ${relation[end]}, which is not an accepted entity` });
    if (!req.document.text.includes(relation.evidence))
      problems.push({ field: `${at}.evidence`, message: 'does not occur verbatim in the document' });
    if (source === undefined || target === undefined) return;
    if (source === target) {
      problems.push({ field: `${at}.target`, message: `is the same node as its source (${source})` });
      return;
    }
    out.push({
      source,
      target,
      type: relation.type,
      properties: {},
      evidence: relation.evidence,
      origin: { file: req.document.name, path: at },
    });
  });
  return out;
}

/** The import set for an accept request, or the problems that refuse it. */
export function acceptedSet(req: AcceptRequest, known: readonly KnownNode[]): AcceptedSet {
  const problems: AcceptProblem[] = [];
  const index = { ids: new Set(known.map((n) => n.id)), byName: namesIndex(known) };
  const { ids, nodes } = entityIds(req, index, problems);
  const rels = relations(req, ids, problems);
  const text = req.document.text;
  const importProblems: ImportProblem[] = problems.map((p) => ({ file: req.document.name, ...p }));
  return {
    set: {
      files: [
        {
          name: req.document.name,
          bytes: Buffer.byteLength(text, 'utf8'),
          sha256: documentSha256(text),
          format: 'document',
          document: { text, format: req.document.format },
        },
      ],
      nodes,
      relations: rels,
      problems: importProblems,
      unknownTypes: [],
    },
    ids,
    problems,
  };
}

// What an import would do to a dataset, worked out before anything is written (the dry run):
// which nodes are new, which match existing ones (by id, then by exact Chinese or English name
// or alias) and which conflict; which relations are new or already there. Pure: the writer
// applies a plan, and the same plan is what --dry-run and the upload dialog show.
import { isUndirected } from '../../domain/ontology.ts';
import type { ImportNode, ImportRelation, ImportSet, PropertyValue } from './model.ts';

/** A node of the dataset being merged into, as read from the database. */
export interface ExistingNode {
  id: string;
  type: string;
  name_zh: string | null;
  name_en: string | null;
  aliases: string[];
  props: Record<string, unknown>;
}

export interface ExistingRelation {
  id: string;
  type: string;
  source: string;
  target: string;
}

export interface NodeMatch {
  imported: string;
  existing: string;
  by: 'id' | 'name';
  /** Properties the import adds to the existing node (it had none of that name). */
  adds: Record<string, PropertyValue>;
}

export interface Conflict {
  imported: string;
  /** The existing node(s) concerned. */
  existing: string[];
  field: string;
  message: string;
}

export interface ImportPlan {
  /** Imported node id → the id it has in the dataset (itself, or the node it matched). */
  idMap: Map<string, string>;
  addedNodes: ImportNode[];
  matchedNodes: NodeMatch[];
  conflicts: Conflict[];
  addedRelations: ImportRelation[];
  /** Relations the dataset already holds (same ends and type). */
  matchedRelations: number;
  /** Those of them that hold the import's evidence from now on: the existing relation's id. */
  extendedRelations: { existing: ExistingRelation; imported: ImportRelation }[];
}

/** Exact comparison of names: Unicode-normalised, case and inner spaces ignored. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The identity of a tie: its ends and type (either order for a symmetric type). */
export function tieKey(source: string, type: string, target: string): string {
  const [a, b] = isUndirected(type) && target < source ? [target, source] : [source, target];
  return `${a}\u0000${type}\u0000${b}`;
}

function namesOf(node: { name_zh?: string | null; name_en?: string | null; aliases: readonly string[] }): string[] {
  return [node.name_zh, node.name_en, ...node.aliases].filter((n): n is string => !!n && n.trim() !== '');
}

/** Plans a merge into `existing` (an empty dataset for a new import or a replace). */
export function planImport(
  set: ImportSet,
  existing: { nodes: readonly ExistingNode[]; relations: readonly ExistingRelation[] },
): ImportPlan {
  const byId = new Map(existing.nodes.map((n) => [n.id, n]));
  const byName = new Map<string, Set<string>>();
  for (const node of existing.nodes)
    for (const name of namesOf(node)) {
      const key = nameKey(name);
      const ids = byName.get(key) ?? new Set<string>();
      ids.add(node.id);
      byName.set(key, ids);
    }
  const plan: ImportPlan = {
    idMap: new Map(),
    addedNodes: [],
    matchedNodes: [],
    conflicts: [],
    addedRelations: [],
    matchedRelations: 0,
    extendedRelations: [],
  };
  for (const node of set.nodes) matchNode(node, byId, byName, plan);
  const existingTies = new Map(existing.relations.map((r) => [tieKey(r.source, r.type, r.target), r]));
  const ties = new Set(existingTies.keys());
  for (const relation of set.relations) {
    const source = plan.idMap.get(relation.source) ?? relation.source;
    const target = plan.idMap.get(relation.target) ?? relation.target;
    const key = tieKey(source, relation.type, target);
    if (ties.has(key)) {
      plan.matchedRelations++;
      const tie = existingTies.get(key);
      if (tie) plan.extendedRelations.push({ existing: tie, imported: relation });
      continue;
    }
    ties.add(key);
    plan.addedRelations.push({ ...relation, source, target });
  }
  return plan;
}

function matchNode(
  node: ImportNode,
  byId: ReadonlyMap<string, ExistingNode>,
  byName: ReadonlyMap<string, ReadonlySet<string>>,
  plan: ImportPlan,
): void {
  let match = byId.get(node.id);
  let by: NodeMatch['by'] = 'id';
  if (!match && node.matchByName !== false) {
    const candidates = new Set<string>();
    for (const name of namesOf(node)) for (const id of byName.get(nameKey(name)) ?? []) candidates.add(id);
    if (candidates.size > 1) {
      plan.conflicts.push({
        imported: node.id,
        existing: [...candidates].sort(),
        field: 'name',
        message: `its names match ${candidates.size} existing nodes (${[...candidates].sort().join(', ')}); give it one of their ids to choose`,
      });
      plan.idMap.set(node.id, node.id);
      return;
    }
    const [only] = candidates;
    match = only !== undefined ? byId.get(only) : undefined;
    by = 'name';
  }
  if (!match) {
    plan.idMap.set(node.id, node.id);
    plan.addedNodes.push(node);
    return;
  }
  plan.idMap.set(node.id, match.id);
  if (match.type !== node.type && node.type !== 'Actor')
    plan.conflicts.push({
      imported: node.id,
      existing: [match.id],
      field: 'type',
      message: `matched ${match.id} by ${by}, which is a ${match.type}, not a ${node.type}; the existing type is kept`,
    });
  const adds: Record<string, PropertyValue> = {};
  for (const [key, value] of Object.entries(node.properties)) {
    const current = match.props[key];
    if (current === undefined) adds[key] = value;
    else if (JSON.stringify(current) !== JSON.stringify(value))
      plan.conflicts.push({
        imported: node.id,
        existing: [match.id],
        field: key,
        message: `existing value ${JSON.stringify(current)} differs from imported ${JSON.stringify(value)}; the existing value is kept`,
      });
  }
  plan.matchedNodes.push({ imported: node.id, existing: match.id, by, adds });
}

/** The counts a dry run reports. */
export function planSummary(plan: ImportPlan) {
  return {
    nodes: {
      added: plan.addedNodes.length,
      matched: plan.matchedNodes.length,
      matchedById: plan.matchedNodes.filter((m) => m.by === 'id').length,
      matchedByName: plan.matchedNodes.filter((m) => m.by === 'name').length,
    },
    relations: { added: plan.addedRelations.length, matched: plan.matchedRelations },
    conflicts: plan.conflicts.length,
  };
}

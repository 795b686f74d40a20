// The decisions a person makes on a document's proposals: each entity and relation is pending,
// accepted (as proposed or as edited) or rejected. One rule holds throughout: an accepted
// relation has both its ends accepted — accepting a relation accepts its pending ends, a relation
// with a rejected end cannot be accepted, and an end rejected or set back to pending takes its
// accepted relations back to pending. What is accepted becomes the AcceptRequest, and nothing
// else: the model writes nothing itself. Its decisions can be saved as a plain record and
// restored onto the same proposals (a reload of the tab). Once written, the decisions are
// closed: the proposals predate the write (what was written would now be proposed as merges),
// so writing them again would add the same figures and evidence twice — a new reading goes on.
// Pure (no DOM), tested in Node.
import type { EntityProposal, RelationProposal } from '../../../../domain/extraction.ts';
import { NODE_TYPE_NAMES, RELATION_TYPE_NAMES, type NodeType, type RelationType } from '../../../../domain/ontology.ts';
import type { AcceptRequest, AcceptedEntity, AcceptedRelation, ExtractResponse } from '../../../../domain/review.ts';

export type Decision = 'pending' | 'accepted' | 'rejected';

export interface EntityItem {
  readonly proposal: EntityProposal;
  decision: Decision;
  name: string;
  type: NodeType;
  /** The existing node it merges into; undefined: a new node (none matched, or the person unlinked it). */
  merge: EntityProposal['merge'];
  /** When renamed: the text's own name is kept as an alias (so the next reading of it merges). */
  keepTextName: boolean;
  edited: boolean;
}

export interface RelationItem {
  readonly proposal: RelationProposal;
  decision: Decision;
  source: string;
  target: string;
  type: RelationType;
  edited: boolean;
}

/** What a decision did beyond the item itself, for the person to be told. */
export type Outcome =
  | { ok: true; alsoAccepted: string[]; backToPending: string[] }
  | { ok: false; reason: 'end-rejected'; end: string }
  | { ok: false; reason: 'same-ends' | 'empty-name' | 'unknown' | 'written' };

export interface Counts {
  accepted: number;
  rejected: number;
  pending: number;
}

/** The proposals as the list groups them: named entities, counted groups, figures, relations. */
export interface Groups {
  named: EntityItem[];
  groups: EntityItem[];
  figures: EntityItem[];
  relations: RelationItem[];
}

/** An entity's decision as saved: only what the person changed, by proposal id. */
export interface SavedEntity {
  id: string;
  decision: Decision;
  name: string;
  type: NodeType;
  /** Still merged into the node it matched (false: the person unlinked it). */
  linked: boolean;
  keepTextName: boolean;
  edited: boolean;
}

export interface SavedRelation {
  id: string;
  decision: Decision;
  source: string;
  target: string;
  type: RelationType;
  edited: boolean;
}

/** The decisions on one reading's proposals, as JSON can keep them. */
export interface SavedDecisions {
  v: 1;
  entities: SavedEntity[];
  relations: SavedRelation[];
}

const DECISIONS: readonly string[] = ['pending', 'accepted', 'rejected'];
const MAX_ALIASES = 20;
const MAX_NAME = 200;
const done = (alsoAccepted: string[] = [], backToPending: string[] = []): Outcome => ({
  ok: true,
  alsoAccepted,
  backToPending,
});

const closed: Outcome = { ok: false, reason: 'written' };

export class ReviewModel {
  private readonly entityItems = new Map<string, EntityItem>();
  private readonly relationItems = new Map<string, RelationItem>();
  private writtenOut = false;

  constructor(readonly response: ExtractResponse) {
    for (const proposal of response.extraction.entities)
      this.entityItems.set(proposal.id, {
        proposal,
        decision: 'pending',
        name: proposal.name,
        type: proposal.type,
        merge: proposal.merge,
        keepTextName: true,
        edited: false,
      });
    for (const proposal of response.extraction.relations)
      this.relationItems.set(proposal.id, {
        proposal,
        decision: 'pending',
        source: proposal.source,
        target: proposal.target,
        type: proposal.type,
        edited: false,
      });
  }

  /** The accepted items were written: no decision is taken any more (read the text again). */
  get written(): boolean {
    return this.writtenOut;
  }

  markWritten(): void {
    this.writtenOut = true;
  }

  entity(id: string): EntityItem | undefined {
    return this.entityItems.get(id);
  }

  relation(id: string): RelationItem | undefined {
    return this.relationItems.get(id);
  }

  entities(): EntityItem[] {
    return [...this.entityItems.values()];
  }

  relations(): RelationItem[] {
    return [...this.relationItems.values()];
  }

  groups(): Groups {
    const entities = this.entities();
    return {
      named: entities.filter((e) => e.proposal.kind === 'named'),
      groups: entities.filter((e) => e.proposal.kind === 'group'),
      figures: entities.filter((e) => e.proposal.kind === 'indicator'),
      relations: this.relations(),
    };
  }

  /** The current name of an entity (as edited), or its id when unknown. */
  label(id: string): string {
    return this.entityItems.get(id)?.name ?? id;
  }

  /** The end of a relation that is rejected (so it cannot be accepted), if any. */
  blockedBy(relation: RelationItem): string | undefined {
    return [relation.source, relation.target].find((end) => this.entityItems.get(end)?.decision === 'rejected');
  }

  counts(): Counts {
    const counts: Counts = { accepted: 0, rejected: 0, pending: 0 };
    for (const item of [...this.entityItems.values(), ...this.relationItems.values()]) counts[item.decision]++;
    return counts;
  }

  /**
   * The items whose rows a decision on `id` may have changed: the item, what the decision also
   * changed, and the relations of every entity among them (a relation's row shows its ends'
   * names, and whether an end is rejected).
   */
  touched(id: string, outcome: Outcome | undefined): Set<string> {
    const ids = new Set([id, ...(outcome?.ok ? [...outcome.alsoAccepted, ...outcome.backToPending] : [])]);
    const entities = [...ids].filter((x) => this.entityItems.has(x));
    if (entities.length > 0)
      for (const r of this.relationItems.values())
        if (entities.includes(r.source) || entities.includes(r.target)) ids.add(r.proposal.id);
    return ids;
  }

  /** Accepts an entity, or a relation with its pending ends. */
  accept(id: string): Outcome {
    if (this.writtenOut) return closed;
    const entity = this.entityItems.get(id);
    if (entity) {
      entity.decision = 'accepted';
      return done();
    }
    const relation = this.relationItems.get(id);
    return relation ? this.acceptRelation(relation) : { ok: false, reason: 'unknown' };
  }

  private acceptRelation(relation: RelationItem): Outcome {
    const blocked = this.blockedBy(relation);
    if (blocked !== undefined) return { ok: false, reason: 'end-rejected', end: blocked };
    const alsoAccepted: string[] = [];
    for (const end of new Set([relation.source, relation.target])) {
      const item = this.entityItems.get(end);
      if (item && item.decision === 'pending') {
        item.decision = 'accepted';
        alsoAccepted.push(end);
      }
    }
    relation.decision = 'accepted';
    return done(alsoAccepted);
  }

  /** Rejects an item; an entity's accepted relations go back to pending. */
  reject(id: string): Outcome {
    return this.decide(id, 'rejected');
  }

  /** Sets an item back to pending (undo); an entity's accepted relations go back to pending too. */
  reset(id: string): Outcome {
    return this.decide(id, 'pending');
  }

  private decide(id: string, decision: 'rejected' | 'pending'): Outcome {
    if (this.writtenOut) return closed;
    const relation = this.relationItems.get(id);
    if (relation) {
      relation.decision = decision;
      return done();
    }
    const entity = this.entityItems.get(id);
    if (!entity) return { ok: false, reason: 'unknown' };
    entity.decision = decision;
    const backToPending: string[] = [];
    for (const r of this.relationItems.values())
      if (r.decision === 'accepted' && (r.source === id || r.target === id)) {
        r.decision = 'pending';
        backToPending.push(r.proposal.id);
      }
    return done([], backToPending);
  }

  /** An edited entity is accepted as edited. */
  editEntity(id: string, edit: { name: string; type: NodeType; keepTextName: boolean }): Outcome {
    if (this.writtenOut) return closed;
    const entity = this.entityItems.get(id);
    if (!entity) return { ok: false, reason: 'unknown' };
    const name = edit.name.trim();
    if (!name) return { ok: false, reason: 'empty-name' };
    entity.name = name.slice(0, MAX_NAME);
    entity.type = edit.type;
    entity.keepTextName = edit.keepTextName;
    entity.edited = entity.name !== entity.proposal.name || entity.type !== entity.proposal.type;
    entity.decision = 'accepted';
    return done();
  }

  /** An edited relation (its ends, their order, its type) is accepted as edited, its ends too. */
  editRelation(id: string, edit: { source: string; target: string; type: RelationType }): Outcome {
    if (this.writtenOut) return closed;
    const relation = this.relationItems.get(id);
    if (!relation || !this.entityItems.has(edit.source) || !this.entityItems.has(edit.target))
      return { ok: false, reason: 'unknown' };
    if (edit.source === edit.target) return { ok: false, reason: 'same-ends' };
    const before = { source: relation.source, target: relation.target, type: relation.type };
    Object.assign(relation, edit);
    const outcome = this.acceptRelation(relation);
    if (!outcome.ok) {
      Object.assign(relation, before);
      return outcome;
    }
    const p = relation.proposal;
    relation.edited = relation.source !== p.source || relation.target !== p.target || relation.type !== p.type;
    return outcome;
  }

  /** Unlinks an entity from the existing node it matched (a new node instead), or links it again. */
  setMerge(id: string, linked: boolean): void {
    const entity = this.entityItems.get(id);
    if (entity && !this.writtenOut) entity.merge = linked ? entity.proposal.merge : undefined;
  }

  /** Accepts every pending proposal at or above a confidence (relations with their ends). */
  acceptAbove(threshold: number): number {
    if (this.writtenOut) return 0;
    let accepted = 0;
    for (const e of this.entityItems.values())
      if (e.decision === 'pending' && e.proposal.confidence >= threshold) {
        e.decision = 'accepted';
        accepted++;
      }
    for (const r of this.relationItems.values())
      if (r.decision === 'pending' && r.proposal.confidence >= threshold) {
        const outcome = this.acceptRelation(r);
        if (outcome.ok) accepted += 1 + outcome.alsoAccepted.length;
      }
    return accepted;
  }

  /** The decisions made so far, as a plain record (the items left as proposed are not in it). */
  saved(): SavedDecisions {
    const entities = this.entities()
      .filter((e) => e.decision !== 'pending' || e.edited || !e.keepTextName || e.merge !== e.proposal.merge)
      .map((e): SavedEntity => ({
        id: e.proposal.id,
        decision: e.decision,
        name: e.name,
        type: e.type,
        linked: e.merge !== undefined,
        keepTextName: e.keepTextName,
        edited: e.edited,
      }));
    const relations = this.relations()
      .filter((r) => r.decision !== 'pending' || r.edited)
      .map((r): SavedRelation => ({
        id: r.proposal.id,
        decision: r.decision,
        source: r.source,
        target: r.target,
        type: r.type,
        edited: r.edited,
      }));
    return { v: 1, entities, relations };
  }

  /**
   * Puts saved decisions back: every item starts as proposed, then takes its saved record if
   * that record fits (a known id, a known decision and type, a relation's ends among the
   * entities); what does not fit is left as proposed. An accepted relation whose ends are not
   * both accepted goes back to pending. Answers how many records were taken.
   */
  restore(saved: unknown): number {
    this.resetAll();
    if (!isRecord(saved) || saved.v !== 1 || !Array.isArray(saved.entities) || !Array.isArray(saved.relations))
      return 0;
    let taken = 0;
    for (const record of saved.entities as unknown[]) if (this.restoreEntity(record)) taken++;
    for (const record of saved.relations as unknown[]) if (this.restoreRelation(record)) taken++;
    for (const r of this.relationItems.values())
      if (
        r.decision === 'accepted' &&
        [r.source, r.target].some((end) => this.entityItems.get(end)?.decision !== 'accepted')
      )
        r.decision = 'pending';
    return taken;
  }

  private resetAll(): void {
    for (const e of this.entityItems.values()) {
      const p = e.proposal;
      Object.assign(e, {
        decision: 'pending',
        name: p.name,
        type: p.type,
        merge: p.merge,
        keepTextName: true,
        edited: false,
      });
    }
    for (const r of this.relationItems.values()) {
      const p = r.proposal;
      Object.assign(r, { decision: 'pending', source: p.source, target: p.target, type: p.type, edited: false });
    }
  }

  private restoreEntity(record: unknown): boolean {
    if (!isRecord(record) || typeof record.id !== 'string') return false;
    const entity = this.entityItems.get(record.id);
    const name = typeof record.name === 'string' ? record.name.trim().slice(0, MAX_NAME) : '';
    if (
      !entity ||
      !isDecision(record.decision) ||
      name === '' ||
      !(NODE_TYPE_NAMES as readonly unknown[]).includes(record.type) ||
      typeof record.linked !== 'boolean' ||
      typeof record.keepTextName !== 'boolean'
    )
      return false;
    const p = entity.proposal;
    entity.decision = record.decision;
    entity.name = name;
    entity.type = record.type as NodeType;
    entity.merge = record.linked ? p.merge : undefined;
    entity.keepTextName = record.keepTextName;
    // Worked out again, as editEntity does, rather than taken from the record.
    entity.edited = entity.name !== p.name || entity.type !== p.type;
    return true;
  }

  private restoreRelation(record: unknown): boolean {
    if (!isRecord(record) || typeof record.id !== 'string') return false;
    const relation = this.relationItems.get(record.id);
    const { source, target } = record;
    if (
      !relation ||
      !isDecision(record.decision) ||
      typeof source !== 'string' ||
      typeof target !== 'string' ||
      source === target ||
      !this.entityItems.has(source) ||
      !this.entityItems.has(target) ||
      !(RELATION_TYPE_NAMES as readonly unknown[]).includes(record.type)
    )
      return false;
    const p = relation.proposal;
    relation.decision = record.decision;
    relation.source = source;
    relation.target = target;
    relation.type = record.type as RelationType;
    relation.edited = source !== p.source || target !== p.target || relation.type !== p.type;
    return true;
  }

  /** The accepted items as the server takes them: nothing pending or rejected is in it. */
  request(dataset: string, create: boolean): AcceptRequest {
    const { document } = this.response;
    return {
      dataset,
      ...(create ? { create: true } : {}),
      document: { name: document.name, format: document.format, text: document.text },
      entities: this.entities()
        .filter((e) => e.decision === 'accepted')
        .map(acceptedEntity),
      relations: this.relations()
        .filter((r) => r.decision === 'accepted')
        .map((r): AcceptedRelation => ({
          source: r.source,
          type: r.type,
          target: r.target,
          evidence: r.proposal.evidence.text,
        })),
    };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDecision(value: unknown): value is Decision {
  return typeof value === 'string' && DECISIONS.includes(value);
}

function acceptedEntity(e: EntityItem): AcceptedEntity {
  const p = e.proposal;
  const names = [...p.aliases, ...(e.keepTextName ? [p.name] : [])];
  const aliases = [...new Set(names.map((a) => a.trim()))]
    .filter((a) => a !== '' && a !== e.name && a.length <= MAX_NAME)
    .slice(0, MAX_ALIASES);
  const figure = {
    count: p.count,
    count_qualifier: p.count_qualifier,
    value: p.value,
    value_qualifier: p.value_qualifier,
    unit: p.unit,
    year: p.year,
  };
  return {
    ref: p.id,
    // Unlinked from the node it matched: a new node, which the server must not match by name.
    ...(e.merge ? { merge: e.merge.id } : p.merge ? { new: true } : {}),
    name: e.name,
    type: e.type,
    ...(aliases.length > 0 ? { aliases } : {}),
    ...Object.fromEntries(Object.entries(figure).filter(([, v]) => v !== undefined)),
    // The first sentence that states it; a proposal always has one, the name is a last resort.
    evidence: p.evidence[0]?.text ?? p.name,
  };
}

// The decisions a person makes on a document's proposals: each entity and relation is pending,
// accepted (as proposed or as edited) or rejected. One rule holds throughout: an accepted
// relation has both its ends accepted — accepting a relation accepts its pending ends, a relation
// with a rejected end cannot be accepted, and an end rejected or set back to pending takes its
// accepted relations back to pending. What is accepted becomes the AcceptRequest, and nothing
// else: the model writes nothing itself. Pure (no DOM), tested in Node.
import type { EntityProposal, RelationProposal } from '../../../../domain/extraction.ts';
import type { NodeType, RelationType } from '../../../../domain/ontology.ts';
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
  | { ok: false; reason: 'same-ends' | 'empty-name' | 'unknown' };

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

const MAX_ALIASES = 20;
const MAX_NAME = 200;
const done = (alsoAccepted: string[] = [], backToPending: string[] = []): Outcome => ({
  ok: true,
  alsoAccepted,
  backToPending,
});

export class ReviewModel {
  private readonly entityItems = new Map<string, EntityItem>();
  private readonly relationItems = new Map<string, RelationItem>();

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

  /** Accepts an entity, or a relation with its pending ends. */
  accept(id: string): Outcome {
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
    if (entity) entity.merge = linked ? entity.proposal.merge : undefined;
  }

  /** Accepts every pending proposal at or above a confidence (relations with their ends). */
  acceptAbove(threshold: number): number {
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
    ...(e.merge ? { merge: e.merge.id } : {}),
    name: e.name,
    type: e.type,
    ...(aliases.length > 0 ? { aliases } : {}),
    ...Object.fromEntries(Object.entries(figure).filter(([, v]) => v !== undefined)),
    // The first sentence that states it; a proposal always has one, the name is a last resort.
    evidence: p.evidence[0]?.text ?? p.name,
  };
}

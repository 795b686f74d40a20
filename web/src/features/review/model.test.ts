import { describe, expect, it } from 'vitest';
import type { EntityProposal, Evidence, RelationProposal } from '../../../../domain/extraction.ts';
import type { ExtractResponse } from '../../../../domain/review.ts';
import { ReviewModel } from './model.ts';
import { mentionsOf, segments } from './segments.ts';

const TEXT = '云湖区科学技术局发布《云湖创新十条》。星途智能获评“瞪羚企业”。全区高新技术企业达到153家。';
const sentence = (n: number, text: string): Evidence => {
  const start = TEXT.indexOf(text);
  return { sentence: n, text, start, end: start + text.length };
};
const S0 = sentence(0, '云湖区科学技术局发布《云湖创新十条》。');
const S1 = sentence(1, '星途智能获评“瞪羚企业”。');
const S2 = sentence(2, '全区高新技术企业达到153家。');

const entity = (id: string, name: string, over: Partial<EntityProposal> = {}): EntityProposal => {
  const start = TEXT.indexOf(name);
  const evidence = [S0, S1, S2].filter((s) => s.start <= start && start < s.end);
  return {
    id,
    kind: 'named',
    name,
    type: 'Firm',
    aliases: [],
    confidence: 0.9,
    rules: ['suffix'],
    evidence,
    mentions: [{ start, end: start + name.length }],
    ...over,
  };
};
const relation = (id: string, source: string, type: RelationProposal['type'], target: string, ev: Evidence) =>
  ({ id, source, type, target, confidence: 0.8, rule: 'cue', evidence: ev }) as RelationProposal;

function response(): ExtractResponse {
  const entities = [
    entity('e1', '云湖区科学技术局', { type: 'District', merge: { id: 'gov/st', type: 'District', name: '科技局' } }),
    entity('e2', '《云湖创新十条》', { type: 'Programme', aliases: ['云湖创新十条'], confidence: 0.7 }),
    entity('e3', '星途智能', { confidence: 0.95 }),
    entity('e4', '瞪羚企业', { type: 'Honor', confidence: 0.6 }),
    entity('e5', '高新技术企业', { kind: 'group', count: 153, count_qualifier: 'exact' }),
  ];
  const relations = [relation('r1', 'e1', 'ISSUED', 'e2', S0), relation('r2', 'e3', 'AWARDED', 'e4', S1)];
  return {
    dataset: 'yunhu',
    document: { name: 'note', format: 'text', sha256: 'x'.repeat(64), text: TEXT },
    extraction: { sentences: [S0, S1, S2], entities, relations },
    ms: 5,
  };
}

describe('the review of proposals', () => {
  it('starts with everything pending and groups the proposals', () => {
    const review = new ReviewModel(response());
    expect(review.counts()).toEqual({ accepted: 0, rejected: 0, pending: 7 });
    const groups = review.groups();
    expect(groups.named.map((e) => e.proposal.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(groups.groups.map((e) => e.proposal.id)).toEqual(['e5']);
    expect(groups.figures).toEqual([]);
    expect(groups.relations.map((r) => r.proposal.id)).toEqual(['r1', 'r2']);
  });

  it('writes nothing that was not accepted', () => {
    const request = new ReviewModel(response()).request('yunhu', false);
    expect(request.entities).toEqual([]);
    expect(request.relations).toEqual([]);
    expect(request.create).toBeUndefined();
    expect(request.document).toEqual({ name: 'note', format: 'text', text: TEXT });
  });

  it('accepting a relation accepts its pending ends, and says which', () => {
    const review = new ReviewModel(response());
    expect(review.accept('r2')).toEqual({ ok: true, alsoAccepted: ['e3', 'e4'], backToPending: [] });
    expect(review.counts()).toEqual({ accepted: 3, rejected: 0, pending: 4 });
    const request = review.request('yunhu', true);
    expect(request.create).toBe(true);
    expect(request.entities.map((e) => e.ref)).toEqual(['e3', 'e4']);
    expect(request.relations).toEqual([{ source: 'e3', type: 'AWARDED', target: 'e4', evidence: S1.text }]);
  });

  it('a relation with a rejected end cannot be accepted', () => {
    const review = new ReviewModel(response());
    review.reject('e4');
    const relation = review.relation('r2');
    expect(relation && review.blockedBy(relation)).toBe('e4');
    expect(review.accept('r2')).toEqual({ ok: false, reason: 'end-rejected', end: 'e4' });
    expect(review.relation('r2')?.decision).toBe('pending');
    expect(review.entity('e3')?.decision).toBe('pending');
  });

  it('rejecting or resetting an end takes its accepted relations back to pending', () => {
    const review = new ReviewModel(response());
    review.accept('r1');
    expect(review.reject('e2')).toEqual({ ok: true, alsoAccepted: [], backToPending: ['r1'] });
    expect(review.request('yunhu', false).relations).toEqual([]);
    review.reset('e2');
    review.accept('r1');
    expect(review.reset('e1')).toMatchObject({ backToPending: ['r1'] });
    expect(review.request('yunhu', false).entities.map((e) => e.ref)).toEqual(['e2']);
  });

  it('each entity carries its first sentence as evidence, its figure and its merge', () => {
    const review = new ReviewModel(response());
    review.accept('e1');
    review.accept('e5');
    const [e1, e5] = review.request('yunhu', false).entities;
    expect(e1).toEqual({ ref: 'e1', merge: 'gov/st', name: '云湖区科学技术局', type: 'District', evidence: S0.text });
    expect(e5).toMatchObject({ ref: 'e5', count: 153, count_qualifier: 'exact', evidence: S2.text });
    expect(e5).not.toHaveProperty('value');
    review.setMerge('e1', false);
    expect(review.request('yunhu', false).entities[0]).not.toHaveProperty('merge');
    review.setMerge('e1', true);
    expect(review.request('yunhu', false).entities[0]?.merge).toBe('gov/st');
  });

  it('an unlinked merge is sent as a new node; a linked one as its merge; an unmatched one as neither', () => {
    const review = new ReviewModel(response());
    review.accept('e1');
    review.accept('e3');
    const sent = (ref: string) => review.request('yunhu', false).entities.find((e) => e.ref === ref);
    expect(sent('e1')).toMatchObject({ merge: 'gov/st' });
    expect(sent('e1')).not.toHaveProperty('new');
    review.setMerge('e1', false);
    expect(sent('e1')).toMatchObject({ new: true });
    expect(sent('e1')).not.toHaveProperty('merge');
    // Never matched to a node: the server may still find it by its names, so no `new` is sent.
    expect(sent('e3')).not.toHaveProperty('new');
    expect(sent('e3')).not.toHaveProperty('merge');
    review.setMerge('e1', true);
    expect(sent('e1')).not.toHaveProperty('new');
  });

  it('once written, takes no decision more, and sends the same request', () => {
    const review = new ReviewModel(response());
    review.accept('r2');
    review.accept('e1');
    const before = review.request('yunhu', false);
    review.markWritten();
    expect(review.written).toBe(true);
    const refused = { ok: false, reason: 'written' };
    expect(review.accept('e5')).toEqual(refused);
    expect(review.reject('e3')).toEqual(refused);
    expect(review.reset('r2')).toEqual(refused);
    expect(review.editEntity('e3', { name: '星途', type: 'Firm', keepTextName: true })).toEqual(refused);
    expect(review.editRelation('r1', { source: 'e2', target: 'e1', type: 'SUPPORTS' })).toEqual(refused);
    review.setMerge('e1', false);
    expect(review.acceptAbove(0)).toBe(0);
    expect(review.counts()).toEqual({ accepted: 4, rejected: 0, pending: 3 });
    expect(review.request('yunhu', false)).toEqual(before);
    expect(new ReviewModel(response()).written).toBe(false);
  });

  it('names the rows a decision touched: the item, what it also changed, the relations of its entities', () => {
    const review = new ReviewModel(response());
    const sorted = (ids: Set<string>) => [...ids].sort();
    expect(sorted(review.touched('e5', review.accept('e5')))).toEqual(['e5']);
    expect(sorted(review.touched('r2', review.accept('r2')))).toEqual(['e3', 'e4', 'r2']);
    expect(sorted(review.touched('e4', review.reject('e4')))).toEqual(['e4', 'r2']);
    review.editRelation('r1', { source: 'e3', target: 'e2', type: 'SUPPORTS' });
    // The relation's ends as edited, not as proposed.
    expect(sorted(review.touched('e1', review.reject('e1')))).toEqual(['e1']);
    expect(
      sorted(review.touched('e3', review.editEntity('e3', { name: '星', type: 'Firm', keepTextName: true }))),
    ).toEqual(['e3', 'r1', 'r2']);
    expect(sorted(review.touched('e2', { ok: false, reason: 'empty-name' }))).toEqual(['e2', 'r1']);
  });

  it('an edited entity is accepted under its new name and type, the text’s name kept as an alias', () => {
    const review = new ReviewModel(response());
    expect(review.editEntity('e2', { name: '  云湖十条  ', type: 'Honor', keepTextName: true })).toMatchObject({
      ok: true,
    });
    const [e2] = review.request('yunhu', false).entities;
    expect(e2).toMatchObject({ name: '云湖十条', type: 'Honor', aliases: ['云湖创新十条', '《云湖创新十条》'] });
    expect(review.entity('e2')?.edited).toBe(true);
    review.editEntity('e2', { name: '云湖十条', type: 'Programme', keepTextName: false });
    expect(review.request('yunhu', false).entities[0]?.aliases).toEqual(['云湖创新十条']);
    expect(review.editEntity('e2', { name: '  ', type: 'Firm', keepTextName: true })).toEqual({
      ok: false,
      reason: 'empty-name',
    });
    expect(review.label('e2')).toBe('云湖十条');
  });

  it('an edited relation takes its new ends, order and type, and accepts its ends', () => {
    const review = new ReviewModel(response());
    expect(review.editRelation('r1', { source: 'e2', target: 'e1', type: 'SUPPORTS' })).toEqual({
      ok: true,
      alsoAccepted: ['e2', 'e1'],
      backToPending: [],
    });
    expect(review.request('yunhu', false).relations).toEqual([
      { source: 'e2', type: 'SUPPORTS', target: 'e1', evidence: S0.text },
    ]);
    expect(review.editRelation('r1', { source: 'e1', target: 'e1', type: 'ISSUED' })).toEqual({
      ok: false,
      reason: 'same-ends',
    });
    review.reject('e4');
    expect(review.editRelation('r1', { source: 'e3', target: 'e4', type: 'AWARDED' })).toMatchObject({ ok: false });
    // A refused edit leaves the relation as it was.
    expect(review.relation('r1')).toMatchObject({ source: 'e2', target: 'e1', type: 'SUPPORTS' });
  });

  it('accepts everything above a confidence, relations with their ends', () => {
    const review = new ReviewModel(response());
    review.reject('e2');
    expect(review.acceptAbove(0.85)).toBe(3);
    expect(
      review
        .entities()
        .filter((e) => e.decision === 'accepted')
        .map((e) => e.proposal.id),
    ).toEqual(['e1', 'e3', 'e5']);
    expect(review.acceptAbove(0.75)).toBe(2);
    expect(review.relation('r2')?.decision).toBe('accepted');
    expect(review.relation('r1')?.decision).toBe('pending');
  });
});

describe('the decisions kept for a reload', () => {
  /** Five decisions of every sort: accepted, rejected, edited, unlinked, a relation edited. */
  function decided(): ReviewModel {
    const review = new ReviewModel(response());
    review.accept('r2');
    review.reject('e5');
    review.editEntity('e2', { name: '云湖十条', type: 'Honor', keepTextName: false });
    review.setMerge('e1', false);
    review.editRelation('r1', { source: 'e2', target: 'e1', type: 'SUPPORTS' });
    return review;
  }
  const view = (review: ReviewModel) => ({
    request: review.request('yunhu', true),
    counts: review.counts(),
    entities: review.entities(),
    relations: review.relations(),
  });

  it('a round trip through JSON gives the same decisions, request and counts', () => {
    const before = decided();
    const saved = JSON.parse(JSON.stringify(before.saved())) as unknown;
    const after = new ReviewModel(response());
    expect(after.restore(saved)).toBe(7);
    expect(view(after)).toEqual(view(before));
    expect(after.entity('e1')?.merge).toBeUndefined();
    expect(after.request('yunhu', false).entities.find((e) => e.ref === 'e2')).toMatchObject({
      name: '云湖十条',
      type: 'Honor',
      aliases: ['云湖创新十条'],
    });
  });

  it('keeps only what was changed, and nothing for a fresh reading', () => {
    expect(new ReviewModel(response()).saved()).toEqual({ v: 1, entities: [], relations: [] });
    const review = new ReviewModel(response());
    review.reject('e4');
    expect(review.saved().entities.map((e) => e.id)).toEqual(['e4']);
    // Restored onto a model with other decisions: what is not in the record is back to proposed.
    const other = decided();
    other.restore(review.saved());
    expect(other.counts()).toEqual({ accepted: 0, rejected: 1, pending: 6 });
    expect(other.entity('e2')).toMatchObject({ name: '《云湖创新十条》', type: 'Programme', edited: false });
  });

  it('ignores a record that is not one, wholly', () => {
    for (const bad of [undefined, null, 'x', [], { v: 2, entities: [], relations: [] }, { v: 1, entities: {} }]) {
      const review = new ReviewModel(response());
      expect(review.restore(bad)).toBe(0);
      expect(review.counts()).toEqual({ accepted: 0, rejected: 0, pending: 7 });
    }
  });

  it('ignores the items that do not fit the proposals, one by one', () => {
    const good = { id: 'e3', decision: 'accepted', name: '星途', type: 'Firm', linked: true, keepTextName: true };
    const review = new ReviewModel(response());
    const taken = review.restore({
      v: 1,
      entities: [
        good,
        { ...good, id: 'e99' },
        { ...good, id: 'e4', decision: 'maybe' },
        { ...good, id: 'e5', name: '   ' },
        { ...good, id: 'e1', type: 'Spaceship' },
        { ...good, id: 'e2', linked: 'yes' },
        'e4',
      ],
      relations: [
        { id: 'r1', decision: 'accepted', source: 'e1', target: 'e1', type: 'ISSUED' },
        { id: 'r2', decision: 'rejected', source: 'e3', target: 'e404', type: 'AWARDED' },
        { id: 'r3', decision: 'accepted', source: 'e1', target: 'e2', type: 'ISSUED' },
        { id: 'r1', decision: 'rejected', source: 'e1', target: 'e2', type: 'LIKES' },
      ],
    });
    expect(taken).toBe(1);
    expect(review.counts()).toEqual({ accepted: 1, rejected: 0, pending: 6 });
    // The edited flag is worked out again, not taken from the record.
    expect(review.entity('e3')).toMatchObject({ decision: 'accepted', name: '星途', edited: true });
  });

  it('an accepted relation whose ends are not both accepted comes back pending', () => {
    const kept = (id: string, decision: string, name: string, type: string) => ({
      id,
      decision,
      name,
      type,
      linked: true,
      keepTextName: true,
    });
    const record = (e4: string) => ({
      v: 1,
      entities: [
        kept('e1', 'accepted', '云湖区科学技术局', 'District'),
        kept('e2', 'rejected', '《云湖创新十条》', 'Programme'),
        kept('e3', 'accepted', '星途智能', 'Firm'),
        kept('e4', e4, '瞪羚企业', 'Honor'),
      ],
      relations: [
        { id: 'r1', decision: 'accepted', source: 'e1', target: 'e2', type: 'ISSUED' },
        { id: 'r2', decision: 'accepted', source: 'e3', target: 'e4', type: 'AWARDED' },
      ],
    });
    const review = new ReviewModel(response());
    review.restore(record('accepted'));
    // A rejected end: back to pending; both ends accepted: kept.
    expect(review.relation('r1')?.decision).toBe('pending');
    expect(review.relation('r2')?.decision).toBe('accepted');
    expect(review.request('yunhu', false).relations.map((r) => r.source)).toEqual(['e3']);
    // A pending end (its record lost, say) is not accepted behind the person's back.
    review.restore(record('pending'));
    expect(review.relation('r2')?.decision).toBe('pending');
    expect(review.entity('e4')?.decision).toBe('pending');
  });
});

describe('the text cut for highlighting', () => {
  it('cuts at sentences and mentions, each run in one sentence with the entities over it', () => {
    const r = response();
    const runs = segments(TEXT.length, r.extraction.sentences, mentionsOf(r.extraction.entities));
    expect(runs.map((s) => TEXT.slice(s.start, s.end)).join('')).toBe(TEXT);
    const text = (entities: string) =>
      runs.filter((s) => s.entities.join(',') === entities).map((s) => TEXT.slice(s.start, s.end));
    expect(text('e1')).toEqual(['云湖区科学技术局']);
    expect(text('e4')).toEqual(['瞪羚企业']);
    expect(runs.find((s) => TEXT.slice(s.start, s.end) === '星途智能')?.sentence).toBe(1);
    expect(runs.every((s) => s.sentence !== undefined)).toBe(true);
  });

  it('keeps overlapping mentions apart and text outside sentences unmarked', () => {
    const text = '甲乙丙丁。外';
    const runs = segments(
      text.length,
      [{ sentence: 0, text: '甲乙丙丁。', start: 0, end: 5 }],
      [
        { entity: 'e10', start: 0, end: 3 },
        { entity: 'e2', start: 1, end: 4 },
        { entity: 'e3', start: 90, end: 99 },
      ],
    );
    expect(runs.map((s) => [text.slice(s.start, s.end), s.entities.join(','), s.sentence])).toEqual([
      ['甲', 'e10', 0],
      ['乙丙', 'e2,e10', 0],
      ['丁', 'e2', 0],
      ['。', '', 0],
      ['外', '', undefined],
    ]);
  });
});

// Relations stated by structure rather than by a cue word: an 等-list and its head (A、B等十强企业
// → A and B received the honour; A、B等重大创新平台 → they are part of the group), a distributed
// suffix (its parks are part of the counted group and work in their fields), a name built on a
// field (虚拟现实产业集群 → 虚拟现实) or on a university (临江理工大学光电材料全国重点实验室), a title
// quoting a programme, what is issued or awarded at the reported event, and what each figure
// measures.
import type { RelationType } from '../../domain/ontology.ts';
import { currentEvent, listHeads, listOf, type DocContext, type RawRelation, type SentenceView } from './context.ts';
import { isWeak, type Entity } from './entities.ts';
import type { Mention } from './mentions.ts';
import { carried, type SubjectState } from './relations-cues.ts';
import type { Clause } from './sentences.ts';
import type { RelationRule } from '../../domain/extraction.ts';

function rel(
  source: Entity | undefined,
  type: RelationType,
  target: Entity | undefined,
  rule: RelationRule,
  sentence: number,
  confidence = 0.7,
): RawRelation[] {
  return source && target && source !== target ? [{ source, type, target, rule, confidence, sentence }] : [];
}

/** A、B等H: honours received, fields a group works in, members of a group. */
export function listHeadRelations(view: SentenceView): RawRelation[] {
  const s = view.a.sentence.index;
  return listHeads(view).flatMap(({ head, items }) => {
    const h = view.entityOf.get(head);
    if (!h) return [];
    return items.flatMap((m) => {
      const item = view.entityOf.get(m);
      if (!item) return [];
      if (h.type === 'Honor') return rel(item, 'AWARDED', h, 'list-head', s, 0.75);
      if (item.type === 'Industry' && h.type !== 'Industry') return rel(h, 'FOCUSES_ON', item, 'list-head', s);
      if (item.type !== 'Industry' && (h.kind === 'group' || head.weak || h.mentions.every((x) => x.weak)))
        return rel(item, 'PART_OF', h, 'list-head', s);
      return [];
    });
  });
}

/** Distributed and compound names: parks of a counted group, the field each works in. */
export function nameRelations(view: SentenceView, fields: ReadonlyMap<string, Entity>): RawRelation[] {
  const s = view.a.sentence.index;
  return view.mentions.flatMap((m) => {
    const e = view.entityOf.get(m);
    if (!e || m.kind !== 'named') return [];
    const out: RawRelation[] = [];
    if (m.memberOf) out.push(...rel(e, 'PART_OF', view.entityOf.get(m.memberOf), 'distributed', s));
    if (m.field) out.push(...rel(e, 'FOCUSES_ON', fields.get(m.field), 'distributed', s));
    if (e.type === 'Park' || (e.type === 'Industry' && /集群$/.test(e.name))) {
      // The longest field the name holds (海洋生物医药, not 生物医药 as well).
      const held = [...fields].filter(([name, field]) => field !== e && e.name.includes(name));
      for (const [name, field] of held)
        if (!held.some(([other]) => other !== name && other.includes(name)))
          out.push(...rel(e, 'FOCUSES_ON', field, 'compound-name', s, 0.65));
    }
    return out;
  });
}

/** 《A“B”方案》: the title is part of the programme it quotes. */
export function titleRelations(view: SentenceView): RawRelation[] {
  const s = view.a.sentence.index;
  const titles = view.mentions.filter((m) => m.rule === 'title');
  return titles.flatMap((t) =>
    view.mentions
      .filter((m) => m.nested && m.start >= t.start && m.end <= t.end && m.type === 'Programme' && m.rule !== 'title')
      .flatMap((m) => rel(view.entityOf.get(t), 'PART_OF', view.entityOf.get(m), 'nested-title', s)),
  );
}

/** 临江理工大学光电材料全国重点实验室 is part of 临江理工大学. */
export function prefixRelations(entities: readonly Entity[]): RawRelation[] {
  const parents = entities.filter((e) => e.type === 'University' && e.kind === 'named');
  return entities.flatMap((e) => {
    const parent = parents.find(
      (p) => p !== e && e.kind === 'named' && e.name.startsWith(p.name) && e.name.length > p.name.length + 1,
    );
    const sentence = e.mentions[0]?.sentence ?? 0;
    return parent ? rel(e, 'PART_OF', parent, 'name-prefix', sentence, 0.65) : [];
  });
}

/** At the reported event (会上发布了…, 会议现场…表彰): what is issued or awarded there is presented at it. */
export function eventRelations(
  relations: readonly RawRelation[],
  ctx: DocContext,
  paragraphOf: (s: number) => number,
): RawRelation[] {
  return relations.flatMap((r) => {
    if (!ctx.eventParagraphs.has(paragraphOf(r.sentence))) return [];
    if (!(r.type === 'ISSUED' || (r.type === 'AWARDED' && r.target.type === 'Honor'))) return [];
    return rel(r.target, 'PRESENTED_AT', currentEvent(ctx, r.sentence), 'event-context', r.sentence, 0.6);
  });
}

const MEASURABLE = (e: Entity | undefined) => !!e && !['Honor', 'Indicator', 'Programme', 'Event'].includes(e.type);

/** What each figure of a clause measures; returns the last one's targets for the next clause. */
export function figureRelations(
  view: SentenceView,
  clause: Clause,
  previous: Entity[],
  state: SubjectState,
  ctx: DocContext,
  out: RawRelation[],
): Entity[] {
  const figures = view.mentions.filter((m) => m.kind === 'indicator' && m.start >= clause.start && m.end <= clause.end);
  const names = view.top.filter(
    (m) => m.kind !== 'indicator' && m.start >= clause.start && m.end <= clause.end && MEASURABLE(view.entityOf.get(m)),
  );
  let targets: Entity[] = [];
  for (const f of figures) {
    const chosen = pickMeasured(view, f, names);
    const confidence = f.measures || chosen ? 0.7 : 0.55;
    targets = f.measures
      ? [view.entityOf.get(f.measures)].filter((e): e is Entity => !!e)
      : chosen
        ? listOf(view, chosen)
            .map((m) => view.entityOf.get(m))
            .filter((e): e is Entity => !!e)
        : previous.length > 0
          ? previous
          : fallbackMeasured(view, state, ctx);
    const figure = view.entityOf.get(f);
    for (const t of targets) out.push(...rel(figure, 'MEASURES', t, 'figure', view.a.sentence.index, confidence));
  }
  return targets;
}

/** A figure whose clause names nothing: the sentence's own single subject, else the topic. */
function fallbackMeasured(view: SentenceView, state: SubjectState, ctx: DocContext): Entity[] {
  if (state.current.length === 1 && state.setIn === view.a.sentence.index) return state.current;
  return ctx.topic ? [ctx.topic] : (carried(state, ctx)?.entities ?? []);
}

function pickMeasured(view: SentenceView, f: Mention, all: Mention[]): Mention | undefined {
  const flat = view.a.sentence.flat;
  // A generic name measures only as the head of a list (…等重大创新平台建设资金).
  const names = all.filter(
    (m, i) =>
      (!isWeak(view.entityOf.get(m) as Entity) || /等$/.test(flat.slice(all[i - 1]?.end ?? 0, m.start))) &&
      // A、B等32个重点项目: the figure counts what the items are examples of, not the items.
      !(m.end <= f.start && /^等/.test(flat.slice(m.end, f.start))),
  );
  const nonDistrict = names.filter((m) => view.entityOf.get(m)?.type !== 'District');
  const pool = nonDistrict.length > 0 ? nonDistrict : names;
  const before = pool.filter((m) => m.end <= f.start);
  return before[before.length - 1] ?? pool.find((m) => m.start >= f.end);
}

/** A counted group nothing else ties: it is the topic place's (已有…197家). */
export function groupDefaults(
  entities: readonly Entity[],
  relations: readonly RawRelation[],
  ctx: DocContext,
): RawRelation[] {
  if (!ctx.topic) return [];
  const tied = new Set(relations.flatMap((r) => [r.source, r.target]));
  return entities
    .filter((e) => e.kind === 'group' && !tied.has(e) && e.type !== 'District')
    .flatMap((e) => rel(e, 'LOCATED_IN', ctx.topic, 'group-default', e.mentions[0]?.sentence ?? 0, 0.4));
}

// Proposes the entities, counted groups, figures and relations a Chinese report states, each
// with its sentence as evidence. Pure: no network, no file but jieba's own dictionary, the same
// output for the same text and gazetteer. The caller supplies the gazetteer (the target
// dataset's names and aliases); with an empty one, nothing known is assumed.
import { isUndirected } from '../../domain/ontology.ts';
import { EVENT_CONTEXT } from './lexicon.ts';
import { findCues, type DocContext, type RawRelation, type SentenceView } from './context.ts';
import { groupMentions, isWeak, isWeakPlace, mergeShortForms, shortForms, type Entity } from './entities.ts';
import { gazetteerMentions, indexGazetteer, lookup, matchKey, type GazetteerIndex } from './gazetteer.ts';
import { resolve, type Mention } from './mentions.ts';
import { analyse, type Analysed } from './names.ts';
import { sentenceRelations } from './relations.ts';
import { newSubjectState } from './relations-cues.ts';
import {
  eventRelations,
  groupDefaults,
  listHeadRelations,
  nameRelations,
  prefixRelations,
  titleRelations,
} from './relations-structure.ts';
import { distributedMentions, fieldListMentions, listHeadMentions } from './rules-lists.ts';
import { figureMentions } from './rules-figures.ts';
import { awardMentions, placeMentions, quoteMentions, suffixMentions, titleMentions } from './rules-names.ts';
import { jiebaSegmenter, type Segmenter } from './segmenter.ts';
import { splitSentences } from './sentences.ts';
import { toExtraction } from './output.ts';
import type { Extraction, GazetteerEntry } from '../../domain/extraction.ts';

export interface ExtractOptions {
  /** The target dataset's known entities; empty (the default) for a cold run. */
  gazetteer?: readonly GazetteerEntry[];
  segmenter?: Segmenter;
}

/** Every rule's mentions of one sentence, resolved against each other. */
function sentenceMentions(a: Analysed, index: GazetteerIndex): Mention[] {
  const names = resolve([
    ...gazetteerMentions(a, index),
    ...titleMentions(a),
    ...awardMentions(a),
    ...listHeadMentions(a),
    ...distributedMentions(a),
    ...suffixMentions(a),
    ...quoteMentions(a),
    ...fieldListMentions(a),
    ...placeMentions(a),
  ]);
  return resolve([...names, ...figureMentions(a, names)]);
}

function placeNames(analysed: readonly Analysed[], mentions: readonly Mention[]): Set<string> {
  const places = new Set(mentions.filter((m) => m.rule === 'place').map((m) => m.name));
  for (const a of analysed) for (const t of a.tokens) if (t.tag === 'ns' && t.word.length >= 2) places.add(t.word);
  return places;
}

/** The document's own names and their short forms, found again in every sentence. */
function docIndex(entities: readonly Entity[], places: ReadonlySet<string>): GazetteerIndex {
  const entries = entities
    .filter((e) => e.kind !== 'indicator' && !isWeak(e))
    .map((e) => ({ id: e.key, type: e.type, names: [e.name, ...e.names, ...shortForms(e, places)] }));
  return indexGazetteer(entries);
}

/** A mention the document's own names found: it names that entity (and keeps its count). */
function asAlias(m: Mention, byKey: ReadonlyMap<string, Entity>): Mention {
  const entity = byKey.get(m.gazetteer?.id ?? '');
  const { gazetteer: _gazetteer, ...rest } = m;
  const written = m.name;
  const count = entity?.mentions.find((x) => x.count)?.count;
  const aliases =
    entity && matchKey(written) !== matchKey(entity.name) && !/^[”’]|^[^“]*”|“[^”]*$/.test(written) ? [written] : [];
  return {
    ...rest,
    rule: 'alias',
    name: entity?.name ?? written,
    kind: entity?.kind ?? 'named',
    aliases,
    weak: false,
    ...(count ? { count } : {}),
  };
}

/** Mentions inside a longer one that name something of their own (a quoted programme, a place). */
const OWN_NESTED = new Set(['quote', 'place', 'gazetteer', 'alias', 'field-list', 'title']);

/** A nested mention names something of its own: not a quote with words after it (“小巨人”企业). */
const ownName = (m: Mention) =>
  !m.nested || (OWN_NESTED.has(m.rule) && !(m.rule === 'quote' && !/”$/.test(m.name) && m.type !== 'Programme'));

function buildEntities(perSentence: readonly Mention[][], places: ReadonlySet<string>): Entity[] {
  const mentions = perSentence.flat().filter(ownName);
  return mergeShortForms(groupMentions(mentions), places);
}

function context(views: readonly SentenceView[], entities: readonly Entity[]): DocContext {
  const districts = entities.filter(
    (e) => e.type === 'District' && e.kind === 'named' && !e.mentions.every((m) => m.weak),
  );
  const topic = [...districts].sort((x, y) => y.mentions.length - x.mentions.length)[0];
  const eventParagraphs = new Set(
    views.filter((v) => EVENT_CONTEXT.some((w) => v.a.sentence.flat.includes(w))).map((v) => v.a.sentence.paragraph),
  );
  const events = views.flatMap((v) =>
    v.mentions
      .filter((m) => v.entityOf.get(m)?.type === 'Event')
      .map((m) => ({ sentence: v.a.sentence.index, at: m.start, entity: v.entityOf.get(m) as Entity })),
  );
  return { topic, eventParagraphs, events };
}

function relationsOf(views: readonly SentenceView[], entities: readonly Entity[], ctx: DocContext): RawRelation[] {
  const fields = new Map(
    entities
      .filter((e) => e.type === 'Industry' && e.kind === 'named' && !/集群$/.test(e.name))
      .map((e) => [e.name, e]),
  );
  const raw: RawRelation[] = [];
  let state = newSubjectState();
  let paragraph = -1;
  for (const view of views) {
    if (view.a.sentence.paragraph !== paragraph) {
      paragraph = view.a.sentence.paragraph;
      state = newSubjectState();
    }
    raw.push(
      ...sentenceRelations(view, ctx, state),
      ...listHeadRelations(view),
      ...nameRelations(view, fields),
      ...titleRelations(view),
    );
  }
  const paragraphOf = (s: number) => views[s]?.a.sentence.paragraph ?? -1;
  raw.push(...prefixRelations(entities), ...eventRelations(raw, ctx, paragraphOf));
  raw.push(...groupDefaults(entities, raw, ctx));
  return dedupe(raw);
}

/** One relation per ends and type (either order for a symmetric type), the surest kept. */
function dedupe(raw: readonly RawRelation[]): RawRelation[] {
  const best = new Map<string, RawRelation>();
  for (const r of raw) {
    const [a, b] = isUndirected(r.type) && r.target.key < r.source.key ? [r.target, r.source] : [r.source, r.target];
    const key = `${a.key}\u0000${r.type}\u0000${b.key}`;
    const known = best.get(key);
    if (!known || r.confidence > known.confidence) best.set(key, { ...r, source: a, target: b });
  }
  return [...best.values()];
}

export function extract(text: string, options: ExtractOptions = {}): Extraction {
  const segmenter = options.segmenter ?? jiebaSegmenter();
  const index = indexGazetteer(options.gazetteer ?? []);
  const analysed = splitSentences(text).map((s) => analyse(s, segmenter.tag(s.flat)));
  const first = analysed.map((a) => sentenceMentions(a, index));
  const places = placeNames(analysed, first.flat());
  const early = buildEntities(first, places);
  const own = docIndex(early, places);
  const byKey = new Map(early.map((e) => [e.key, e]));
  const final = analysed.map((a, i) =>
    resolve([...(first[i] ?? []), ...gazetteerMentions(a, own).map((m) => asAlias(m, byKey))]),
  );
  const entities = buildEntities(final, places);
  const entityOf = new Map<Mention, Entity>();
  for (const e of entities) if (!isWeakPlace(e)) for (const m of e.mentions) entityOf.set(m, e);
  const views: SentenceView[] = analysed.map((a, i) => {
    const mentions = final[i] ?? [];
    const top = mentions.filter((m) => !m.nested && entityOf.has(m));
    return { a, mentions, top, entityOf, cues: findCues(a.sentence.flat, mentions) };
  });
  const relations = relationsOf(views, entities, context(views, entities));
  return toExtraction(analysed, entities, relations, (name) => lookup(index, name));
}

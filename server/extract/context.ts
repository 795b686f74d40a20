// What the relation rules share: each sentence's mentions with the entity each one names, the
// lists and 等-heads among them, the cue words found, and the document's topic and events.
import { CUES, type Cue } from './lexicon.ts';
import type { Entity } from './entities.ts';
import type { Mention } from './mentions.ts';
import type { Analysed } from './names.ts';
import type { RelationRule } from '../../domain/extraction.ts';
import type { RelationType } from '../../domain/ontology.ts';

export interface SentenceView {
  a: Analysed;
  /** Resolved mentions, nested ones included, in text order. */
  mentions: Mention[];
  /** The mentions that can end a cue relation: not nested, not figures. */
  top: Mention[];
  entityOf: Map<Mention, Entity>;
  cues: FoundCue[];
}

export interface FoundCue {
  cue: Cue;
  start: number;
  end: number;
}

export interface RawRelation {
  source: Entity;
  type: RelationType;
  target: Entity;
  rule: RelationRule;
  confidence: number;
  sentence: number;
  cue?: string;
}

/** Cue words in a sentence, longest first, outside mentions (投资 in 产业投资集团 is no cue). */
export function findCues(flat: string, mentions: readonly Mention[]): FoundCue[] {
  const taken = new Array<boolean>(flat.length).fill(false);
  for (const m of mentions) if (m.kind !== 'indicator') for (let i = m.start; i < m.end; i++) taken[i] = true;
  // A quoted slogan (“培育优质企业…、助力潜力企业…”) states no relation.
  for (const q of flat.matchAll(/“[^”]*”/g))
    for (let i = q.index ?? 0; i < (q.index ?? 0) + q[0].length; i++) taken[i] = true;
  const found: FoundCue[] = [];
  for (const cue of CUES) {
    for (let at = flat.indexOf(cue.word); at >= 0; at = flat.indexOf(cue.word, at + 1)) {
      const end = at + cue.word.length;
      if (taken.slice(at, end).some(Boolean)) continue;
      for (let i = at; i < end; i++) taken[i] = true;
      found.push({ cue, start: at, end });
    }
  }
  return found.sort((x, y) => x.start - y.start);
}

const LIST_JOINT = /^(、|和|及|以及|、以及)$/;

/** The list a mention belongs to: its neighbours joined by 、 和 及 (in one clause). */
export function listOf(view: SentenceView, m: Mention): Mention[] {
  const { top } = view;
  const flat = view.a.sentence.flat;
  const i = top.indexOf(m);
  if (i < 0) return [m];
  let first = i;
  let last = i;
  const joined = (x: Mention, y: Mention) => x.kind === y.kind && LIST_JOINT.test(flat.slice(x.end, y.start));
  while (first > 0 && joined(top[first - 1] as Mention, top[first] as Mention)) first--;
  while (last < top.length - 1 && joined(top[last] as Mention, top[last + 1] as Mention)) last++;
  return top.slice(first, last + 1);
}

/** An 等-head and the list it closes: A、B等[10家]H. */
export function listHeads(view: SentenceView): { head: Mention; items: Mention[] }[] {
  const out: { head: Mention; items: Mention[] }[] = [];
  const flat = view.a.sentence.flat;
  view.top.forEach((head, i) => {
    const before = view.top[i - 1];
    if (!before) return;
    const between = flat.slice(before.end, head.start);
    if (!/^等(\d+|[一二两三四五六七八九十百]+)?(余|多)?[家个名位项所条]?$/.test(between)) return;
    out.push({ head, items: listOf(view, before) });
  });
  return out;
}

export interface DocContext {
  topic: Entity | undefined;
  /** Paragraphs whose sentences are said at the reported event (会上, 会议现场 …). */
  eventParagraphs: ReadonlySet<number>;
  /** Event mentions in text order: the sentence and where in it. */
  events: readonly { sentence: number; at: number; entity: Entity }[];
}

/** The event a place in the text reports from: the last one mentioned before it (or the first). */
export function currentEvent(ctx: DocContext, sentence: number, at = Number.MAX_SAFE_INTEGER): Entity | undefined {
  let event: Entity | undefined;
  for (const e of ctx.events) if (e.sentence < sentence || (e.sentence === sentence && e.at < at)) event = e.entity;
  return event ?? ctx.events[0]?.entity;
}

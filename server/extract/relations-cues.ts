// Relations stated by a cue word in a clause: who (the subject) does what (the cue) to whom (the
// objects after the cue, up to the next cue). The subject is the name right before the cue (a
// list, a pair joined by 与, the agent after 由 in a passive), else the clause's subject carried
// over from earlier clauses, sentences of the paragraph, or the document's topic (Chinese drops a
// subject the reader already knows: 崂山区坚持…，出台了…，组建了…).
import type { RelationType } from '../../domain/ontology.ts';
import {
  currentEvent,
  listOf,
  type DocContext,
  type FoundCue,
  type RawRelation,
  type SentenceView,
} from './context.ts';
import { isWeak, type Entity } from './entities.ts';
import { ACTOR_TYPES, OBJECT_TYPES, TIME_WORDS, type Cue } from './lexicon.ts';
import type { Mention } from './mentions.ts';
import { BOUNDARY_WORDS } from './names.ts';
import { headType } from './rules-figures.ts';
import type { Clause } from './sentences.ts';

export interface SubjectState {
  /** The subject carried over from the last clause of the paragraph that named one. */
  current: Entity[];
  /** The sentence that set `current`. */
  setIn: number;
  /** The last pair joined by 与 (双方 refers to it). */
  pair: Entity[];
  /** The paragraph's entities in order of mention, for 两只基金, 三家企业 … */
  recent: Entity[];
}

export function newSubjectState(): SubjectState {
  return { current: [], setIn: -1, pair: [], recent: [] };
}

const COUNTED_BACK = /(两|二|三|四|五)(只|家|个|所|位|名)(\p{Script=Han}{1,4}?)(已|均|共|都|累计|分别)*$/u;
const NUMBER: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5 };

/** 两只基金 / 双方: the entities the words point back to, from the paragraph. */
function pointedBack(text: string, state: SubjectState): Entity[] | undefined {
  if (/双方|两者|二者/.test(text) && state.pair.length > 1) return state.pair;
  const m = COUNTED_BACK.exec(text);
  const type = m && headType(m[3] as string);
  if (!m || !type) return undefined;
  const found = [...new Set([...state.recent].reverse())]
    .filter((e) => e.type === type)
    .slice(0, NUMBER[m[1] as string]);
  return found.length === NUMBER[m[1] as string] ? found.reverse() : undefined;
}

interface Subjects {
  entities: Entity[];
  confidence: number;
  rule: 'cue' | 'cue-coordination' | 'cue-passive';
  /** Set for a passive (Y由X建设): Y. */
  passiveObject?: Mention;
}

const PIVOT_GAP = /^(牵头|共同|联合|已|将|也|先后|正式|率先|积极|同时|还|均|首批|已经|累计|)$/;
/** The count of the group right before the cue: 海内外青年科学家1200余人参会. */
const COUNT_GAP = /^(近|约|超过)?(\d+(\.\d+)?|[一二两三四五六七八九十百千]+)(余|多)?万?[人名位家个所项]$/;
const LIST_TAIL = /^等[^，,；;。]{0,12}$/;
const COORDINATION = /(与|同|跟|和)$/;

const isActor = (e: Entity | undefined): e is Entity => !!e && ACTOR_TYPES.has(e.type) && !isWeak(e);

function entities(view: SentenceView, mentions: readonly Mention[]): Entity[] {
  return [...new Set(mentions.map((m) => view.entityOf.get(m)).filter((e): e is Entity => !!e))];
}

/** The running subject when the clause names none: carried, else the topic. */
function carried(state: SubjectState, ctx: DocContext): Subjects | undefined {
  if (state.current.length > 0) return { entities: state.current, confidence: 0.65, rule: 'cue' };
  return ctx.topic ? { entities: [ctx.topic], confidence: 0.5, rule: 'cue' } : undefined;
}

function subjectsFor(
  view: SentenceView,
  clause: Clause,
  c: FoundCue,
  inClause: Mention[],
  state: SubjectState,
  ctx: DocContext,
): Subjects | undefined {
  const flat = view.a.sentence.flat;
  const before = inClause.filter((m) => m.end <= c.start);
  const last = before[before.length - 1];
  if (!last) {
    const back = pointedBack(flat.slice(clause.start, c.start), state);
    return back ? { entities: back, confidence: 0.7, rule: 'cue-coordination' } : carried(state, ctx);
  }
  const gap = flat.slice(last.end, c.start);
  const lead = flat.slice(clause.start, last.start);
  if (!(PIVOT_GAP.test(gap) || LIST_TAIL.test(gap) || COUNT_GAP.test(gap))) return carried(state, ctx);
  if (lead.endsWith('在')) {
    // 机构在崂山投资: the place after 在 is where, the name before it acts.
    const actor = before[before.length - 2];
    const e = actor && view.entityOf.get(actor);
    return isActor(e) ? { entities: [e], confidence: 0.75, rule: 'cue' } : carried(state, ctx);
  }
  if (!isActor(view.entityOf.get(last))) return carried(state, ctx);
  if (lead.endsWith('由')) {
    const first = before[0];
    const passiveObject =
      first && first !== last ? first : inClause.find((m) => m.start > c.end && flat[m.start - 1] === '的');
    return {
      entities: entities(view, [last]),
      confidence: 0.75,
      rule: 'cue-passive',
      ...(passiveObject ? { passiveObject } : {}),
    };
  }
  const list = listOf(view, last);
  const head = list[0] as Mention;
  const coordinated = COORDINATION.exec(flat.slice(clause.start, head.start));
  if (coordinated) {
    const partner = before.filter((m) => m.end === head.start - coordinated[0].length)[0];
    const first = partner ? entities(view, [partner]) : (carried(state, ctx)?.entities ?? []);
    const pair = [...first, ...entities(view, list)].filter(isActor);
    state.pair = pair;
    return { entities: pair, confidence: 0.75, rule: 'cue-coordination' };
  }
  return { entities: entities(view, list).filter(isActor), confidence: 0.8, rule: 'cue' };
}

/** Words after a name that make it the clause's subject (崂山区坚持…, 崂山区把…, 崂山区将…). */
const SUBJECT_FOLLOWER = /^(v|d|p|c|ad|vd)/;

/** The clause's own subject: its first name, if only time words precede it and a verb follows. */
function clauseSubject(
  view: SentenceView,
  clause: Clause,
  inClause: Mention[],
  cues: FoundCue[],
): Entity[] | undefined {
  const first = inClause[0];
  if (!first) return undefined;
  const flat = view.a.sentence.flat;
  const lead = flat.slice(clause.start, first.start).replace(/\d{4}年|\d+月\d*日?/g, '');
  const cueBefore = cues.some((c) => c.start < first.start);
  const partner = /(与|同|跟|和)$/.test(lead);
  const leadOk =
    !cueBefore &&
    !partner &&
    (lead === '' || TIME_WORDS.has(lead) || (!/^(在|据|经|对|为|由)/.test(lead) && lead.length <= 3));
  const list = listOf(view, first);
  const end = (list[list.length - 1] as Mention).end;
  const next = view.a.tokens[view.a.tokenAt[end] ?? -1];
  const verbNext =
    cues.some((c) => c.start === end) || (!!next && (SUBJECT_FOLLOWER.test(next.tag) || BOUNDARY_WORDS.has(next.word)));
  if (!leadOk || !verbNext) return undefined;
  const subject = entities(view, list).filter(isActor);
  return subject.length > 0 ? subject : undefined;
}

function allowed(type: Cue['type'], target: Entity): boolean {
  const types = OBJECT_TYPES[type];
  return !types || types.includes(target.type);
}

interface Emit {
  view: SentenceView;
  ctx: DocContext;
  out: RawRelation[];
}

function push(e: Emit, source: Entity, type: RelationType, target: Entity, subjects: Subjects, c: FoundCue): void {
  if (source === target) return;
  e.out.push({
    source,
    type,
    target,
    rule: subjects.rule,
    confidence: subjects.confidence,
    sentence: e.view.a.sentence.index,
    cue: c.cue.word,
  });
}

/**
 * Objects of a cue: the names after it up to the next cue. An 等-head goes when its items
 * qualify; a later item followed by a verb is the subject of that verb (设立X、Y利用…), not an object.
 */
function objectsOf(view: SentenceView, c: FoundCue, until: number, inClause: Mention[]): Mention[] {
  const objects = inClause.filter((m) => m.start >= c.end && m.end <= until);
  const flat = view.a.sentence.flat;
  return objects.filter((m, i) => {
    const previous = objects[i - 1];
    const isHead = previous && /^等/.test(flat.slice(previous.end, m.start));
    const next = view.a.tokens[view.a.tokenAt[m.end] ?? -1];
    const startsPredicate =
      i > 0 && !!next && next.start < until && (BOUNDARY_WORDS.has(next.word) || next.tag === 'v');
    return !(isHead && allowed(c.cue.type, view.entityOf.get(previous) as Entity)) && !startsPredicate;
  });
}

export function emitCue(e: Emit, c: FoundCue, subjects: Subjects, objects: Entity[]): void {
  const { cue } = c;
  const type = cue.type;
  if (subjects.entities.length > 1 && cue.collaborative) {
    const [first, ...others] = subjects.entities as [Entity, ...Entity[]];
    for (const other of others) push(e, first, 'COLLABORATES_WITH', other, subjects, c);
  }
  if (type === 'UNVEILS') {
    const event = e.ctx.eventParagraphs.has(e.view.a.sentence.paragraph)
      ? currentEvent(e.ctx, e.view.a.sentence.index, c.start)
      : undefined;
    for (const o of objects.filter((o) => allowed(type, o)))
      for (const s of event ? [event] : subjects.entities)
        push(e, event ? o : s, event ? 'PRESENTED_AT' : 'BUILDS', event ? s : o, subjects, c);
    return;
  }
  for (const o of objects) {
    if (!allowed(type, o)) continue;
    for (const s of subjects.entities) {
      if (cue.reverse) push(e, o, type, s, subjects, c);
      else if (cue.word === '吸纳' && o.type === 'Organization') push(e, o, 'MEMBER_OF', s, subjects, c);
      else push(e, s, type, o, subjects, c);
    }
  }
}

export { subjectsFor, clauseSubject, objectsOf, carried };

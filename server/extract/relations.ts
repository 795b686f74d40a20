// The relations of one sentence, clause by clause: the cue relations (relations-cues.ts) with
// the constructions that change who is the subject or the object (对X授予Y, 吸引X参会, 在Y投资,
// 对X给予…资助, 联合X建设Y, X等…建设), lists that run on into the next clause (已聚集3所驻区高校、
// 14家科研院所，4家…), and the figures of each clause (what each indicator measures).
import { currentEvent, type DocContext, type FoundCue, type RawRelation, type SentenceView } from './context.ts';
import type { Entity } from './entities.ts';
import type { Mention } from './mentions.ts';
import { carried, clauseSubject, emitCue, objectsOf, subjectsFor, type SubjectState } from './relations-cues.ts';
import { figureRelations } from './relations-structure.ts';
import type { Clause } from './sentences.ts';

interface ClauseRun {
  view: SentenceView;
  ctx: DocContext;
  state: SubjectState;
  out: RawRelation[];
  clause: Clause;
  inClause: Mention[];
  cues: FoundCue[];
}

const entity = (view: SentenceView, m: Mention | undefined) => (m ? view.entityOf.get(m) : undefined);

/** Objects written before the cue: 为X揭牌, 在Y投资, 对X给予…资助. */
function objectsBefore(run: ClauseRun, c: FoundCue): Entity[] {
  const { view, inClause } = run;
  const flat = view.a.sentence.flat;
  if (!(c.cue.type === 'UNVEILS' || c.cue.type === 'INVESTS_IN' || c.cue.type === 'FUNDS')) return [];
  const marker = Math.max(
    flat.lastIndexOf('对', c.start),
    flat.lastIndexOf('为', c.start),
    flat.lastIndexOf('在', c.start),
  );
  if (marker < run.clause.start) return [];
  const marked = inClause.filter((m) => m.start > marker && m.end <= c.start);
  const first = flat[marker] === '在' ? marked.slice(0, 1) : marked;
  return first.map((m) => entity(view, m)).filter((e): e is Entity => !!e);
}

/** X等产业载体建设: the listed names (back over the clauses without a cue) are what is built. */
function listedBefore(run: ClauseRun, c: FoundCue): Entity[] {
  const { view } = run;
  const flat = view.a.sentence.flat;
  const before = view.top.filter((m) => m.end <= c.start && m.kind !== 'indicator');
  const last = before[before.length - 1];
  if (!last || !/^等/.test(flat.slice(last.end, c.start)) || c.cue.type !== 'BUILDS') return [];
  const cueBefore = view.cues.filter((x) => x.end <= last.start).pop();
  return before
    .filter((m) => m.start >= (cueBefore?.end ?? 0))
    .map((m) => entity(view, m))
    .filter((e): e is Entity => !!e);
}

function runCue(run: ClauseRun, c: FoundCue, i: number, co: Entity[]): Entity[] {
  const { view, ctx, state, inClause } = run;
  const flat = view.a.sentence.flat;
  // 新引进的X, 依据发布的Y: a cue before 的 modifies a name and states nothing; with its own
  // subject (机构在崂山投资的项目, 由X建设的Y) it does.
  const ownSubject = inClause.some((m) => m.end === c.start);
  if (flat[c.end] === '的' && !ownSubject && !flat.slice(run.clause.start, c.start).includes('由')) return co;
  const next = run.cues[i + 1];
  const until = next?.start ?? run.clause.end;
  let objects = objectsOf(view, c, until, inClause)
    .map((m) => entity(view, m))
    .filter((e): e is Entity => !!e);
  // X、Y等产业载体建设: the list before the cue is what is built, by the subject carried over.
  const listed = objects.length === 0 ? listedBefore(run, c) : [];
  const subjects = listed.length > 0 ? carried(state, ctx) : subjectsFor(view, run.clause, c, inClause, state, ctx);
  if (!subjects) return [];
  if (co.length > 0) subjects.entities = [...new Set([...co, ...subjects.entities])];
  if (listed.length > 0) objects = listed;
  if (subjects.passiveObject) objects = [entity(view, subjects.passiveObject)].filter((e): e is Entity => !!e);
  if (objects.length === 0) objects = objectsBefore(run, c);
  if (c.cue.word === '授予') {
    // 对/为 X 授予 Y: X (a count may stand between: 为5个科研团队) receives Y.
    const marker = Math.max(flat.lastIndexOf('对', c.start), flat.lastIndexOf('为', c.start));
    const receiver = marker < run.clause.start ? [] : inClause.filter((m) => m.start > marker && m.end <= c.start);
    const honours = objects.filter((o) => o.type === 'Honor');
    const emit = { view, ctx, out: run.out };
    for (const r of receiver)
      emitCue(
        emit,
        { ...c, cue: { ...c.cue, word: '获评' } },
        { ...subjects, entities: [entity(view, r)].filter((e): e is Entity => !!e) },
        honours,
      );
    return [];
  }
  if (c.cue.type === 'ATTRACTS' && /参会|参加|出席/.test(flat.slice(c.end, run.clause.end))) return [];
  if (c.cue.type === 'TAKES_PART_IN' && objects.length === 0 && /参会|出席|参加/.test(c.cue.word)) {
    const event = currentEvent(ctx, view.a.sentence.index, c.start);
    objects = event ? [event] : [];
  }
  const adverbial = c.cue.word === '联合' && next && next.start - c.end <= 2 && objects.length === 0;
  emitCue({ view, ctx, out: run.out }, c, subjects, adverbial ? [] : objects);
  if (c.cue.word === '联合') return [...subjects.entities, ...objects];
  return [];
}

/** A clause that goes on with a list of counts: ，4家全国(国家)重点实验室、2家… */
const startsWithGroup = (run: ClauseRun) => {
  const first = run.inClause[0];
  const lead = first ? run.view.a.sentence.flat.slice(run.clause.start, first.start) : '';
  return (
    !!first &&
    first.kind === 'group' &&
    /^((\d+|[一二两三四五六七八九十百千]+)(余|多)?万?[家所个名位人项条])?$/.test(lead)
  );
};

/** The relations one sentence states; `state` carries the subject to the next sentence. */
export function sentenceRelations(view: SentenceView, ctx: DocContext, state: SubjectState): RawRelation[] {
  const out: RawRelation[] = [];
  let carry: { cue: FoundCue; subjects: Entity[] } | undefined;
  let measured: Entity[] = [];
  for (const clause of view.a.sentence.clauses) {
    const inClause = view.top.filter((m) => m.start >= clause.start && m.end <= clause.end && m.kind !== 'indicator');
    const cues = view.cues.filter((c) => c.start >= clause.start && c.end <= clause.end);
    const run: ClauseRun = { view, ctx, state, out, clause, inClause, cues };
    const own = clauseSubject(view, clause, inClause, cues);
    if (own) {
      state.current = own;
      state.setIn = view.a.sentence.index;
    }
    const listGoesOn = /^(以及|及|和|、)/.test(view.a.sentence.flat.slice(clause.start));
    if (cues.length === 0 && carry && (startsWithGroup(run) || listGoesOn)) {
      const subjects = { entities: carry.subjects, confidence: 0.65, rule: 'cue' as const };
      const continued = listGoesOn ? inClause : inClause.filter((m) => m.kind === 'group');
      const objects = continued.map((m) => entity(view, m)).filter((e): e is Entity => !!e);
      emitCue({ view, ctx, out }, carry.cue, subjects, objects);
    } else {
      carry = runClause(run);
    }
    measured = figureRelations(view, clause, measured, state, ctx, out);
    state.recent.push(...inClause.map((m) => entity(view, m)).filter((e): e is Entity => !!e));
  }
  return out;
}

/** The cues of one clause; returns the last cue when its objects run to the clause's end. */
function runClause(run: ClauseRun): { cue: FoundCue; subjects: Entity[] } | undefined {
  let co: Entity[] = [];
  run.cues.forEach((c, i) => {
    co = runCue(run, c, i, co);
  });
  const last = run.cues[run.cues.length - 1];
  if (!last || !run.inClause.some((m) => m.start >= last.end)) return undefined;
  const subjects =
    subjectsFor(run.view, run.clause, last, run.inClause, run.state, run.ctx) ?? carried(run.state, run.ctx);
  return subjects ? { cue: last, subjects: subjects.entities } : undefined;
}

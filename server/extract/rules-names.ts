// The rules that find names: by their ending (a Chinese organisation suffix), as a title
// (《…》), as a quoted name (“…”), as the honour an award cue names (获评…, 入选…), and as a
// place jieba tags (ns). Each returns mentions of one sentence; mentions.ts resolves them.
import type { NodeType } from '../../domain/ontology.ts';
import { AWARD_CONTEXT, AWARD_CUES, CUES, STOP_SINGLE_VERBS, SUFFIXES } from './lexicon.ts';
import { isGeneric, mention, type Mention } from './mentions.ts';
import { leftBoundary, rightBoundary, type Analysed } from './names.ts';
import type { Clause } from './sentences.ts';

const BY_LENGTH = [...SUFFIXES].sort((a, b) => b[0].length - a[0].length);

/** The type a name's ending suggests, or undefined. */
export function typeBySuffix(name: string): NodeType | undefined {
  const bare = name.replace(/[”’」』》]+$/, '');
  return BY_LENGTH.find(([suffix]) => bare.endsWith(suffix))?.[1];
}

export function clauseOf(clauses: readonly Clause[], at: number): Clause {
  return clauses.find((c) => c.start <= at && at < c.end) ?? { start: 0, end: Number.MAX_SAFE_INTEGER };
}

/** Names found by a suffix that ends a word (研究院, 有限公司 …), with their left boundary. */
export function suffixMentions(a: Analysed): Mention[] {
  const { flat, clauses } = a.sentence;
  const out: Mention[] = [];
  for (const token of a.tokens) {
    const hit = BY_LENGTH.find(([suffix]) => flat.endsWith(suffix, token.end));
    if (!hit) continue;
    const [suffix, type] = hit;
    const suffixStart = token.end - suffix.length;
    if (suffix.length === 1 && a.tokenAt[suffixStart] !== a.tokenAt[token.end - 1]) continue;
    if (suffix.length === 1 && a.tokens[a.tokenAt[suffixStart] ?? -1]?.start !== suffixStart) continue;
    const clause = clauseOf(clauses, suffixStart);
    if (suffixStart < clause.start) continue;
    const start = leftBoundary(a, suffixStart, clause.start);
    if (start >= suffixStart) continue;
    // A category (高新技术企业, 科研团队) is a name only where a relation uses it.
    const weak = isGeneric(a, start, suffixStart) || suffix === '企业' || suffix === '团队';
    out.push(mention(a, start, token.end, { type, kind: 'named', rule: 'suffix', weak }));
  }
  // 产业园 inside 产业园区: keep the longer of two names that start together.
  return out.filter((m) => !out.some((o) => o !== m && o.start === m.start && o.end > m.end));
}

/** 《…》: documents, plans and policies (or what the title's ending says). */
export function titleMentions(a: Analysed): Mention[] {
  const out: Mention[] = [];
  for (const m of a.sentence.flat.matchAll(/《([^《》]{2,60})》/g)) {
    const inner = m[1] as string;
    const start = (m.index ?? 0) + 1;
    out.push(
      mention(a, start, start + inner.length, {
        type: typeBySuffix(inner) ?? 'Programme',
        kind: 'named',
        rule: 'title',
      }),
    );
  }
  return out;
}

const inAwardContext = (a: Analysed, clause: Clause, quoteEnd: number) =>
  AWARD_CONTEXT.some((w) => a.sentence.flat.slice(clause.start, clause.end).includes(w)) ||
  a.sentence.flat.startsWith('称号', quoteEnd);

/** “…”: a quoted name with a suffix in it or right after it, or a quoted honour. */
export function quoteMentions(a: Analysed): Mention[] {
  const { flat, clauses } = a.sentence;
  const out: Mention[] = [];
  for (const m of flat.matchAll(/“([^“”，。；;、,]{2,20})”/g)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const inner = m[1] as string;
    const clause = clauseOf(clauses, start);
    const award = inAwardContext(a, clause, end);
    const ownType = typeBySuffix(inner);
    if (ownType) {
      const personal = /(企业|人才|团队|单位)$/.test(inner);
      const type = personal && award ? 'Honor' : ownType;
      out.push(
        mention(a, start, end, { type, kind: 'named', rule: 'quote', aliases: [inner], weak: personal && !award }),
      );
      continue;
    }
    const phraseEnd = rightBoundary(a, end, clause.end, 10);
    const following = flat.slice(end, phraseEnd);
    const hit = BY_LENGTH.map(([s, t]) => [following.indexOf(s), s, t] as const).find(([at]) => at >= 0);
    if (hit) {
      const [at, suffix, type] = hit;
      out.push(mention(a, start, end + at + suffix.length, { type, kind: 'named', rule: 'quote', aliases: [inner] }));
    } else if (award)
      out.push(mention(a, start, end, { type: 'Honor', kind: 'named', rule: 'quote', aliases: [inner] }));
  }
  return out;
}

const CUE_START = new RegExp(`^(${CUES.map((c) => c.word).join('|')})`);

/** What an award cue names, up to the clause's end or 等: 获评全省首批“科技创新强县”“质量强县”. */
export function awardMentions(a: Analysed): Mention[] {
  const { flat, clauses } = a.sentence;
  const out: Mention[] = [];
  for (const cue of AWARD_CUES) {
    for (let at = flat.indexOf(cue); at >= 0; at = flat.indexOf(cue, at + 1)) {
      if (AWARD_CUES.some((c) => c !== cue && c.includes(cue) && flat.startsWith(c, at - c.indexOf(cue)))) continue;
      const clause = clauseOf(clauses, at);
      let start = at + cue.length;
      if (flat[start] === '了') start++;
      const stop = flat.slice(start, clause.end).search(/等|进行|称号|荣誉称号|$/);
      let end = start + stop;
      const object = flat.slice(start, end);
      if (object.length < 2 || object.length > 32 || /^[\d零一二两三四五六七八九十百千]/.test(object)) continue;
      if (CUE_START.test(object) || /^(为|对)/.test(object)) continue;
      const tail = /(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)(余|多)?[家个项件名位]$/.exec(object);
      if (tail) end -= tail[0].length;
      out.push(...splitHonours(a, start, end));
    }
  }
  return out;
}

/** 全省首批“科技创新强县”“质量强县”: one honour per quote, the first with what precedes it. */
function splitHonours(a: Analysed, start: number, end: number): Mention[] {
  const text = a.sentence.flat.slice(start, end);
  const quotes = [...text.matchAll(/“[^“”]+”/g)];
  const adjacent =
    quotes.length > 1 &&
    quotes.every((q, i) => i === 0 || q.index === (quotes[i - 1]?.index ?? 0) + (quotes[i - 1]?.[0].length ?? 0));
  if (
    !adjacent ||
    (quotes[quotes.length - 1]?.index ?? 0) + (quotes[quotes.length - 1]?.[0].length ?? 0) !== text.length
  )
    return [mention(a, start, end, { type: 'Honor', kind: 'named', rule: 'award' })];
  return quotes.map((q, i) => {
    const qStart = start + (q.index ?? 0);
    return mention(a, i === 0 ? start : qStart, qStart + q[0].length, {
      type: 'Honor',
      kind: 'named',
      rule: 'award',
      aliases: [q[0].slice(1, -1)],
    });
  });
}

const PLACE_END = /(区|县|镇|街道|新区)$/;

/** Places jieba tags ns: a district or county is a government body; a city or country is weak. */
export function placeMentions(a: Analysed): Mention[] {
  const out: Mention[] = [];
  let run: typeof a.tokens = [];
  const flush = () => {
    if (run.length === 0) return;
    // jieba glues a name's first character to the preposition before it (由云|湖区).
    const glued = a.tokens[a.tokens.indexOf(run[0] as (typeof run)[0]) - 1];
    const gluedStart =
      glued && glued.tag === 'x' && glued.word.length === 2 && STOP_SINGLE_VERBS.has(glued.word[0] as string);
    const start = gluedStart ? glued.start + 1 : (run[0] as (typeof run)[0]).start;
    const end = (run[run.length - 1] as (typeof run)[0]).end;
    const name = a.sentence.flat.slice(start, end);
    if (name.length >= 2)
      out.push(mention(a, start, end, { type: 'District', kind: 'named', rule: 'place', weak: !PLACE_END.test(name) }));
    run = [];
  };
  for (const token of a.tokens) {
    if (token.tag !== 'ns') {
      flush();
      continue;
    }
    run.push(token);
    if (/[市省国]$/.test(token.word)) flush();
  }
  flush();
  return out;
}

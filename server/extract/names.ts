// Where a name begins and ends. A name found by its ending (研究院, 有限公司 …) or by its count
// (14家科研院所) runs over the words before (or after) it until a word that cannot be part of a
// name: punctuation, a preposition or particle, a numeral, a time word, a verb that is not one of
// the verbs names contain (创新, 制造 …). Brackets and quotes are taken whole (芯源半导体（临江）
// 有限公司, “汇智崂山”人才系列政策).
import { CUES, NAME_VERBS, SCOPE_PREFIXES, STOP_SINGLE_VERBS, SUFFIXES, TIME_WORDS } from './lexicon.ts';
import type { Token } from './segmenter.ts';
import type { Sentence } from './sentences.ts';

/** A sentence with its tokens and, for each character of `flat`, the token that holds it. */
export interface Analysed {
  sentence: Sentence;
  tokens: Token[];
  tokenAt: number[];
}

export function analyse(sentence: Sentence, tokens: Token[]): Analysed {
  const tokenAt = new Array<number>(sentence.flat.length).fill(-1);
  tokens.forEach((token, i) => {
    for (let c = token.start; c < token.end; c++) tokenAt[c] = i;
  });
  return { sentence, tokens, tokenAt };
}

const CUE_WORDS = new Set(CUES.map((c) => c.word));

/** Verbs jieba often tags as nouns, which still end a name on its left. */
export const BOUNDARY_WORDS = new Set([
  '培育',
  '规划',
  '推动',
  '促进',
  '加快',
  '提升',
  '强化',
  '完善',
  '深化',
  '推进',
  '发挥',
  '形成',
  '依托',
  '实现',
  '开展',
  '组织',
  '部署',
  '总结',
  '评选',
  '优选',
  '表彰',
  '新增',
  '累计',
  '达到',
  '突破',
  '超过',
  '投入',
  '着力',
  '大力',
  '充分发挥',
  '大力支持',
  '鼓励',
  '针对',
  '依据',
  '按照',
  '通过',
  '利用',
  '涵盖',
  '包括',
  '首家',
  '首个',
  '一批',
  '两只',
  '进行',
  '据介绍',
]);

const PUNCTUATION = /^[\s，,。；;：:、！？!?·…—–《》【】-]+$/;
const OPEN_OF: Record<string, string> = { '）': '（', ')': '(', '”': '“', '」': '「', '』': '『' };
const YEAR = /^(19|20)\d{2}$/;
const ALLOWED_NUMERALS = /^(首批|第[一二三四五六七八九十\d]+批)$/;
const ALLOWED_CLASSIFIERS = new Set(['级', '类', '系列', '型']);

const NUMERAL_CHAR = /^[一二三四五六七八九十百千万]$/;

/**
 * Whether a token ends a name on its left (it is not part of the name). `next` is the token to
 * its right, already in the name: a lone numeral before a word is part of it (千山峰会, 三星).
 */
export function stopsName(token: Token, next?: Token): boolean {
  const { word, tag } = token;
  if (/^[二两三四五六七八九十]大$/.test(word)) return true;
  if (NUMERAL_CHAR.test(word) && next && !/^(m|q)/.test(next.tag) && /\p{Script=Han}/u.test(next.word)) return false;
  if (PUNCTUATION.test(word) && !/^[—–-]$/.test(word)) return true;
  if (CUE_WORDS.has(word) || BOUNDARY_WORDS.has(word) || TIME_WORDS.has(word)) return true;
  if (word.length === 1 && STOP_SINGLE_VERBS.has(word)) return true;
  if (tag.startsWith('m')) return !YEAR.test(word) && !ALLOWED_NUMERALS.test(word);
  if (tag === 'q') return !ALLOWED_CLASSIFIERS.has(word);
  if (tag.startsWith('p') || tag.startsWith('u') || tag === 'c' || tag === 'd' || tag === 'r') return true;
  if (tag === 'f') return word !== '以上';
  if (tag === 'v' || tag === 'vd' || tag === 'ad') return word.length > 1 && !NAME_VERBS.has(word);
  return false;
}

/** The opening of a bracket or quote closed at `close`, if it lies within [floor, close). */
function openingOf(flat: string, close: number, floor: number): number {
  const opener = OPEN_OF[flat[close] as string];
  if (!opener) return -1;
  const at = flat.lastIndexOf(opener, close);
  const inner = flat.slice(at + 1, close);
  return at >= floor && inner.length <= 12 && !/[，,。；;、]/.test(inner) ? at : -1;
}

/** Whether the words right before `at` end with a name suffix (X研究院和Y…: two names). */
export function endsWithSuffix(text: string): boolean {
  return SUFFIXES.some(([suffix]) => text.endsWith(suffix)) || /(院所|高校|机构|单位|部门)$/.test(text);
}

const NOUN_LIKE_TAG = /^(n|j|b|x)/;
const isVerb = (token: Token) => token.tag === 'v';

/**
 * Whether a verb is inside the name: one names contain (创新, 制造), a cue word right before the
 * suffix (临江科创投资有限公司, not 投资芯源…公司), or any verb between two words of a name
 * (智能驾驶联合实验室, 科技成果对接大会).
 */
function verbInName(token: Token, left: Token | undefined, distance: number): boolean {
  if (CUE_WORDS.has(token.word) || BOUNDARY_WORDS.has(token.word)) return NAME_VERBS.has(token.word) && distance === 0;
  if (NAME_VERBS.has(token.word)) return true;
  if (token.word.length === 1) return !STOP_SINGLE_VERBS.has(token.word);
  return !!left && (NOUN_LIKE_TAG.test(left.tag) || NAME_VERBS.has(left.word)) && !stopsName(left);
}

/**
 * The first character of the name whose last word begins at `from` (a suffix or a head noun),
 * scanning left no further than `floor` (the clause's start). `joinAll` keeps names joined by 和
 * together (a count covers both: 企业类重点实验室和技术创新中心达到197家).
 */
export function leftBoundary(a: Analysed, from: number, floor: number, maxLength = 26, joinAll = false): number {
  const { flat } = a.sentence;
  let start = from;
  const t = (a.tokenAt[from] ?? -1) >= 0 ? (a.tokenAt[from] as number) : -1;
  if (t >= 0) start = Math.min(start, (a.tokens[t] as Token).start);
  for (let distance = 0, i = t - 1; i >= 0; i--, distance++) {
    const token = a.tokens[i] as Token;
    if (token.start < floor || from - token.start > maxLength) break;
    const opening = openingOf(flat, token.end - 1, floor);
    if (opening >= 0 && token.word.length === 1) {
      start = opening;
      while (i > 0 && (a.tokens[i - 1] as Token).start >= opening) i--;
      continue;
    }
    const conjunction = token.word === '和' || token.word === '及';
    if (conjunction && (joinAll || !endsWithSuffix(flat.slice(floor, token.start))) && i > 0) {
      start = token.start;
      continue;
    }
    // jieba glues an unknown name to the preposition before it (由云|湖区): the name starts after.
    if (token.tag === 'x' && token.word.length > 1 && STOP_SINGLE_VERBS.has(token.word[0] as string)) {
      start = token.start + 1;
      break;
    }
    const cueLike = CUE_WORDS.has(token.word) || BOUNDARY_WORDS.has(token.word);
    if (cueLike || isVerb(token) ? !verbInName(token, a.tokens[i - 1], distance) : stopsName(token, a.tokens[i + 1]))
      break;
    start = token.start;
  }
  return trimScope(flat, start, from);
}

/** Drops a leading 全区 / 区内 …: the whole district is not part of the name. */
function trimScope(flat: string, start: number, end: number): number {
  for (const prefix of SCOPE_PREFIXES)
    if (flat.startsWith(prefix, start) && start + prefix.length < end) return start + prefix.length;
  return start;
}

const CLOSE_OF: Record<string, string> = { '“': '”', '《': '》', '（': '）', '(': ')' };

function stopsPhrase(token: Token): boolean {
  const { word, tag } = token;
  if (word === '和') return false;
  if (PUNCTUATION.test(word) || CUE_WORDS.has(word) || BOUNDARY_WORDS.has(word) || TIME_WORDS.has(word)) return true;
  if (word.length === 1 && STOP_SINGLE_VERBS.has(word)) return true;
  return /^(p|u|c|d|m|t)/.test(tag) && !(tag === 't' && !TIME_WORDS.has(word) && word.length > 1);
}

const nounLike = (token: Token) => /^(n|j|b|eng)/.test(token.tag) || /[”）)》]$/.test(token.word) || token.tag === 'x';

/**
 * The end (exclusive) of the noun phrase that starts at `from` (after a count: 14家科研院所),
 * up to `ceiling`; verbs inside are kept (新认定创新平台) but the phrase ends on a noun.
 */
export function rightBoundary(a: Analysed, from: number, ceiling: number, maxLength = 24): number {
  const { flat } = a.sentence;
  const kept: Token[] = [];
  for (let t = a.tokenAt[from] ?? -1; t >= 0 && t < a.tokens.length; t++) {
    const token = a.tokens[t] as Token;
    if (token.end > ceiling || token.end - from > maxLength) break;
    const close = CLOSE_OF[token.word];
    if (close) {
      const at = flat.indexOf(close, token.end);
      if (at < 0 || at >= ceiling) break;
      kept.push({ word: flat.slice(token.start, at + 1), tag: 'x', start: token.start, end: at + 1 });
      while (t + 1 < a.tokens.length && (a.tokens[t + 1] as Token).start <= at) t++;
      continue;
    }
    if (stopsPhrase(token) && !(token.tag === 'r' && kept.length === 0)) break;
    kept.push(token);
  }
  while (kept.length > 0 && !nounLike(kept[kept.length - 1] as Token)) kept.pop();
  return kept.length > 0 ? (kept[kept.length - 1] as Token).end : from;
}

// Search ranking, pure: exact matches first, then prefixes, then substrings, then full-text hits,
// on every key a user may type (Chinese, English, alias, full pinyin, pinyin initials). The
// server ranks the candidates its indexes find; the offline bundle ranks every node it holds.
import { hasHan, normalizeLatin } from './search-keys.ts';
import type { SearchHit } from './api-types.ts';

export interface SearchCandidate {
  id: string;
  type: string;
  name_zh: string;
  name_en: string;
  aliases?: string[] | null;
  pinyin?: string | null;
  pinyin_initials?: string | null;
  pinyin_words?: string | null;
  /** The full-text index's score (0: found by another key). */
  fulltext: number;
  degree: number;
}

/** Abbreviations are short runs of letters; longer queries are words, not abbreviations. */
export const ABBREVIATION = /^[a-z]{2,8}$/;

/** The letters of `q` in order in `value`, the first one starting it ("hr" in "haier"). */
export function isAnchoredSubsequence(value: string, q: string): boolean {
  if (!value.startsWith(q[0] ?? '')) return false;
  let at = 0;
  for (const letter of q) {
    at = value.indexOf(letter, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

interface KeyMatch {
  score: number;
  matched: SearchHit['matched'];
}

function matchKey(
  value: string | null | undefined,
  q: string,
  matched: SearchHit['matched'],
  weight: number,
): KeyMatch | undefined {
  if (!value) return undefined;
  if (value === q) return { score: 100 * weight, matched };
  if (value.startsWith(q)) return { score: (80 + 10 * (q.length / value.length)) * weight, matched };
  if (value.includes(q)) return { score: (55 + 10 * (q.length / value.length)) * weight, matched };
  return undefined;
}

export function scoreCandidate(candidate: SearchCandidate, rawQuery: string): KeyMatch {
  const qZh = rawQuery.normalize('NFKC').trim();
  const q = normalizeLatin(rawQuery);
  // Pinyin keys are letters and digits only: "hai er", "hai-er" and "$haier" all mean haier.
  const qCompact = q.replace(/[^\p{L}\p{N}]/gu, '');
  const matches: (KeyMatch | undefined)[] = [
    matchKey(candidate.name_zh.normalize('NFKC'), qZh, 'name_zh', 1),
    matchKey(normalizeLatin(candidate.name_en), q, 'name_en', 1),
    ...(candidate.aliases ?? []).map((a) =>
      matchKey(hasHan(a) ? a.normalize('NFKC') : normalizeLatin(a), hasHan(a) ? qZh : q, 'alias', 0.97),
    ),
    matchKey(candidate.pinyin, qCompact, 'pinyin', 0.95),
    matchKey(candidate.pinyin_initials, qCompact, 'pinyin_initials', 0.93),
    ...(candidate.pinyin_words ?? '').split(' ').map((w) => matchKey(w, qCompact, 'pinyin', 0.9)),
  ];
  // Below every prefix and substring match: an abbreviation is a guess.
  if (candidate.pinyin && ABBREVIATION.test(qCompact) && isAnchoredSubsequence(candidate.pinyin, qCompact))
    matches.push({ score: 45 * (qCompact.length / (qCompact.length + 2)), matched: 'pinyin' });
  let best: KeyMatch = { score: 0, matched: 'fulltext' };
  for (const m of matches) if (m && m.score > best.score) best = m;
  if (best.score === 0) best = { score: 20 + Math.min(20, candidate.fulltext * 5), matched: 'fulltext' };
  return best;
}

/** Merges candidates from every source query and ranks them. */
export function rankCandidates(candidates: readonly SearchCandidate[], rawQuery: string, limit: number): SearchHit[] {
  const byId = new Map<string, SearchCandidate>();
  for (const c of candidates) {
    const seen = byId.get(c.id);
    if (!seen || c.fulltext > seen.fulltext) byId.set(c.id, c);
  }
  const hits = [...byId.values()].map((c) => {
    const { score, matched } = scoreCandidate(c, rawQuery);
    return {
      hit: {
        id: c.id,
        type: c.type,
        name_zh: c.name_zh,
        name_en: c.name_en,
        score: Math.round(score * 10) / 10,
        matched,
      },
      degree: c.degree,
    };
  });
  hits.sort(
    (a, b) =>
      b.hit.score - a.hit.score ||
      b.degree - a.degree ||
      a.hit.name_zh.length - b.hit.name_zh.length ||
      (a.hit.id < b.hit.id ? -1 : a.hit.id > b.hit.id ? 1 : 0),
  );
  return hits.slice(0, limit).map((h) => h.hit);
}

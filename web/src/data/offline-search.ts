// Search in the offline bundle: the nodes the server's queries would find, ranked by the server's
// own ranking (domain/search-rank.ts) on keys computed at export time. The candidates are what
// those queries match: a name or pinyin key starting with the query, a Chinese substring of the
// name, a pinyin abbreviation, and the full-text indexes' words — English names, aliases and
// pinyin words as prefixes (all words required), Chinese as character pairs (the cjk analyzer).
import type { SearchHit } from '../../../domain/api-types.ts';
import type { SearchEntry } from '../../../domain/offline-bundle.ts';
import { hasHan, normalizeLatin } from '../../../domain/search-keys.ts';
import {
  ABBREVIATION,
  isAnchoredSubsequence,
  rankCandidates,
  type SearchCandidate,
} from '../../../domain/search-rank.ts';

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;

/** A node's Latin words, as the entity_names_latin index holds them. */
function latinWords(entry: SearchEntry): string[] {
  const texts = [entry.name_en, ...entry.aliases.filter((a) => !hasHan(a)), entry.pinyin_words ?? ''];
  return texts.flatMap((text) => normalizeLatin(text).split(WORD_SPLIT)).filter((w) => w.length > 0);
}

/** Han character pairs (a lone character stays one), as the cjk analyzer cuts text. */
export function hanPairs(text: string): string[] {
  const pairs: string[] = [];
  for (const run of text.normalize('NFKC').match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    if (chars.length === 1) pairs.push(run);
    for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!);
  }
  return pairs;
}

/**
 * What the full-text indexes would score: the number of query words that are prefixes of the
 * node's Latin words (0 unless all are), plus the query's character pairs found in its Chinese
 * names (any of them, as the cjk index matches).
 */
export function fulltextScore(entry: SearchEntry, query: string): number {
  const words = normalizeLatin(query)
    .split(WORD_SPLIT)
    .filter((w) => w.length > 0 && !hasHan(w));
  let score = 0;
  if (words.length > 0) {
    const own = latinWords(entry);
    if (words.every((w) => own.some((o) => o.startsWith(w)))) score += words.length;
  }
  const pairs = hanPairs(query);
  if (pairs.length > 0) {
    const zh = [entry.name_zh, ...entry.aliases.filter(hasHan)].map((t) => t.normalize('NFKC')).join('\n');
    score += pairs.filter((p) => zh.includes(p)).length / pairs.length;
  }
  return score;
}

/**
 * Whether the server's prefix, substring or abbreviation queries find the node (cypher/search-*):
 * the full-text ones are `fulltextScore`'s.
 */
export function keyFinds(entry: SearchEntry, query: string): boolean {
  const q = query.normalize('NFKC');
  const latin = normalizeLatin(query);
  const compact = latin.replace(/\s+/g, '');
  return (
    entry.name_zh.startsWith(q) ||
    normalizeLatin(entry.name_en).startsWith(latin) ||
    (entry.pinyin ?? '').startsWith(compact) ||
    (entry.pinyin_initials ?? '').startsWith(compact) ||
    (hasHan(q) && entry.name_zh.normalize('NFKC').includes(q.trim())) ||
    (ABBREVIATION.test(compact) && isAnchoredSubsequence(entry.pinyin ?? '', compact))
  );
}

/** The ranked hits for `query` among the bundle's nodes. */
export function offlineSearch(entries: readonly SearchEntry[], query: string, limit: number): SearchHit[] {
  const q = query.trim();
  if (q.length === 0) return [];
  const candidates: SearchCandidate[] = [];
  for (const entry of entries) {
    const fulltext = fulltextScore(entry, q);
    if (fulltext > 0 || keyFinds(entry, q)) candidates.push({ ...entry, fulltext });
  }
  return rankCandidates(candidates, q, limit);
}

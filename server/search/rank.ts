// Search: the Lucene queries of the server's full-text indexes; the ranking of what they find is
// pure and shared with the offline bundle (domain/search-rank.ts).
import { hasHan, normalizeLatin } from '../../domain/search-keys.ts';
import { ABBREVIATION } from '../../domain/search-rank.ts';
import type { SearchHit } from '../../domain/api-types.ts';

export type { SearchHit };
export { rankCandidates, scoreCandidate, type SearchCandidate } from '../../domain/search-rank.ts';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/** The query for the cjk index: the Han text, escaped; empty when the query has no Han. */
export function chineseQuery(q: string): string {
  const han = q.normalize('NFKC').trim();
  return hasHan(han) ? escapeLucene(han) : '';
}

/** The query for the Latin index: every word, as a prefix, all required. */
export function latinQuery(q: string): string {
  const words = normalizeLatin(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !hasHan(w))
    .map((w) => w.toLowerCase());
  return words.map((w) => `${escapeLucene(w)}*`).join(' AND ');
}

/** A required term of an exact (keyword-analysed) field: the dataset key, a node type. */
function requiredTerms(field: string, values: readonly string[]): string {
  return `+${field}:(${values.map((v) => `"${escapeLucene(v)}"`).join(' OR ')})`;
}

/**
 * The Lucene query for pinyin abbreviations ("hr" → "haier": the letters in order, the first at
 * the start) over the entity_pinyin_keys index, within one dataset and optional types. A Lucene
 * regular expression matches a whole term, so `h.*r.*` is anchored at both ends. Built from a–z
 * only, so it cannot carry regex syntax; undefined for anything else.
 */
export function subsequenceQuery(compactQuery: string, key: string, types: readonly string[]): string | undefined {
  if (!ABBREVIATION.test(compactQuery)) return undefined;
  const regex = `+pinyin:/${compactQuery.split('').join('.*')}.*/`;
  return [requiredTerms('dataset', [key]), ...(types.length ? [requiredTerms('type', types)] : []), regex].join(' ');
}

/**
 * The Lucene query for Chinese substrings over the entity_name_zh_chars index (standard
 * analyzer: every Han character a term): the query's text as a phrase, within one dataset and
 * optional types. Undefined when the query has no Han character (Latin keys have their own).
 */
export function substringQuery(q: string, key: string, types: readonly string[]): string | undefined {
  const text = q.normalize('NFKC').trim();
  if (!hasHan(text)) return undefined;
  const phrase = `+name_zh:"${escapeLucene(text)}"`;
  return [requiredTerms('dataset', [key]), ...(types.length ? [requiredTerms('type', types)] : []), phrase].join(' ');
}

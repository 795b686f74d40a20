// Names the target dataset already knows, found in the text: the longest name at each place
// wins. A name is compared as the import's merge compares it (Unicode-normalised, case and spaces
// ignored), and also without quotes and title marks (“繁星计划” = 繁星计划), so a proposal that
// matches carries the node's id and is offered as a merge, not a duplicate.
import { isNodeType } from '../../domain/ontology.ts';
import { mention, type Mention } from './mentions.ts';
import type { Analysed } from './names.ts';
import type { GazetteerEntry } from '../../domain/extraction.ts';

const MARKS = /[“”‘’"'《》「」『』〈〉\s]/g;

/** The key names are compared by. */
export function matchKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(MARKS, '').replace(/（/g, '(').replace(/）/g, ')');
}

export interface GazetteerIndex {
  byKey: Map<string, GazetteerEntry>;
  maxLength: number;
}

/** Indexes names of two characters or more; a name two entries share is left out (ambiguous). */
export function indexGazetteer(entries: readonly GazetteerEntry[]): GazetteerIndex {
  const byKey = new Map<string, GazetteerEntry>();
  const ambiguous = new Set<string>();
  let maxLength = 0;
  for (const entry of entries) {
    if (entry.type === 'Indicator') continue;
    for (const name of entry.names) {
      const key = matchKey(name);
      if (key.length < 2 || (/^[a-z0-9 .-]+$/.test(key) && key.length < 3)) continue;
      const known = byKey.get(key);
      if (known && known.id !== entry.id) ambiguous.add(key);
      byKey.set(key, entry);
      maxLength = Math.max(maxLength, key.length);
    }
  }
  for (const key of ambiguous) byKey.delete(key);
  return { byKey, maxLength: Math.min(maxLength, 60) };
}

export function lookup(index: GazetteerIndex, name: string): GazetteerEntry | undefined {
  return index.byKey.get(matchKey(name));
}

/** The characters of `flat` that keys are made of, with their positions. */
function keyed(flat: string): { chars: string[]; at: number[] } {
  const chars: string[] = [];
  const at: number[] = [];
  [...flat].forEach((char, i) => {
    const key = matchKey(char);
    if (key === '') return;
    chars.push(key);
    at.push(i);
  });
  return { chars, at };
}

const LATIN = /[a-z0-9]/;

/** The known names in one sentence, longest first at each place, without overlaps. */
export function gazetteerMentions(a: Analysed, index: GazetteerIndex): Mention[] {
  if (index.byKey.size === 0) return [];
  const { chars, at } = keyed(a.sentence.flat);
  const out: Mention[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (LATIN.test(chars[i] as string) && LATIN.test(chars[i - 1] ?? '')) continue;
    for (let length = Math.min(index.maxLength, chars.length - i); length >= 2; length--) {
      const entry = index.byKey.get(chars.slice(i, i + length).join(''));
      if (!entry || (LATIN.test(chars[i + length - 1] as string) && LATIN.test(chars[i + length] ?? ''))) continue;
      const start = at[i] as number;
      const end = (at[i + length - 1] as number) + 1;
      const type = isNodeType(entry.type) ? entry.type : 'Actor';
      out.push(mention(a, start, end, { type, kind: 'named', rule: 'gazetteer', gazetteer: entry }));
      i += length - 1;
      break;
    }
  }
  return out;
}

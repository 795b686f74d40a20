// Latin-keyboard search keys for Chinese names: full pinyin and pinyin initials, computed the
// same way for stored names (seed, import) and for queries (server search).
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Lower-case, width- and space-normalised text for exact and prefix comparison. */
export function normalizeLatin(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function syllables(text: string): string[] {
  return pinyin(text.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
}

/** 海尔集团 → haierjituan */
export function fullPinyin(text: string): string {
  return syllables(text).join('');
}

/** 海尔集团 → hejt; Latin runs keep their first letter (5G → 5). */
export function pinyinInitials(text: string): string {
  return syllables(text)
    .map((s) => s[0])
    .join('');
}

export interface SearchKeys {
  pinyin: string;
  pinyin_initials: string;
  /** Words for the Latin full-text index: syllables, full pinyin and initials of name and aliases. */
  pinyin_words: string;
  name_en_lower: string;
}

export function searchKeys(nameZh: string, nameEn: string, aliases: readonly string[]): SearchKeys {
  const words = new Set<string>();
  for (const text of [nameZh, ...aliases.filter(hasHan)]) {
    const parts = syllables(text);
    if (parts.length === 0) continue;
    words.add(parts.join(''));
    words.add(parts.map((s) => s[0]).join(''));
  }
  return {
    pinyin: fullPinyin(nameZh),
    pinyin_initials: pinyinInitials(nameZh),
    pinyin_words: [...words].join(' '),
    name_en_lower: normalizeLatin(nameEn),
  };
}

import { describe, expect, it } from 'vitest';
import { fullPinyin, normalizeLatin, pinyinInitials, searchKeys } from './search-keys.ts';

describe('search keys', () => {
  it('turns Chinese names into full pinyin and initials', () => {
    expect(fullPinyin('海尔集团')).toBe('haierjituan');
    expect(pinyinInitials('海尔集团')).toBe('hejt');
    expect(pinyinInitials('崂山区')).toBe('lsq');
  });

  it('includes aliases as words for the Latin index', () => {
    const keys = searchKeys('海尔集团', 'Haier Group', ['海尔', 'Haier']);
    expect(keys.pinyin_words.split(' ')).toEqual(expect.arrayContaining(['haierjituan', 'hejt', 'haier', 'he']));
    expect(keys.name_en_lower).toBe('haier group');
  });

  it('normalises width and case', () => {
    expect(normalizeLatin('  ＨＡＩＥＲ  Group ')).toBe('haier group');
  });
});

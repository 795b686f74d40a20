import { describe, expect, it } from 'vitest';
import type { SearchEntry } from '../../../domain/offline-bundle.ts';
import { searchKeys } from '../../../domain/search-keys.ts';
import { fulltextScore, hanPairs, offlineSearch } from './offline-search.ts';

/** An entry as the export computes it (domain/search-keys.ts). */
function entry(id: string, name_zh: string, name_en: string, aliases: string[] = [], degree = 1): SearchEntry {
  const { pinyin, pinyin_initials, pinyin_words } = searchKeys(name_zh, name_en, aliases);
  return { id, type: 'Firm', name_zh, name_en, aliases, pinyin, pinyin_initials, pinyin_words, degree };
}

const entries = [
  entry('firm/haier', '海尔集团', 'Haier Group', ['海尔', 'Haier'], 5),
  entry('firm/hisense', '海信集团', 'Hisense Group', [], 4),
  entry('uni/ouc', '中国海洋大学', 'Ocean University of China', ['海大'], 3),
  entry('park/qd-intl', '青岛国际创新园', 'Qingdao International Innovation Park', [], 2),
  entry('district/laoshan', '崂山区', 'Laoshan District', [], 9),
  entry('programme/three-year', '三年行动计划', 'Three-year action plan', [], 1),
];
const ids = (q: string) => offlineSearch(entries, q, 10).map((h) => h.id);

describe('offline search', () => {
  it('finds a Chinese name by its start, a substring and an alias', () => {
    expect(ids('海尔')[0]).toBe('firm/haier');
    expect(ids('尔集')).toEqual(['firm/haier']);
    expect(ids('海大')[0]).toBe('uni/ouc');
    expect(ids('创新园')).toEqual(['park/qd-intl']);
  });

  it('finds English names by words and prefixes, and says which key matched', () => {
    expect(ids('haier')[0]).toBe('firm/haier');
    expect(ids('innovation park')).toEqual(['park/qd-intl']);
    expect(ids('univ chin')).toEqual(['uni/ouc']);
    expect(offlineSearch(entries, 'Laoshan District', 5)[0]).toMatchObject({
      id: 'district/laoshan',
      matched: 'name_en',
    });
  });

  it('finds pinyin in full, its initials and its abbreviations', () => {
    expect(ids('haierjituan')).toEqual(['firm/haier']);
    expect(offlineSearch(entries, 'hejt', 5)[0]).toMatchObject({ id: 'firm/haier', matched: 'pinyin_initials' });
    expect(ids('laoshanqu')).toEqual(['district/laoshan']);
    expect(ids('lsq')[0]).toBe('district/laoshan');
    // The letters in order, the first starting the name (ranked below prefixes).
    expect(ids('hx')).toContain('firm/hisense');
    // As the server's indexes: an English name is found by its words' starts, not inside a word.
    expect(ids('hr')).not.toContain('programme/three-year');
  });

  it('ranks an exact name above a prefix above a word', () => {
    const hits = offlineSearch(entries, '海', 10);
    expect(
      hits
        .map((h) => h.id)
        .slice(0, 2)
        .sort(),
    ).toEqual(['firm/haier', 'firm/hisense']);
    expect(hits.every((h, i) => i === 0 || h.score <= hits[i - 1]!.score)).toBe(true);
  });

  it('finds nothing for what no key holds, and respects the limit', () => {
    expect(ids('zzzz')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(offlineSearch(entries, 'group', 1)).toHaveLength(1);
  });

  it('reads Chinese as character pairs, and Latin words all required', () => {
    expect(hanPairs('海尔集团 5G')).toEqual(['海尔', '尔集', '集团']);
    expect(hanPairs('海')).toEqual(['海']);
    expect(fulltextScore(entries[0]!, 'haier group')).toBe(2);
    expect(fulltextScore(entries[0]!, 'haier ocean')).toBe(0);
  });
});

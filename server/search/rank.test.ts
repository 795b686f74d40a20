import { describe, expect, it } from 'vitest';
import {
  chineseQuery,
  escapeLucene,
  latinQuery,
  rankCandidates,
  subsequenceQuery,
  substringQuery,
  type SearchCandidate,
} from './rank.ts';

const candidate = (over: Partial<SearchCandidate>): SearchCandidate => ({
  id: 'x',
  type: 'Firm',
  name_zh: '',
  name_en: '',
  fulltext: 0,
  degree: 0,
  ...over,
});

describe('search ranking', () => {
  it('escapes every Lucene operator', () => {
    expect(escapeLucene('a+b-c&&d||e!(f){g}[h]^i"j~k*l?m:n\\o/p')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^i\\"j\\~k\\*l\\?m\\:n\\\\o\\/p',
    );
  });

  it('builds the Chinese query only from Han text and the Latin one as required prefixes', () => {
    expect(chineseQuery('haier')).toBe('');
    expect(chineseQuery('海尔')).toBe('海尔');
    expect(latinQuery('Haier  Gr')).toBe('haier* AND gr*');
    expect(latinQuery('海尔')).toBe('');
  });

  it('puts exact matches first, then prefixes, then full-text only hits', () => {
    const ranked = rankCandidates(
      [
        candidate({ id: 'fulltext', name_zh: '无关', name_en: 'Unrelated', fulltext: 3 }),
        candidate({
          id: 'prefix',
          name_zh: '海尔集团',
          name_en: 'Haier Group',
          pinyin: 'haierjituan',
          pinyin_initials: 'hejt',
        }),
        candidate({ id: 'exact', name_zh: '海尔', name_en: 'Haier', pinyin: 'haier', pinyin_initials: 'he' }),
      ],
      '海尔',
      10,
    );
    expect(ranked.map((r) => r.id)).toEqual(['exact', 'prefix', 'fulltext']);
    expect(ranked[0]).toMatchObject({ score: 100, matched: 'name_zh' });
  });

  it('matches pinyin initials and says so', () => {
    const [hit] = rankCandidates(
      [candidate({ id: 'h', name_zh: '海尔集团', pinyin: 'haierjituan', pinyin_initials: 'hejt' })],
      'HEJT',
      5,
    );
    expect(hit).toMatchObject({ id: 'h', matched: 'pinyin_initials' });
  });

  it('understands abbreviations such as hr → 海尔 (hai-er), below every prefix match', () => {
    const haier = candidate({ id: 'haier', name_zh: '海尔集团', pinyin: 'haierjituan', pinyin_initials: 'hejt' });
    const prefix = candidate({ id: 'hr', name_zh: '华润', pinyin: 'huarun', pinyin_initials: 'hr' });
    const hits = rankCandidates([haier, prefix], 'hr', 5);
    expect(hits.map((h) => h.id)).toEqual(['hr', 'haier']);
    expect(hits[1]).toMatchObject({ matched: 'pinyin' });
    expect(hits[1]!.score).toBeLessThan(55);
    // Letters out of order, or not starting the name, are no abbreviation.
    expect(rankCandidates([haier], 'rh', 5)[0]).toMatchObject({ matched: 'fulltext' });
    expect(rankCandidates([haier], 'ae', 5)[0]).toMatchObject({ matched: 'fulltext' });
    expect(subsequenceQuery('hr', 'laoshan', [])).toBe('+dataset:("laoshan") +pinyin:/h.*r.*/');
    expect(subsequenceQuery('hr', 'k-1', ['Firm', 'Lab'])).toBe(
      '+dataset:("k\\-1") +type:("Firm" OR "Lab") +pinyin:/h.*r.*/',
    );
    for (const q of ['h', 'h.r', 'h*', 'abcdefghi', '海尔', 'h r'])
      expect(subsequenceQuery(q, 'k', []), q).toBeUndefined();
  });

  it('asks for Chinese substrings as a phrase of characters within the dataset', () => {
    expect(substringQuery(' 崂山 ', 'laoshan', [])).toBe('+dataset:("laoshan") +name_zh:"崂山"');
    expect(substringQuery('“繁星"', 'k', ['Park'])).toBe('+dataset:("k") +type:("Park") +name_zh:"“繁星\\""');
    expect(substringQuery('haier', 'k', [])).toBeUndefined();
  });
});

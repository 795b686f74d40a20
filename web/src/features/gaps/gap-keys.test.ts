import { describe, expect, it } from 'vitest';
import type { Gap } from '../../../../domain/api-types.ts';
import { findGap, gapKeys, gapSubject, groupGaps, isGapKey } from './gap-keys.ts';

const gap = (kind: Gap['kind'], subject: string, nodes: string[] = [subject]): Gap => ({
  kind,
  subject: { id: subject, type: 'Park', name_zh: subject, name_en: subject },
  text_zh: '说明',
  text_en: 'why',
  nodes,
});

describe('gap names', () => {
  it('name a gap by kind and subject, numbering a second one of the same', () => {
    const gaps = [
      gap('park_without_academic_partner', 'park/a'),
      gap('communities_joined_by_one_broker', 'firm/b'),
      gap('communities_joined_by_one_broker', 'firm/b'),
    ];
    expect(gapKeys(gaps)).toEqual([
      'park_without_academic_partner:park/a',
      'communities_joined_by_one_broker:firm/b',
      'communities_joined_by_one_broker:firm/b:2',
    ]);
    expect(findGap(gaps, 'communities_joined_by_one_broker:firm/b:2')).toBe(gaps[2]);
    expect(findGap(gaps, 'communities_joined_by_one_broker:firm/b:3')).toBeUndefined();
    expect(findGap(gaps, undefined)).toBeUndefined();
  });

  it('accept only known kinds and node ids as subjects', () => {
    expect(gapSubject('programme_without_recipient:programme/x.y')).toBe('programme/x.y');
    expect(gapSubject('field_without_cross_sector_tie:industry/ai:2')).toBe('industry/ai');
    expect(isGapKey('unknown_kind:park/a')).toBe(false);
    expect(isGapKey('park_without_academic_partner:<b>')).toBe(false);
    expect(isGapKey('park_without_academic_partner:park/a:1')).toBe(false);
    expect(isGapKey('park_without_academic_partner:')).toBe(false);
  });

  it('group the gaps by kind in a fixed order, keeping each kind’s own order', () => {
    const gaps = [
      gap('programme_without_recipient', 'programme/p'),
      gap('park_without_academic_partner', 'park/a'),
      gap('programme_without_recipient', 'programme/q'),
      gap('field_without_cross_sector_tie', 'industry/ai'),
    ];
    const groups = groupGaps(gaps);
    expect(groups.map((g) => g.kind)).toEqual([
      'field_without_cross_sector_tie',
      'park_without_academic_partner',
      'programme_without_recipient',
    ]);
    expect(groups[2]?.gaps.map((g) => g.key)).toEqual([
      'programme_without_recipient:programme/p',
      'programme_without_recipient:programme/q',
    ]);
  });
});

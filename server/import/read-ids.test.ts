import { describe, expect, it } from 'vitest';
import { NODE_ID_MAX_LENGTH, isNodeId } from '../../domain/ids.ts';
import { normalizeNodeId } from './read-ids.ts';

describe('normalizeNodeId', () => {
  it('keeps valid ids as they are', () => {
    for (const id of ['firm/haier', '3466', 'a.b~c-d', 'x/y/z']) expect(normalizeNodeId(id)).toBe(id);
  });

  it('normalises the others the same way every time', () => {
    const cases: [string, string][] = [
      ['Valjean', 'valjean'],
      ['Firm/Haier', 'firm/haier'],
      ['Park/Laoshan Science City', 'park/laoshan-science-city'],
      ['海尔集团', 'haierjituan'],
      ['Talent/院士', 'talent/yuanshi'],
      ['firm/海尔 Group', 'firm/haier-group'],
      ['ＡＢＣ１２３', 'abc123'],
      ['  spaced  ', 'spaced'],
      ['a//b', 'a/b'],
      ['-lead/.dot', 'lead/dot'],
      ['node #1: (main)', 'node-1-main'],
    ];
    for (const [input, id] of cases) {
      expect(normalizeNodeId(input), input).toBe(id);
      expect(isNodeId(id)).toBe(true);
    }
  });

  it('falls back to a hash when nothing is left, and cuts long ids with a hash', () => {
    expect(normalizeNodeId('!!!')).toMatch(/^n-[0-9a-f]{8}$/);
    expect(normalizeNodeId('!!!')).toBe(normalizeNodeId('!!!'));
    expect(normalizeNodeId('!!!')).not.toBe(normalizeNodeId('???'));
    const long = normalizeNodeId('A'.repeat(400));
    expect(long).toHaveLength(NODE_ID_MAX_LENGTH);
    expect(long).toMatch(/^a+-[0-9a-f]{8}$/);
    expect(isNodeId(long)).toBe(true);
    expect(normalizeNodeId('B'.repeat(400))).not.toBe(long);
  });
});

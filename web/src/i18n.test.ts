import { describe, expect, it } from 'vitest';
import { preferredLanguage, t } from './i18n.ts';

describe('UI strings', () => {
  it('fill in variables in both languages', () => {
    expect(t('zh', 'nodesEdges', { nodes: 3, edges: 2 })).toBe('3 个节点 · 2 条关系');
    expect(t('en', 'nodesEdges', { nodes: 3, edges: 2 })).toBe('3 nodes · 2 relations');
  });

  it('default to Chinese for a Chinese browser', () => {
    expect(preferredLanguage(['zh-CN', 'en'])).toBe('zh');
    expect(preferredLanguage(['en-US', 'zh-TW'])).toBe('zh');
    expect(preferredLanguage(['en-US'])).toBe('en');
  });
});

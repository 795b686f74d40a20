import { describe, expect, it } from 'vitest';
import { preferredLanguage, propertyLabel, propertyValue, t } from './i18n.ts';

describe('UI strings', () => {
  it('fill in variables in both languages', () => {
    expect(t('zh', 'nodesEdges', { nodes: 3, edges: 2 })).toBe('3 个节点 · 2 条关系');
    expect(t('en', 'nodesEdges', { nodes: 3, edges: 2 })).toBe('3 nodes · 2 relations');
  });

  it('name the ontology properties in both languages and leave unknown ones as they are', () => {
    expect(propertyLabel('zh', 'aliases')).toBe('别名');
    expect(propertyLabel('en', 'name_en_basis')).toBe('English name');
    expect(propertyValue('zh', 'name_en_basis', 'official')).toBe('官方英文名');
    expect(propertyValue('en', 'name_en_basis', 'translation')).toBe('our translation');
    expect(propertyLabel('zh', 'website')).toBe('website');
    expect(propertyValue('zh', 'unit', 'official')).toBe('official');
  });

  it('default to Chinese for a Chinese browser', () => {
    expect(preferredLanguage(['zh-CN', 'en'])).toBe('zh');
    expect(preferredLanguage(['en-US', 'zh-TW'])).toBe('zh');
    expect(preferredLanguage(['en-US'])).toBe('en');
  });
});

import { describe, expect, it } from 'vitest';
import type { MetricsReady } from '../../../../domain/api-types.ts';
import { MAX_NODE_SIZE, MIN_NODE_SIZE } from '../../graph/build.ts';
import { MetricStyles } from './layer.ts';
import { COMMUNITY_COLORS } from './scales.ts';

const payload = {
  ids: ['hub', 'leaf'],
  values: { betweenness: [10, 0], community: [3, 4] },
  metrics: [
    { id: 'betweenness', kind: 'score' },
    { id: 'community', kind: 'category' },
  ],
} as unknown as MetricsReady;

describe('the metrics layer', () => {
  it('writes size and colour into sigma’s copy; nodes without metrics keep their look', () => {
    const styles = new MetricStyles();
    expect(styles.update(payload, 'betweenness', 'community')).toBe(true);
    const hub = { size: 5, color: '#000000' };
    styles.styleNode('hub', hub);
    expect(hub).toEqual({ size: MAX_NODE_SIZE, color: COMMUNITY_COLORS[0] });
    const leaf = { size: 5, color: '#000000' };
    styles.styleNode('leaf', leaf);
    expect(leaf.size).toBe(MIN_NODE_SIZE);
    const later = { size: 5, color: '#000000' };
    styles.styleNode('expanded-later', later);
    expect(later).toEqual({ size: 5, color: '#000000' });
  });

  it('recomputes only when the metrics or the choice change', () => {
    const styles = new MetricStyles();
    expect(styles.update(undefined, 'betweenness', undefined)).toBe(true);
    expect(styles.styleOf('hub')).toEqual({ size: undefined, color: undefined });
    expect(styles.update(payload, 'betweenness', undefined)).toBe(true);
    expect(styles.update(payload, 'betweenness', undefined)).toBe(false);
    expect(styles.update(payload, undefined, undefined)).toBe(true);
    expect(styles.styleOf('hub')).toEqual({ size: undefined, color: undefined });
  });
});

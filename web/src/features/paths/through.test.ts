import { describe, expect, it } from 'vitest';
import { pathsHighlight, sharePercent } from './through.ts';

const paths = [
  { nodes: ['a', 'x', 'b'], edges: ['ax', 'xb'] },
  { nodes: ['a', 'y', 'b'], edges: ['ay', 'yb'] },
  { nodes: ['a', 'x', 'z', 'b'], edges: ['ax', 'xz', 'zb'] },
];

describe('the paths highlight', () => {
  it('shows every listed path without an actor', () => {
    const all = pathsHighlight(paths);
    expect(new Set(all.nodes)).toEqual(new Set(['a', 'x', 'b', 'y', 'z']));
    expect(all.edges).toContain('yb');
    expect(new Set(all.focus)).toEqual(new Set(all.nodes));
  });

  it('with an actor, shows the paths through it, the actor and the two ends in focus', () => {
    const x = pathsHighlight(paths, 'x');
    expect(new Set(x.nodes)).toEqual(new Set(['x', 'a', 'b', 'z']));
    expect(new Set(x.edges)).toEqual(new Set(['ax', 'xb', 'xz', 'zb']));
    expect(new Set(x.focus)).toEqual(new Set(['x', 'a', 'b']));
  });

  it('with an actor on none of the listed paths, shows it and the ends only', () => {
    const w = pathsHighlight(paths, 'w');
    expect(new Set(w.nodes)).toEqual(new Set(['w', 'a', 'b']));
    expect(w.edges).toEqual([]);
  });
});

describe('a share of the paths', () => {
  it('is a whole percentage, clamped', () => {
    expect(sharePercent(0.5)).toBe('50%');
    expect(sharePercent(2 / 3)).toBe('67%');
    expect(sharePercent(1.2)).toBe('100%');
    expect(sharePercent(-1)).toBe('0%');
  });
});

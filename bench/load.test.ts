import { describe, expect, it } from 'vitest';
import { memoryGrowth } from './load.ts';

describe('memory growth of the load benchmark', () => {
  it('compares the last quarter of the run with the first, under the same load', () => {
    const flat = memoryGrowth(100, 100, [200, 210, 190, 200, 205, 195, 200, 200]);
    expect(Math.abs(flat.growthPercent)).toBeLessThan(5);
    const leak = memoryGrowth(100, 300, [200, 220, 240, 260, 280, 300, 320, 340]);
    expect(leak.growthPercent).toBeGreaterThan(40);
    expect(leak).toMatchObject({ firstQuarterKb: 210, lastQuarterKb: 330 });
  });
});

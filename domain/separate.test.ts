import { describe, expect, it } from 'vitest';
import { separateStep, type Discs } from './separate.ts';
import { createRandom } from './random.ts';

/** Pairs overlapping on screen when the drawing's larger side spans `pixels`. */
function overlaps(discs: Discs, pixels: number): number {
  const n = discs.x.length;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, discs.x[i]!);
    maxX = Math.max(maxX, discs.x[i]!);
    minY = Math.min(minY, discs.y[i]!);
    maxY = Math.max(maxY, discs.y[i]!);
  }
  const unitsPerPixel = Math.max(maxX - minX, maxY - minY) / pixels;
  let count = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (Math.hypot(discs.x[i]! - discs.x[j]!, discs.y[i]! - discs.y[j]!) / unitsPerPixel < discs.r[i]! + discs.r[j]!)
        count++;
  return count;
}

describe('the no-overlap pass', () => {
  it('leaves no two discs covering each other on screen, even as the drawing widens', () => {
    const random = createRandom(7);
    const n = 300;
    // A dense core and a few outliers, like a ForceAtlas2 drawing of a hub-and-spoke network.
    const discs: Discs = {
      x: Float64Array.from({ length: n }, (_, i) => (i < 10 ? (random() - 0.5) * 100 : (random() - 0.5) * 40)),
      y: Float64Array.from({ length: n }, (_, i) => (i < 10 ? (random() - 0.5) * 100 : (random() - 0.5) * 40)),
      r: Float64Array.from({ length: n }, () => 2 + random() * 4),
    };
    const pixels = 700;
    expect(overlaps(discs, pixels)).toBeGreaterThan(100);
    let steps = 0;
    while (separateStep(discs, 1 / pixels) > 0 && steps < 2_000) steps++;
    expect(steps).toBeLessThan(2_000);
    expect(overlaps(discs, pixels)).toBe(0);
  });

  it('moves nothing when nothing overlaps, and separates two discs on the same spot', () => {
    const apart: Discs = { x: Float64Array.of(0, 100), y: Float64Array.of(0, 0), r: Float64Array.of(5, 5) };
    expect(separateStep(apart, 1 / 100)).toBe(0);
    expect([...apart.x]).toEqual([0, 100]);
    const same: Discs = {
      x: Float64Array.of(0, 0, 100),
      y: Float64Array.of(0, 0, 100),
      r: Float64Array.of(5, 5, 1),
    };
    let steps = 0;
    while (separateStep(same, 1 / 500) > 0 && steps < 100) steps++;
    expect(overlaps(same, 500)).toBe(0);
  });
});

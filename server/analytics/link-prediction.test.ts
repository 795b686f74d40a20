import { describe, expect, it } from 'vitest';
import { createRandom } from '../../domain/random.ts';
import {
  ADAMIC_ADAR,
  Workspace,
  adjacencyFromPairs,
  localPathScores,
  pairHash,
  partnerScores,
  type Adjacency,
} from './link-prediction.ts';

function randomGraph(n: number, m: number, seed: number): Adjacency {
  const random = createRandom(seed);
  const u = Array.from({ length: m }, () => Math.floor(random() * n));
  const v = Array.from({ length: m }, () => Math.floor(random() * n));
  return adjacencyFromPairs(n, u, v);
}

/** Dense adjacency matrix, for checking the sparse scorers against their formulas. */
function matrix(adj: Adjacency): number[][] {
  const a = Array.from({ length: adj.n }, () => new Array<number>(adj.n).fill(0));
  for (let i = 0; i < adj.n; i++)
    for (let j = adj.offsets[i]!; j < adj.offsets[i + 1]!; j++) a[i]![adj.targets[j]!] = 1;
  return a;
}

describe('adjacencyFromPairs', () => {
  it('ignores direction, loops and repeats, and remembers the first pair of each tie', () => {
    const adj = adjacencyFromPairs(4, [0, 1, 2, 2, 3], [1, 0, 2, 3, 2]);
    expect(Array.from(adj.offsets)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(adj.targets)).toEqual([1, 0, 3, 2]);
    expect(Array.from(adj.pair)).toEqual([0, 0, 3, 3]);
  });
});

describe('scorers', () => {
  const adj = randomGraph(40, 90, 3);
  const a = matrix(adj);
  const k = a.map((row) => row.reduce((s, x) => s + x, 0));
  const ws = new Workspace(adj.n);

  it('partner score = RA over common neighbours + ε·Σ 1/(k_a k_b) over paths x–a–b–y', () => {
    const epsilon = 0.3;
    for (let x = 0; x < adj.n; x++) {
      partnerScores(adj, x, ws, { epsilon, maxWork: Infinity });
      for (let y = 0; y < adj.n; y++) {
        if (y === x) continue;
        let expected = 0;
        for (let z = 0; z < adj.n; z++) if (a[x]![z] && a[z]![y]) expected += 1 / k[z]!;
        for (let p = 0; p < adj.n; p++)
          for (let q = 0; q < adj.n; q++)
            if (q !== x && a[x]![p] && a[p]![q] && a[q]![y]) expected += epsilon / (k[p]! * k[q]!);
        expect(ws.score[y]).toBeCloseTo(expected, 12);
      }
    }
  });

  it('local path = A² + εA³ and Adamic–Adar = Σ 1/ln k over common neighbours', () => {
    const x = 5;
    localPathScores(adj, x, ws, 0.01);
    const lp = [...ws.score];
    ADAMIC_ADAR.scoreFrom(adj, x, ws);
    for (let y = 0; y < adj.n; y++) {
      if (y === x) continue;
      let a2 = 0;
      let a3 = 0;
      let aa = 0;
      for (let z = 0; z < adj.n; z++) {
        if (a[x]![z] && a[z]![y]) {
          a2++;
          aa += k[z]! > 1 ? 1 / Math.log(k[z]!) : 0;
        }
        for (let q = 0; q < adj.n; q++) if (a[x]![z] && a[z]![q] && a[q]![y]) a3++;
      }
      expect(lp[y]).toBeCloseTo(a2 + 0.01 * a3, 12);
      expect(ws.score[y]).toBeCloseTo(aa, 12);
    }
  });

  it('within a work budget, keeps the largest three-step shares and says it truncated', () => {
    // A star: x=0 – 1 – hub 2 with leaves 3…52, and 1 – 53 – 54.
    const u = [0, 1, 1, 53, ...Array.from({ length: 50 }, () => 2)];
    const v = [1, 2, 53, 54, ...Array.from({ length: 50 }, (_, i) => 3 + i)];
    const star = adjacencyFromPairs(55, u, v);
    const w = new Workspace(55);
    partnerScores(star, 0, w, { epsilon: 0.1, maxWork: 10 });
    expect(w.truncated).toBe(true);
    // 53 passes 1/2 of its share per neighbour, the hub 1/51: the hub's leaves are left out.
    expect(w.score[54]).toBeGreaterThan(0);
    expect(w.score[3]).toBe(0);
    partnerScores(star, 0, w, { epsilon: 0.1, maxWork: 1000 });
    expect(w.truncated).toBe(false);
    expect(w.score[3]).toBeGreaterThan(0);
  });

  it('resets between sources', () => {
    partnerScores(adj, 1, ws, { epsilon: 0.1, maxWork: Infinity });
    const once = [...ws.score];
    partnerScores(adj, 2, ws, { epsilon: 0.1, maxWork: Infinity });
    partnerScores(adj, 1, ws, { epsilon: 0.1, maxWork: Infinity });
    expect([...ws.score]).toEqual(once);
  });

  it('hashes a pair the same both ways, in [0, 1)', () => {
    expect(pairHash(3, 9, 1)).toBe(pairHash(9, 3, 1));
    expect(pairHash(3, 9, 1)).not.toBe(pairHash(3, 9, 2));
    expect(pairHash(3, 9, 1)).toBeGreaterThanOrEqual(0);
    expect(pairHash(3, 9, 1)).toBeLessThan(1);
  });
});

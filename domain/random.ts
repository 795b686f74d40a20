// A seeded pseudo-random generator shared by the synthetic generator, layouts and tests:
// the same seed gives the same sequence everywhere (no I/O, no globals).

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

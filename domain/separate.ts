// The no-overlap pass: discs that cover each other on screen are pushed apart, half the overlap
// each, until none is left. Sizes are screen pixels while positions are graph units, and sigma
// fits the whole drawing to the screen, so the scale is measured again at every step: pushing
// nodes apart widens the drawing, which shrinks every distance on screen. (graphology's noverlap
// moves one node of a pair by a fixed step and did not converge on dense maps.) Shared by the browser's layout
// (web/src/graph/layout.ts) and the server's (server/layout/compute.ts).

const TOLERANCE_PX = 0.25;

/**
 * The pass ends after this many steps at most, on the server and in the browser alike: a count,
 * not a time, so that a busy machine ends with the same picture as an idle one.
 */
export const SEPARATE_MAX_STEPS = 2_000;

export interface Discs {
  x: Float64Array;
  y: Float64Array;
  /** Radii in screen pixels. */
  r: Float64Array;
}

/** One step; returns how many pairs still overlapped (0: done). */
export function separateStep(discs: Discs, fractionPerPixel: number, marginPx = 2): number {
  const { x, y, r } = discs;
  const n = x.length;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  let maxR = 0;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i] ?? 0);
    maxX = Math.max(maxX, x[i] ?? 0);
    minY = Math.min(minY, y[i] ?? 0);
    maxY = Math.max(maxY, y[i] ?? 0);
    maxR = Math.max(maxR, r[i] ?? 0);
  }
  // The larger side of the box: sigma fits it to the screen.
  const unitsPerPixel = fractionPerPixel * Math.max(maxX - minX, maxY - minY);
  if (!(unitsPerPixel > 0)) return 0;
  // A grid of cells as wide as the largest possible contact: only neighbouring cells can touch.
  const cell = (2 * maxR + marginPx) * unitsPerPixel;
  const columns = Math.max(1, Math.ceil((maxX - minX) / cell) + 1);
  const cells = new Map<number, number[]>();
  const cellOf = (i: number) =>
    Math.floor(((y[i] ?? 0) - minY) / cell) * columns + Math.floor(((x[i] ?? 0) - minX) / cell);
  for (let i = 0; i < n; i++) {
    const key = cellOf(i);
    const list = cells.get(key);
    if (list) list.push(i);
    else cells.set(key, [i]);
  }
  let overlapping = 0;
  for (let i = 0; i < n; i++) {
    const key = cellOf(i);
    for (let row = -1; row <= 1; row++) {
      for (let column = -1; column <= 1; column++) {
        const neighbours = cells.get(key + row * columns + column);
        if (!neighbours) continue;
        for (const j of neighbours) {
          if (j <= i) continue;
          let dx = (x[j] ?? 0) - (x[i] ?? 0);
          let dy = (y[j] ?? 0) - (y[i] ?? 0);
          let distance = Math.hypot(dx, dy);
          const needed = ((r[i] ?? 0) + (r[j] ?? 0) + marginPx) * unitsPerPixel;
          if (distance >= needed) continue;
          // Pushed pairs end exactly at the needed distance; rounding must not keep them "overlapping".
          if (distance < needed - TOLERANCE_PX * unitsPerPixel) overlapping++;
          if (distance === 0) {
            // Same spot: a deterministic direction from the indices.
            dx = Math.cos(i + j);
            dy = Math.sin(i + j);
            distance = 1;
          }
          const push = (needed - distance) / 2 / distance;
          x[i] = (x[i] ?? 0) - dx * push;
          y[i] = (y[i] ?? 0) - dy * push;
          x[j] = (x[j] ?? 0) + dx * push;
          y[j] = (y[j] ?? 0) + dy * push;
        }
      }
    }
  }
  return overlapping;
}

// Sizes and colours by a metric, computed once per choice into maps the display layer looks up
// (never per frame): sizes and sequential colours grow with the square root of the value's place
// between the smallest and the largest, communities get categorical colours by size. Pure: no
// DOM, testable in Node.
import type { MetricsReady } from '../../../../domain/api-types.ts';
import { MAX_NODE_SIZE, MIN_NODE_SIZE } from '../../graph/build.ts';

export interface Extent {
  min: number;
  max: number;
}

/** The smallest and largest finite values, or undefined when there are none. */
export function extentOf(values: readonly number[]): Extent | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : undefined;
}

/** Where a value lies between min and max (0…1), on a square-root scale; ½ when all are equal. */
export function fraction(value: number, extent: Extent): number {
  const span = extent.max - extent.min;
  if (span <= 0) return 0.5;
  return Math.sqrt(Math.min(1, Math.max(0, (value - extent.min) / span)));
}

/** A node's size for a value: the degree sizing's range, so hubs by any measure look like hubs. */
export function sizeFor(value: number, extent: Extent): number {
  return MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * fraction(value, extent);
}

/**
 * Low to high, from a quiet grey-blue through yellow and orange to a deep red: ordered by
 * warmth and seen on the light and the dark theme alike.
 */
export const SEQUENTIAL_STOPS = ['#a9b8c9', '#fdd36a', '#f99a3d', '#e8542b', '#b3123d'] as const;

const STEPS = 100;
let ramp: string[] | undefined;

/** The sequential scale, sampled once into STEPS + 1 colours (looked up, never built per node). */
function sequentialRamp(): string[] {
  ramp ??= Array.from({ length: STEPS + 1 }, (_, i) => interpolate(SEQUENTIAL_STOPS, i / STEPS));
  return ramp;
}

export function sequentialColor(at: number): string {
  const index = Math.round(Math.min(1, Math.max(0, at)) * STEPS);
  return sequentialRamp()[index] as string;
}

function interpolate(stops: readonly string[], at: number): string {
  const scaled = at * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(scaled));
  const a = rgb(stops[i] as string);
  const b = rgb(stops[i + 1] as string);
  const f = scaled - i;
  return hex(a.map((c, k) => Math.round(c + ((b[k] as number) - c) * f)));
}

function rgb(color: string): number[] {
  return [1, 3, 5].map((at) => parseInt(color.slice(at, at + 2), 16));
}

function hex(channels: number[]): string {
  return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Distinct on both themes (Tableau's ten and two more); smaller communities share the grey. */
export const COMMUNITY_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#17becf',
  '#8cd17d',
  '#d37295',
] as const;
export const OTHER_COMMUNITY_COLOR = '#9aa3ad';

export interface Category {
  value: number;
  count: number;
  color: string;
}

/**
 * The values of a categorical metric (communities), most frequent first (ties: lower value
 * first), each with its colour: the palette in order, then the grey.
 */
export function categories(values: readonly number[]): Category[] {
  const counts = new Map<number, number>();
  for (const v of values) if (Number.isFinite(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([value, count], rank) => ({ value, count, color: COMMUNITY_COLORS[rank] ?? OTHER_COMMUNITY_COLOR }));
}

type Columns = Pick<MetricsReady, 'ids' | 'values'>;

/** Node → size by the metric; nodes without a finite value are left out (they keep their look). */
export function sizesBy(payload: Columns, metric: string): Map<string, number> {
  const out = new Map<string, number>();
  const values = payload.values[metric];
  const extent = values && extentOf(values);
  if (!values || !extent) return out;
  payload.ids.forEach((id, i) => {
    const v = values[i];
    if (v !== undefined && Number.isFinite(v)) out.set(id, sizeFor(v, extent));
  });
  return out;
}

/** Node → colour by the metric: categorical for communities, else the sequential scale. */
export function colorsBy(payload: Columns, metric: string, categorical: boolean): Map<string, string> {
  const out = new Map<string, string>();
  const values = payload.values[metric];
  if (!values) return out;
  const extent = extentOf(values);
  const palette = categorical ? new Map(categories(values).map((c) => [c.value, c.color])) : undefined;
  payload.ids.forEach((id, i) => {
    const v = values[i];
    if (v === undefined || !Number.isFinite(v)) return;
    if (palette) out.set(id, palette.get(v) ?? OTHER_COMMUNITY_COLOR);
    else if (extent) out.set(id, sequentialColor(fraction(v, extent)));
  });
  return out;
}

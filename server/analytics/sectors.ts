// Sectors (triple helix plus intermediaries, people and mixed bodies): the ontology maps each node
// type to a sector and a dataset may override it. Ties between actors form a sector × sector
// matrix, whose cross-sector share and assortativity say how much the sectors mix.
import type { SectorReport } from '../../domain/api-types.ts';
import { NODE_TYPES, SECTORS, isNodeType } from '../../domain/ontology.ts';
import type { AnalyticsGraph } from './graph.ts';
import type { Projection } from './metrics.ts';

/** The sector of context types (honours, fields, indicators): not actors, left out of the mixing. */
export const CONTEXT_SECTOR = 'context';

/**
 * The sector of a node type: the dataset's override, else the ontology's. A type the ontology does
 * not know (only possible through overrides-free imports of old data) counts as 'mixed': an actor
 * of no single helix, which is what an unknown kind of body is.
 */
export function sectorOf(type: string, overrides?: Record<string, string>): string {
  const override = overrides?.[type];
  if (override !== undefined && override !== '') return override;
  return isNodeType(type) ? NODE_TYPES[type].sector : 'mixed';
}

/** Sector of each node of the projection, as an index into `sectors`, or -1 for context nodes. */
export interface SectorAssignment {
  /** Actor sectors: the ontology's in its order, then any a dataset adds, sorted. */
  sectors: string[];
  group: Int32Array;
  mapping: Record<string, string>;
  overridden: string[];
}

export function assignSectors(
  graph: AnalyticsGraph,
  p: Projection,
  overrides: Record<string, string> = {},
): SectorAssignment {
  const types = new Set<string>(Object.keys(NODE_TYPES));
  graph.forEachNode((_id, attributes) => types.add(attributes.type));
  const mapping: Record<string, string> = {};
  for (const type of [...types].sort()) mapping[type] = sectorOf(type, overrides);
  const overridden = Object.keys(overrides)
    .filter((type) => types.has(type) && mapping[type] !== (isNodeType(type) ? NODE_TYPES[type].sector : undefined))
    .sort();
  const known = SECTORS.filter((s) => s !== CONTEXT_SECTOR) as string[];
  const extra = [...new Set(Object.values(mapping))].filter((s) => s !== CONTEXT_SECTOR && !known.includes(s)).sort();
  const sectors = [...known, ...extra];
  const position = new Map(sectors.map((s, i) => [s, i]));
  const group = new Int32Array(p.n);
  for (let v = 0; v < p.n; v++) {
    const sector = mapping[graph.getNodeAttribute(p.ids[v]!, 'type')] as string;
    group[v] = position.get(sector) ?? -1;
  }
  return { sectors, group, mapping, overridden };
}

/**
 * The sector matrix counts each tie of the projection once: parallel relations between the same two
 * actors, in either direction, are one tie (the question is whether two actors are linked, not how
 * often the sources say so). Ties touching a context node are left out.
 */
export function sectorReport(p: Projection, a: SectorAssignment): SectorReport {
  const s = a.sectors.length;
  const matrix = Array.from({ length: s }, () => new Array<number>(s).fill(0));
  let ties = 0;
  let cross = 0;
  for (let v = 0; v < p.n; v++) {
    const gv = a.group[v]!;
    if (gv < 0) continue;
    for (let k = p.offsets[v]!; k < p.offsets[v + 1]!; k++) {
      const w = p.neighbors[k]!;
      const gw = a.group[w]!;
      if (w < v || gw < 0) continue;
      ties += 1;
      matrix[gv]![gw]! += 1;
      if (gv !== gw) {
        matrix[gw]![gv]! += 1;
        cross += 1;
      }
    }
  }
  return {
    mapping: a.mapping,
    overridden: a.overridden,
    sectors: a.sectors,
    matrix,
    ties,
    crossSectorShare: ties > 0 ? cross / ties : 0,
    assortativity: assortativity(matrix, ties),
  };
}

/**
 * Newman's (2003) attribute assortativity r = (Σ e_ii − Σ a_i²) / (1 − Σ a_i²), with e the matrix of
 * tie ends: a tie within sector i gives e_ii 1/M, a tie between i and j gives e_ij and e_ji 1/(2M).
 * Degenerate cases: no ties → 0; every tie end in one sector (Σ a_i² = 1) → 1, ties only within.
 */
export function assortativity(matrix: number[][], ties: number): number {
  if (ties === 0) return 0;
  let trace = 0;
  let squares = 0;
  matrix.forEach((row, i) => {
    trace += row[i]! / ties;
    // a_i = Σ_j e_ij: the row's off-diagonal counts are split between its two ends.
    const ai = row.reduce((sum, value, j) => sum + (i === j ? value : value / 2), 0) / ties;
    squares += ai * ai;
  });
  if (squares >= 1 - 1e-12) return 1;
  return (trace - squares) / (1 - squares);
}

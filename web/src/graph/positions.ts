// Layout positions kept per dataset in the browser, so that a reload does not reshuffle the map.
// Stored only for a graph with exactly the same nodes; anything else is ignored.
import type { ExplorerGraph } from './build.ts';

const PREFIX = 'explorer.positions.';
/** Above this many nodes positions are not stored (localStorage holds a few megabytes). */
export const MAX_STORED_NODES = 20_000;

interface Stored {
  signature: string;
  xy: number[];
}

/** A signature of the node set: a change of nodes invalidates the stored layout. */
export function nodeSignature(graph: ExplorerGraph): string {
  let hash = 0x811c9dc5;
  const ids = graph.nodes().sort();
  for (const id of ids) {
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x2c, 0x01000193);
  }
  return `${ids.length}:${(hash >>> 0).toString(36)}`;
}

export function savePositions(storage: Storage, dataset: string, graph: ExplorerGraph): void {
  if (graph.order > MAX_STORED_NODES) return;
  const ids = graph.nodes().sort();
  const xy: number[] = [];
  for (const id of ids)
    xy.push(
      Math.round(graph.getNodeAttribute(id, 'x') * 100) / 100,
      Math.round(graph.getNodeAttribute(id, 'y') * 100) / 100,
    );
  try {
    storage.setItem(PREFIX + dataset, JSON.stringify({ signature: nodeSignature(graph), xy } satisfies Stored));
  } catch {
    // Storage full or disabled: the layout simply runs again next time.
  }
}

/** Applies stored positions; true when every node got its place. */
export function restorePositions(storage: Storage, dataset: string, graph: ExplorerGraph): boolean {
  let stored: Stored;
  try {
    stored = JSON.parse(storage.getItem(PREFIX + dataset) ?? 'null') as Stored;
  } catch {
    return false;
  }
  if (!stored || stored.signature !== nodeSignature(graph) || !Array.isArray(stored.xy)) return false;
  const ids = graph.nodes().sort();
  if (stored.xy.length !== ids.length * 2 || stored.xy.some((v) => typeof v !== 'number' || !Number.isFinite(v)))
    return false;
  ids.forEach((id, i) => {
    graph.setNodeAttribute(id, 'x', stored.xy[2 * i] as number);
    graph.setNodeAttribute(id, 'y', stored.xy[2 * i + 1] as number);
  });
  return true;
}

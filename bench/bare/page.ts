// The baseline of the browser benchmark: the least a page can do to draw a dataset with sigma —
// one request for the overview (the API's plain JSON), a graphology graph with the stored
// positions, sizes by degree and colours by type, and sigma. Bundled by bench/picture.ts with
// esbuild and served beside the app (same origin, same server), never part of the app's build.
import Graph from 'graphology';
import Sigma from 'sigma';
import { NODE_TYPES, isNodeType } from '../../domain/ontology.ts';
import { sizeForDegree } from '../../domain/layout-settings.ts';
import type { GraphPayload } from '../../domain/api-types.ts';

declare global {
  interface Window {
    __bare?: { firstFrame?: number; nodes?: number; error?: string; renderer?: Sigma };
  }
}

async function draw(): Promise<void> {
  const dataset = new URLSearchParams(location.search).get('dataset') ?? 'laoshan';
  const payload = (await (await fetch(`/api/graph?dataset=${encodeURIComponent(dataset)}`)).json()) as GraphPayload;
  const graph = new Graph({ multi: true });
  const maxDegree = Math.max(1, ...payload.nodes.map((n) => n.degree ?? 0));
  payload.nodes.forEach((n, i) => {
    const stored = n as { x?: number; y?: number };
    graph.addNode(n.id, {
      x: stored.x ?? Math.cos(i),
      y: stored.y ?? Math.sin(i),
      size: sizeForDegree(n.degree ?? 0, maxDegree),
      color: isNodeType(n.type) ? NODE_TYPES[n.type].color : '#999999',
      label: n.name_zh,
    });
  });
  for (const e of payload.edges)
    if (graph.hasNode(e.source) && graph.hasNode(e.target)) graph.addEdgeWithKey(e.id, e.source, e.target);
  const container = document.getElementById('graph')!;
  const renderer = new Sigma(graph, container);
  window.__bare = { nodes: graph.order, renderer };
  // The frame after sigma's start draws the graph (sigma renders in the constructor or in the
  // animation frame it schedules there, which runs before this one) — as the app's recorder
  // takes the first frame after its graph is complete.
  requestAnimationFrame((time) => {
    window.__bare!.firstFrame = time;
  });
}

draw().catch((error: unknown) => {
  window.__bare = { error: String(error) };
});

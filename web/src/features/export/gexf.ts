// The visible subgraph as GEXF for Gephi (a module of its own: the writer needs the browser's XML).
import Graph from 'graphology';
import { write as writeGexf } from 'graphology-gexf/browser';
import type { SubgraphRows } from './files.ts';

export function toGexf(rows: SubgraphRows): string {
  const graph = new Graph({ multi: true, type: 'directed' });
  for (const n of rows.nodes)
    graph.addNode(n.id, { label: n.name_zh, name_en: n.name_en, type: n.type, x: n.x, y: n.y });
  for (const e of rows.edges) graph.addDirectedEdgeWithKey(e.id, e.source, e.target, { type: e.type });
  return writeGexf(graph, { pretty: true });
}

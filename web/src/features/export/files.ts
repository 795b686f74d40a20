// The visible subgraph as files: JSON (the API's shape), GEXF (Gephi), CSV (nodes and edges).
import type { ExplorerGraph } from '../../graph/build.ts';

export interface SubgraphFilter {
  isVisibleNode(node: string): boolean;
  isVisibleEdge(edge: string): boolean;
}

export interface SubgraphRows {
  nodes: { id: string; type: string; name_zh: string; name_en: string; x: number; y: number }[];
  edges: { id: string; source: string; target: string; type: string }[];
}

export function visibleSubgraph(graph: ExplorerGraph, filter: SubgraphFilter): SubgraphRows {
  const nodes: SubgraphRows['nodes'] = [];
  graph.forEachNode((id, a) => {
    if (filter.isVisibleNode(id))
      nodes.push({ id, type: a.nodeType, name_zh: a.name_zh, name_en: a.name_en, x: a.x, y: a.y });
  });
  const edges: SubgraphRows['edges'] = [];
  graph.forEachEdge((id, a, source, target) => {
    if (filter.isVisibleEdge(id) && filter.isVisibleNode(source) && filter.isVisibleNode(target))
      edges.push({ id, source, target, type: a.relType });
  });
  return { nodes, edges };
}

export function toJson(rows: SubgraphRows, meta: { dataset: string; exportedAt: string }): string {
  return `${JSON.stringify({ dataset: meta.dataset, exported_at: meta.exportedAt, nodes: rows.nodes.map(({ x: _x, y: _y, ...n }) => n), edges: rows.edges }, null, 2)}\n`;
}

/** One CSV cell: quoted, quotes doubled, and formula-looking text made inert for spreadsheets. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(rows: SubgraphRows): { nodes: string; edges: string } {
  const line = (cells: (string | number)[]) => cells.map(csvCell).join(',');
  return {
    nodes:
      [
        line(['id', 'type', 'name_zh', 'name_en']),
        ...rows.nodes.map((n) => line([n.id, n.type, n.name_zh, n.name_en])),
      ].join('\r\n') + '\r\n',
    edges:
      [
        line(['id', 'source', 'target', 'type']),
        ...rows.edges.map((e) => line([e.id, e.source, e.target, e.type])),
      ].join('\r\n') + '\r\n',
  };
}

/** Offers a file to the user (a temporary blob: link). */
export function download(content: Blob | string, fileName: string, mime: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type: mime }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

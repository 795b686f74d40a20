// The overview in columns (GET /api/graph?format=columnar): every node field is one array and
// every relation refers to its ends by their index in the node columns, so that no key is
// repeated per node or per relation. Fields are carried generically: a field the JSON format
// gains (positions, …) travels without a change here. Pure functions, shared by server and web.
import type { ColumnarGraphPayload, ColumnValue, GraphEdge, GraphNode, GraphPayload } from './api-types.ts';

type Item = Record<string, unknown>;

/** Columns of the fields of `items` other than `skip`, null where an item lacks the field. */
function toColumns(items: readonly Item[], skip: ReadonlySet<string>): Record<string, ColumnValue[]> {
  const columns: Record<string, ColumnValue[]> = {};
  items.forEach((item, i) => {
    for (const [field, value] of Object.entries(item)) {
      if (skip.has(field) || value === undefined || value === null) continue;
      columns[field] ??= new Array<ColumnValue>(items.length).fill(null);
      columns[field][i] = value as ColumnValue;
    }
  });
  return columns;
}

/** Item `i` of `columns`: its non-null fields (the JSON format leaves absent fields out). */
function fromColumns(columns: Record<string, readonly ColumnValue[]>, i: number, into: Item): Item {
  for (const field in columns) {
    const value = columns[field]![i];
    if (value !== null && value !== undefined) into[field] = value;
  }
  return into;
}

const NO_FIELDS = new Set<string>();
const EDGE_REFERENCES = new Set(['source', 'target', 'type']);

/**
 * The id loaders give a relation that brings none (seed/schema.ts relationId, the importer):
 * such ids are left out of the id column (null) and made again by the decoder.
 */
export function derivedRelationId(e: Pick<GraphEdge, 'source' | 'type' | 'target'>): string {
  return `${e.source}~${e.type}~${e.target}`;
}

function withoutDerivedId(e: GraphEdge): Item {
  if (e.id !== derivedRelationId(e)) return e as unknown as Item;
  const { id: _id, ...rest } = e;
  return rest;
}

export function encodeColumnar(payload: GraphPayload): ColumnarGraphPayload {
  const { nodes, edges, ...rest } = payload;
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const types: string[] = [];
  const typeIndex = new Map<string, number>();
  const at = (id: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`relation end ${id} is not among the nodes`);
    return i;
  };
  const type = edges.map((e) => {
    let i = typeIndex.get(e.type);
    if (i === undefined) typeIndex.set(e.type, (i = types.push(e.type) - 1));
    return i;
  });
  return {
    ...rest,
    format: 'columnar',
    nodes: { count: nodes.length, columns: toColumns(nodes as unknown as Item[], NO_FIELDS) },
    edges: {
      count: edges.length,
      source: edges.map((e) => at(e.source)),
      target: edges.map((e) => at(e.target)),
      type,
      types,
      columns: toColumns(edges.map(withoutDerivedId), EDGE_REFERENCES),
    },
  };
}

/** The JSON format's payload again, field for field. */
export function decodeColumnar(payload: ColumnarGraphPayload): GraphPayload {
  const { nodes, edges, format: _format, ...rest } = payload;
  const decodedNodes = Array.from({ length: nodes.count }, (_, i) => fromColumns(nodes.columns, i, {}));
  const ids = nodes.columns.id ?? [];
  const decodedEdges = Array.from({ length: edges.count }, (_, i) => {
    const edge = { source: ids[edges.source[i]!], target: ids[edges.target[i]!], type: edges.types[edges.type[i]!] };
    const id = edges.columns.id?.[i];
    return fromColumns(edges.columns, i, { id: id ?? derivedRelationId(edge as GraphEdge), ...edge });
  });
  return {
    ...rest,
    nodes: decodedNodes as unknown as GraphNode[],
    edges: decodedEdges as unknown as GraphEdge[],
  };
}

export function isColumnar(payload: GraphPayload | ColumnarGraphPayload): payload is ColumnarGraphPayload {
  return (payload as { format?: unknown }).format === 'columnar';
}

// What every format reader produces: records still in the data's own terms (raw ids, raw type
// values, the column or attribute each value came from), and the names of columns, attributes
// and keys that mean the fields of the model (docs/import.md lists them).
import type { Origin } from '../model.ts';
import type { Declared, Problems } from '../validate.ts';

export type NodeFieldName = 'id' | 'type' | 'name' | 'name_zh' | 'name_en' | 'aliases' | 'evidence' | 'source_url';
export type EdgeFieldName = 'id' | 'type' | 'source' | 'target' | 'evidence' | 'source_url';

/**
 * Where a record's values are: which value is which field, and the column, attribute or key
 * each came from. The rows of a table share one layout, so that a row costs its cells only.
 */
export interface Layout<F extends string> {
  /** Index in `values` of each field the data has. */
  field: Partial<Record<F, number>>;
  /** The column, attribute or key of each value (for messages; the key of a property). */
  names: string[];
  /** Declared types (GEXF, GraphML) by index; absent for untyped text, which is inferred. */
  declared?: (Declared | undefined)[];
  /** The declared types as the file names them ("integer", "double"), for messages. */
  declaredNames?: (string | undefined)[];
  /** Indices of the values that are properties. */
  props: number[];
}

export interface RawRecord<F extends string> {
  origin: Origin;
  values: readonly unknown[];
  layout: Layout<F>;
  /** Graph formats, where a label is optional: a node without any name field is named by its id. */
  nameFromId?: boolean;
}

export type RawNode = RawRecord<NodeFieldName>;
export type RawEdge = RawRecord<EdgeFieldName>;

/**
 * Builds one record value by value (XML, JSON): a value goes into its field when the name
 * means one and the field is still free, else among the properties (a second "label" stays a
 * property rather than overwriting the first).
 */
export class RecordBuilder<F extends string> {
  readonly values: unknown[] = [];
  readonly layout: Layout<F> = { field: {}, names: [], props: [] };

  add(field: F | undefined, name: string, value: unknown, declared?: Declared, declaredName?: string): void {
    const i = this.values.length;
    this.values.push(value);
    this.layout.names.push(name);
    if (declared !== undefined) {
      (this.layout.declared ??= [])[i] = declared;
      (this.layout.declaredNames ??= [])[i] = declaredName;
    }
    if (field !== undefined && this.layout.field[field] === undefined) this.layout.field[field] = i;
    else this.layout.props.push(i);
  }

  has(field: F): boolean {
    return this.layout.field[field] !== undefined;
  }

  build(origin: Origin, nameFromId = false): RawRecord<F> {
    return { origin, values: this.values, layout: this.layout, ...(nameFromId ? { nameFromId } : {}) };
  }
}

export interface FileRecords {
  nodes: RawNode[];
  edges: RawEdge[];
  /** Whether the file has a node list (even an empty or broken one); else nodes are inferred from edge ends. */
  providesNodes: boolean;
}

export interface FormatContext {
  file: string;
  problems: Problems;
}

/** The comparison form of a column or attribute name: NFKC, trimmed, lower case, spaces and hyphens as _. */
export function headerKey(name: string): string {
  return name
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

const SHARED: Record<string, 'evidence' | 'source_url'> = {
  evidence: 'evidence',
  quote: 'evidence',
  依据: 'evidence',
  证据: 'evidence',
  原文: 'evidence',
  source_url: 'source_url',
  url: 'source_url',
  link: 'source_url',
  链接: 'source_url',
  网址: 'source_url',
  来源链接: 'source_url',
};

const NODE_NAMES: Record<string, NodeFieldName> = {
  ...SHARED,
  id: 'id',
  编号: 'id',
  标识: 'id',
  node_id: 'id',
  节点编号: 'id',
  type: 'type',
  类型: 'type',
  类别: 'type',
  种类: 'type',
  node_type: 'type',
  节点类型: 'type',
  name: 'name',
  label: 'name',
  名称: 'name',
  名字: 'name',
  name_zh: 'name_zh',
  中文名: 'name_zh',
  中文名称: 'name_zh',
  name_cn: 'name_zh',
  chinese_name: 'name_zh',
  name_en: 'name_en',
  英文名: 'name_en',
  英文名称: 'name_en',
  english_name: 'name_en',
  aliases: 'aliases',
  alias: 'aliases',
  别名: 'aliases',
  简称: 'aliases',
};

const EDGE_NAMES: Record<string, EdgeFieldName> = {
  ...SHARED,
  id: 'id',
  编号: 'id',
  edge_id: 'id',
  关系编号: 'id',
  source: 'source',
  from: 'source',
  src: 'source',
  来源: 'source',
  源: 'source',
  起点: 'source',
  源节点: 'source',
  target: 'target',
  to: 'target',
  dst: 'target',
  目标: 'target',
  终点: 'target',
  目标节点: 'target',
  type: 'type',
  类型: 'type',
  关系: 'type',
  关系类型: 'type',
  relation: 'type',
  relationship: 'type',
  relation_type: 'type',
};

/** In graph formats (GEXF, GraphML, graphology), these attributes name the type too. */
const GRAPH_TYPE_NAMES = new Set(['kind', 'category']);

export function nodeFieldOf(name: string, graph = false): NodeFieldName | undefined {
  const key = headerKey(name);
  return NODE_NAMES[key] ?? (graph && GRAPH_TYPE_NAMES.has(key) ? 'type' : undefined);
}

export function edgeFieldOf(name: string, graph = false): EdgeFieldName | undefined {
  const key = headerKey(name);
  // In graph formats an edge's "label" is text about it, not its type; its ends are structural.
  if (graph && (key === 'source' || key === 'target' || key === 'id')) return undefined;
  return EDGE_NAMES[key] ?? (graph && GRAPH_TYPE_NAMES.has(key) ? 'type' : undefined);
}

/** Attributes of graph formats that describe the drawing, not the data; left out. */
export const DRAWING_ATTRIBUTES = new Set(['x', 'y', 'z', 'size', 'color', 'hidden', 'forcelabel', 'zindex']);

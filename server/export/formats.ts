// A dataset written in the formats the importer reads — the explorer's JSON, a CSV pair, GEXF,
// GraphML — with its provenance: every node and relation carries its evidence (the quotes, and
// in JSON the source of each), the JSON holds the sources themselves. Importing an export gives
// the same nodes, relations and properties (server/integration/export.test.ts).
import type { ExportDataset, ExportNode, ExportRelation, Value } from './dataset.ts';

export type ExportFormat = 'json' | 'csv' | 'gexf' | 'graphml';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv', 'gexf', 'graphml'];

/** Quotes of several sources in one cell; the importer keeps the cell as one quote. */
const QUOTE_SEPARATOR = ' | ';

function quotes(item: { evidence: { quote: string }[] }): string {
  return item.evidence.map((e) => e.quote).join(QUOTE_SEPARATOR);
}

function split(props: Record<string, Value>): { url: string | undefined; rest: Record<string, Value> } {
  const { source_url: url, ...rest } = props;
  return { url: typeof url === 'string' ? url : undefined, rest };
}

export function toJson(data: ExportDataset, exportedAt: string): string {
  const node = (n: ExportNode) => {
    const { url, rest } = split(n.properties);
    return {
      id: n.id,
      type: n.type,
      name_zh: n.name_zh,
      name_en: n.name_en,
      aliases: n.aliases,
      ...rest,
      ...(url ? { source_url: url } : {}),
      evidence: quotes(n),
    };
  };
  const edge = (r: ExportRelation) => {
    const { url, rest } = split(r.properties);
    return {
      id: r.id,
      source: r.source,
      target: r.target,
      type: r.type,
      ...rest,
      ...(url ? { source_url: url } : {}),
      evidence: quotes(r),
    };
  };
  const doc = {
    dataset: data.name,
    title_zh: data.title_zh,
    title_en: data.title_en,
    exported_at: exportedAt,
    nodes: data.nodes.map(node),
    edges: data.relations.map(edge),
    // Which source each quote is from, and the sources themselves (the importer reads nodes and
    // edges; these are for people and tools that follow a fact to its document).
    provenance: {
      nodes: Object.fromEntries(data.nodes.map((n) => [n.id, n.evidence])),
      edges: Object.fromEntries(data.relations.map((r) => [r.id, r.evidence])),
    },
    sources: data.sources,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * One CSV cell: quoted, quotes doubled, and text that a spreadsheet would run as a formula
 * (=, +, -, @ at the start) made inert with a leading apostrophe. Numbers stay numbers.
 */
export function csvCell(value: Value | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = Array.isArray(value) ? value.join(';') : value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The property columns of a table: every key some item has, in a stable order. */
function columns(items: { properties: Record<string, Value> }[]): string[] {
  const keys = new Set<string>();
  for (const item of items) for (const key of Object.keys(item.properties)) if (key !== 'source_url') keys.add(key);
  return [...keys].sort();
}

export function toCsv(data: ExportDataset): { nodes: string; edges: string } {
  const line = (cells: (Value | undefined)[]) => cells.map(csvCell).join(',');
  const nodeKeys = columns(data.nodes);
  const edgeKeys = columns(data.relations);
  const nodes = [
    line(['id', 'type', 'name_zh', 'name_en', 'aliases', 'evidence', 'source_url', ...nodeKeys]),
    ...data.nodes.map((n) =>
      line([
        n.id,
        n.type,
        n.name_zh,
        n.name_en,
        n.aliases.join(';'),
        quotes(n),
        n.properties.source_url,
        ...nodeKeys.map((k) => n.properties[k]),
      ]),
    ),
  ];
  const edges = [
    line(['id', 'source', 'target', 'type', 'evidence', 'source_url', ...edgeKeys]),
    ...data.relations.map((r) =>
      line([
        r.id,
        r.source,
        r.target,
        r.type,
        quotes(r),
        r.properties.source_url,
        ...edgeKeys.map((k) => r.properties[k]),
      ]),
    ),
  ];
  return { nodes: `${nodes.join('\r\n')}\r\n`, edges: `${edges.join('\r\n')}\r\n` };
}

// eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function xml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // Characters XML 1.0 cannot carry at all.
      .replace(XML_FORBIDDEN, '')
  );
}

type XmlType = 'string' | 'double' | 'boolean' | 'liststring';

/** Declared attributes: a name and one type for all its values (numbers that all are). */
function attributes(items: { properties: Record<string, Value> }[]): Map<string, XmlType> {
  const types = new Map<string, XmlType>();
  for (const item of items)
    for (const [key, value] of Object.entries(item.properties)) {
      const type: XmlType =
        typeof value === 'number'
          ? 'double'
          : typeof value === 'boolean'
            ? 'boolean'
            : Array.isArray(value)
              ? 'liststring'
              : 'string';
      const known = types.get(key);
      types.set(key, known === undefined || known === type ? type : 'string');
    }
  return types;
}

function attributeText(value: Value): string {
  return Array.isArray(value) ? value.join('|') : String(value);
}

/** Fixed attributes every export has, beside the dataset's own. */
const NODE_FIXED: [string, XmlType][] = [
  ['type', 'string'],
  ['name_zh', 'string'],
  ['name_en', 'string'],
  ['aliases', 'string'],
  ['evidence', 'string'],
];
const EDGE_FIXED: [string, XmlType][] = [
  ['type', 'string'],
  ['evidence', 'string'],
];

export function toGexf(data: ExportDataset, exportedAt: string): string {
  const nodeAttrs = [...NODE_FIXED, ...attributes(data.nodes)].map(([name, type]) => ({
    name,
    type: type === 'liststring' ? 'string' : type,
  }));
  const edgeAttrs = [...EDGE_FIXED, ...attributes(data.relations)].map(([name, type]) => ({
    name,
    type: type === 'liststring' ? 'string' : type,
  }));
  const declare = (cls: string, attrs: { name: string; type: string }[]) => [
    `    <attributes class="${cls}">`,
    ...attrs.map((a, i) => `      <attribute id="${i}" title="${xml(a.name)}" type="${a.type}"/>`),
    '    </attributes>',
  ];
  const values = (attrs: { name: string }[], get: (name: string) => Value | undefined) =>
    attrs.flatMap((a, i) => {
      const v = get(a.name);
      return v === undefined || v === '' ? [] : [`<attvalue for="${i}" value="${xml(attributeText(v))}"/>`];
    });
  const nodeLines = data.nodes.map((n) => {
    const get = (name: string): Value | undefined =>
      name === 'type'
        ? n.type
        : name === 'name_zh'
          ? n.name_zh
          : name === 'name_en'
            ? n.name_en
            : name === 'aliases'
              ? n.aliases.join(';')
              : name === 'evidence'
                ? quotes(n)
                : n.properties[name];
    return `      <node id="${xml(n.id)}" label="${xml(n.name_zh || n.name_en)}"><attvalues>${values(nodeAttrs, get).join('')}</attvalues></node>`;
  });
  const edgeLines = data.relations.map((r) => {
    const get = (name: string): Value | undefined =>
      name === 'type' ? r.type : name === 'evidence' ? quotes(r) : r.properties[name];
    return `      <edge id="${xml(r.id)}" source="${xml(r.source)}" target="${xml(r.target)}"><attvalues>${values(edgeAttrs, get).join('')}</attvalues></edge>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `  <meta lastmodifieddate="${exportedAt.slice(0, 10)}"><creator>Laoshan Innovation Explorer</creator><description>${xml(data.name)}</description></meta>`,
    '  <graph defaultedgetype="directed" mode="static">',
    ...declare('node', nodeAttrs),
    ...declare('edge', edgeAttrs),
    '    <nodes>',
    ...nodeLines,
    '    </nodes>',
    '    <edges>',
    ...edgeLines,
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
}

export function toGraphml(data: ExportDataset): string {
  const graphmlType = (t: XmlType) => (t === 'liststring' ? 'string' : t);
  const nodeAttrs: [string, XmlType][] = [['label', 'string'], ...NODE_FIXED, ...attributes(data.nodes)];
  const edgeAttrs: [string, XmlType][] = [...EDGE_FIXED, ...attributes(data.relations)];
  const keyLines = [
    ...nodeAttrs.map(
      ([name, type], i) => `  <key id="n${i}" for="node" attr.name="${xml(name)}" attr.type="${graphmlType(type)}"/>`,
    ),
    ...edgeAttrs.map(
      ([name, type], i) => `  <key id="e${i}" for="edge" attr.name="${xml(name)}" attr.type="${graphmlType(type)}"/>`,
    ),
  ];
  const data_ = (prefix: string, attrs: [string, XmlType][], get: (name: string) => Value | undefined) =>
    attrs.flatMap(([name], i) => {
      const v = get(name);
      return v === undefined || v === '' ? [] : [`<data key="${prefix}${i}">${xml(attributeText(v))}</data>`];
    });
  const nodes = data.nodes.map((n) => {
    const get = (name: string): Value | undefined =>
      name === 'label'
        ? n.name_zh || n.name_en
        : name === 'type'
          ? n.type
          : name === 'name_zh'
            ? n.name_zh
            : name === 'name_en'
              ? n.name_en
              : name === 'aliases'
                ? n.aliases.join(';')
                : name === 'evidence'
                  ? quotes(n)
                  : n.properties[name];
    return `    <node id="${xml(n.id)}">${data_('n', nodeAttrs, get).join('')}</node>`;
  });
  const edges = data.relations.map((r) => {
    const get = (name: string): Value | undefined =>
      name === 'type' ? r.type : name === 'evidence' ? quotes(r) : r.properties[name];
    return `    <edge id="${xml(r.id)}" source="${xml(r.source)}" target="${xml(r.target)}">${data_('e', edgeAttrs, get).join('')}</edge>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keyLines,
    `  <graph id="${xml(data.name)}" edgedefault="directed">`,
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

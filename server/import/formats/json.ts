// JSON: the explorer's own export ({dataset, exported_at, nodes: [{id, type, name_zh, name_en,
// …}], edges: [{id, source, target, type, …}]}) and graphology's serialisation ({attributes?,
// options?, nodes: [{key, attributes?}], edges: [{key?, source, target, attributes?}]}).
// Element paths (nodes[3]) locate records; a syntax error gives its line and column.
import type { ImportFormat } from '../model.ts';
import { LIMITS, formatNumber } from '../validate.ts';
import {
  DRAWING_ATTRIBUTES,
  RecordBuilder,
  edgeFieldOf,
  headerKey,
  nodeFieldOf,
  type EdgeFieldName,
  type FileRecords,
  type FormatContext,
  type NodeFieldName,
} from './records.ts';

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}

/** JSON.parse's error as a problem with a line: V8 gives a position for most errors. */
function syntaxProblem(ctx: FormatContext, text: string, error: Error): void {
  const message = error.message;
  const at = /^(.*) in JSON at position (\d+)/.exec(message);
  const end = text.trimEnd().length;
  if (at && Number(at[2]) < end) {
    const { line, column } = lineAndColumn(text, Number(at[2]));
    ctx.problems.add({ file: ctx.file, line, message: `is not valid JSON: ${at[1]} (line ${line}, column ${column})` });
    return;
  }
  if (at || message.startsWith('Unexpected end of JSON input')) {
    const { line } = lineAndColumn(text, end);
    ctx.problems.add({ file: ctx.file, line, message: 'is not valid JSON: it ends too early (a truncated file?)' });
    return;
  }
  const token = /^(Unexpected token .*?), ".*" is not valid JSON$/s.exec(message);
  ctx.problems.add({ file: ctx.file, message: `is not valid JSON: ${token ? token[1] : message}` });
}

const IGNORED_PROJECT_KEYS = new Set(['x', 'y', 'degree']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(ctx: FormatContext, doc: Record<string, unknown>, key: 'nodes' | 'edges'): unknown[] {
  const value = doc[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    ctx.problems.add({ file: ctx.file, path: key, message: `is not a list (found ${describe(value)})` });
    return [];
  }
  if (value.length > LIMITS.rows) {
    ctx.problems.add({
      file: ctx.file,
      path: key,
      message: `has ${formatNumber(value.length)} items, more than the limit of ${formatNumber(LIMITS.rows)}; those after it are not read`,
    });
    return value.slice(0, LIMITS.rows);
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** Which JSON a document is: graphology's (nodes have `key`, or it has `options`/`attributes`) or the explorer's. */
function flavour(doc: Record<string, unknown>): 'json' | 'graphology-json' {
  const first = Array.isArray(doc.nodes) ? (doc.nodes as unknown[])[0] : undefined;
  if (isObject(first)) return 'key' in first && !('id' in first) ? 'graphology-json' : 'json';
  return isObject(doc.options) || isObject(doc.attributes) ? 'graphology-json' : 'json';
}

/** Reads a JSON file; returns which JSON it was (for ImportFile.format). */
export function readJson(ctx: FormatContext, text: string, out: FileRecords): ImportFormat {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    syntaxProblem(ctx, text, error as Error);
    return 'json';
  }
  if (!isObject(doc) || !Array.isArray(doc.nodes)) {
    ctx.problems.add({
      file: ctx.file,
      path: isObject(doc) && 'nodes' in doc ? 'nodes' : '$',
      message: `is JSON of another shape (found ${isObject(doc) && 'nodes' in doc ? `"nodes" as ${describe(doc.nodes)}` : describe(doc)}): expected an object with a "nodes" list, as the explorer's export or graphology's serialisation has`,
    });
    return 'json';
  }
  const kind = flavour(doc);
  out.providesNodes = true;
  const graphology = kind === 'graphology-json';
  list(ctx, doc, 'nodes').forEach((item, i) => {
    const path = `nodes[${i}]`;
    if (!isObject(item)) {
      ctx.problems.add({ file: ctx.file, path, message: `is not an object (found ${describe(item)})` });
      return;
    }
    const record = new RecordBuilder<NodeFieldName>();
    if (graphology) {
      record.add('id', 'key', item.key);
      if (item.attributes !== undefined && !isObject(item.attributes))
        ctx.problems.add({
          file: ctx.file,
          path,
          field: 'attributes',
          message: `is not an object (found ${describe(item.attributes)})`,
        });
      for (const [key, value] of Object.entries(isObject(item.attributes) ? item.attributes : {}))
        if (!DRAWING_ATTRIBUTES.has(headerKey(key))) record.add(nodeFieldOf(key, true), key, value);
    } else {
      for (const [key, value] of Object.entries(item))
        if (!IGNORED_PROJECT_KEYS.has(key)) record.add(nodeFieldOf(key), key, value);
    }
    out.nodes.push(record.build({ file: ctx.file, path }, graphology));
  });
  list(ctx, doc, 'edges').forEach((item, i) => {
    const path = `edges[${i}]`;
    if (!isObject(item)) {
      ctx.problems.add({ file: ctx.file, path, message: `is not an object (found ${describe(item)})` });
      return;
    }
    const record = new RecordBuilder<EdgeFieldName>();
    if (graphology) {
      if (item.key !== undefined) record.add('id', 'key', item.key);
      record.add('source', 'source', item.source);
      record.add('target', 'target', item.target);
      if (item.attributes !== undefined && !isObject(item.attributes))
        ctx.problems.add({
          file: ctx.file,
          path,
          field: 'attributes',
          message: `is not an object (found ${describe(item.attributes)})`,
        });
      for (const [key, value] of Object.entries(isObject(item.attributes) ? item.attributes : {}))
        if (!DRAWING_ATTRIBUTES.has(headerKey(key))) record.add(edgeFieldOf(key, true), key, value);
    } else {
      for (const [key, value] of Object.entries(item)) record.add(edgeFieldOf(key), key, value);
    }
    out.edges.push(record.build({ file: ctx.file, path }));
  });
  return kind;
}

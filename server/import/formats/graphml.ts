// GraphML: <key id for attr.name attr.type> with <default>, nodes and edges with <data key>.
// Walked element by element (graphology-graphml's Node parser casts "abc" to NaN silently and
// stops at the first duplicate); yEd's graphics data is skipped, except a node label
// (y:NodeLabel), which names a node that has no label key.
import type { Origin } from '../model.ts';
import { LIMITS, declaredType, formatNumber, type Declared } from '../validate.ts';
import {
  RecordBuilder,
  edgeFieldOf,
  nodeFieldOf,
  type EdgeFieldName,
  type FileRecords,
  type FormatContext,
  type NodeFieldName,
} from './records.ts';
import { walkXml } from './xml.ts';

interface KeyDef {
  id: string;
  name: string;
  for: string;
  type: string;
  declared: Declared;
  /** A key without attr.name that yEd uses for graphics (yfiles.type): not data. */
  graphics: boolean;
  default?: string;
}

type Open =
  | { kind: 'node'; record: RecordBuilder<NodeFieldName>; origin: Origin; seen: Set<string>; yedLabel?: string }
  | { kind: 'edge'; record: RecordBuilder<EdgeFieldName>; origin: Origin; seen: Set<string> }
  | { kind: 'skipped' };

interface DataState {
  key: string;
  text: string;
  nested: boolean;
}

export function readGraphml(ctx: FormatContext, text: string, out: FileRecords): void {
  const keys = new Map<string, KeyDef>();
  let keyDef: KeyDef | undefined;
  let defaultText: string | undefined;
  let data: DataState | undefined;
  let nodeLabel: string | undefined;
  const open: Open[] = [];
  const counts = { node: 0, edge: 0 };
  let rootChecked = false;

  const keyFor = (kind: 'node' | 'edge', id: string) => {
    const def = keys.get(id);
    return def && (def.for === kind || def.for === 'all') ? def : undefined;
  };
  const put = (item: Exclude<Open, { kind: 'skipped' }>, def: KeyDef | undefined, key: string, value: string) => {
    const name = def?.name ?? key;
    if (item.kind === 'node') item.record.add(nodeFieldOf(name, true), name, value, def?.declared, def?.type);
    else item.record.add(edgeFieldOf(name, true), name, value, def?.declared, def?.type);
  };
  const finish = (item: Open) => {
    if (item.kind === 'skipped') return;
    for (const def of keys.values())
      if (def.default !== undefined && !def.graphics && !item.seen.has(def.id) && keyFor(item.kind, def.id))
        put(item, def, def.id, def.default);
    if (item.kind === 'node') {
      if (item.yedLabel && !item.record.has('name')) item.record.add('name', 'y:NodeLabel', item.yedLabel);
      out.nodes.push(item.record.build(item.origin, true));
    } else out.edges.push(item.record.build(item.origin));
  };

  const ok = walkXml(ctx, text, {
    open(el) {
      if (!rootChecked) {
        rootChecked = true;
        if (el.name !== 'graphml')
          ctx.problems.add({
            file: ctx.file,
            line: el.line,
            message: `has the root element <${el.name}>, not <graphml>`,
          });
        out.providesNodes = true;
      }
      if (data) {
        data.nested = true;
        if (el.name === 'NodeLabel') nodeLabel = '';
        return;
      }
      const a = el.attributes;
      switch (el.name) {
        case 'key': {
          const type = a['attr.type'] ?? 'string';
          keyDef = {
            id: a.id ?? '',
            name: a['attr.name'] || a.id || '',
            for: a.for ?? 'all',
            type,
            declared: declaredType(type),
            graphics: a['attr.name'] === undefined && a['yfiles.type'] !== undefined,
          };
          keys.set(keyDef.id, keyDef);
          return;
        }
        case 'default':
          if (keyDef) defaultText = '';
          return;
        case 'hyperedge':
          ctx.problems.add({
            file: ctx.file,
            line: el.line,
            path: el.path(),
            message: 'is a hyperedge; only edges between two nodes can be imported',
          });
          return;
        case 'node':
        case 'edge': {
          const kind = el.name;
          counts[kind]++;
          if (counts[kind] > LIMITS.rows) {
            if (counts[kind] === LIMITS.rows + 1)
              ctx.problems.add({
                file: ctx.file,
                line: el.line,
                path: el.path(),
                message: `has more than ${formatNumber(LIMITS.rows)} ${kind} elements (the limit); this one and those after it are not read`,
              });
            open.push({ kind: 'skipped' });
            return;
          }
          const origin = { file: ctx.file, line: el.line, path: el.path() };
          if (kind === 'node') {
            const record = new RecordBuilder<NodeFieldName>();
            if ('id' in a) record.add('id', 'id', a.id);
            open.push({ kind, record, origin, seen: new Set() });
          } else {
            const record = new RecordBuilder<EdgeFieldName>();
            if ('id' in a) record.add('id', 'id', a.id);
            record.add('source', 'source', a.source);
            record.add('target', 'target', a.target);
            open.push({ kind, record, origin, seen: new Set() });
          }
          return;
        }
        case 'data': {
          const item = open[open.length - 1];
          if (item && item.kind !== 'skipped') data = { key: a.key ?? '', text: '', nested: false };
          return;
        }
        default:
          return;
      }
    },
    text(t) {
      if (nodeLabel !== undefined) nodeLabel += t;
      else if (data) data.text += t;
      else if (defaultText !== undefined) defaultText += t;
    },
    close(name) {
      if (nodeLabel !== undefined && name === 'NodeLabel') {
        const item = open[open.length - 1];
        if (item?.kind === 'node' && item.yedLabel === undefined && nodeLabel.trim() !== '')
          item.yedLabel = nodeLabel.trim();
        nodeLabel = undefined;
        return;
      }
      if (data) {
        if (name !== 'data') return;
        const item = open[open.length - 1];
        const current = data;
        data = undefined;
        if (!item || item.kind === 'skipped') return;
        const def = keyFor(item.kind, current.key);
        if (def?.graphics) return;
        if (current.nested && current.text.trim() === '') return;
        item.seen.add(current.key);
        put(item, def, current.key, current.text);
        return;
      }
      switch (name) {
        case 'default':
          if (keyDef && defaultText !== undefined) keyDef.default = defaultText;
          defaultText = undefined;
          return;
        case 'key':
          keyDef = undefined;
          return;
        case 'node':
        case 'edge': {
          const item = open.pop();
          if (item) finish(item);
          return;
        }
        default:
          return;
      }
    },
  });
  if (!ok) {
    out.nodes.length = 0;
    out.edges.length = 0;
  }
}

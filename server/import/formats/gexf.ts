// GEXF (Gephi; versions 1.1–1.3): the attribute model with its declared types and defaults,
// nodes with id, label and attvalues, edges with id, source, target, label, weight, kind and
// attvalues. Read as graphology-gexf reads it (the same titles, types and defaults), but
// element by element, so that every problem has its line and element path, and a malformed or
// truncated file is a problem rather than an exception. Drawing (viz:*) and dynamics (spells)
// are left out.
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

interface AttributeDef {
  id: string;
  title: string;
  type: string;
  declared: Declared;
  default?: string;
}

type Open =
  | { kind: 'node'; record: RecordBuilder<NodeFieldName>; origin: Origin; seen: Set<string> }
  | { kind: 'edge'; record: RecordBuilder<EdgeFieldName>; origin: Origin; seen: Set<string> }
  | { kind: 'skipped' };

export function readGexf(ctx: FormatContext, text: string, out: FileRecords): void {
  const models = { node: new Map<string, AttributeDef>(), edge: new Map<string, AttributeDef>() };
  let attributeClass: 'node' | 'edge' | undefined;
  let definition: AttributeDef | undefined;
  let defaultText: string | undefined;
  const open: Open[] = [];
  const counts = { node: 0, edge: 0 };
  let rootChecked = false;

  const put = (
    item: Exclude<Open, { kind: 'skipped' }>,
    def: AttributeDef | undefined,
    title: string,
    value: string,
  ) => {
    if (item.kind === 'node') item.record.add(nodeFieldOf(title, true), title, value, def?.declared, def?.type);
    else item.record.add(edgeFieldOf(title, true), title, value, def?.declared, def?.type);
  };
  const finish = (item: Open) => {
    if (item.kind === 'skipped') return;
    for (const def of models[item.kind].values())
      if (def.default !== undefined && !item.seen.has(def.id)) put(item, def, def.title, def.default);
    if (item.kind === 'node') out.nodes.push(item.record.build(item.origin, true));
    else out.edges.push(item.record.build(item.origin));
  };

  const ok = walkXml(ctx, text, {
    open(el) {
      if (!rootChecked) {
        rootChecked = true;
        if (el.name !== 'gexf')
          ctx.problems.add({ file: ctx.file, line: el.line, message: `has the root element <${el.name}>, not <gexf>` });
        out.providesNodes = true;
      }
      if (el.prefix !== '' && el.prefix !== 'gexf') return;
      const a = el.attributes;
      switch (el.name) {
        case 'attributes':
          attributeClass = a.class === 'node' || a.class === 'edge' ? a.class : undefined;
          return;
        case 'attribute': {
          if (!attributeClass) return;
          const id = a.id ?? '';
          const type = a.type ?? 'string';
          definition = { id, title: a.title || id, type, declared: declaredType(type) };
          models[attributeClass].set(id, definition);
          return;
        }
        case 'default':
          if (definition) defaultText = '';
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
            if ('label' in a) record.add('name', 'label', a.label);
            open.push({ kind, record, origin, seen: new Set() });
          } else {
            const record = new RecordBuilder<EdgeFieldName>();
            if ('id' in a) record.add('id', 'id', a.id);
            record.add('source', 'source', a.source);
            record.add('target', 'target', a.target);
            if ('kind' in a) record.add('type', 'kind', a.kind);
            if ('label' in a) record.add(undefined, 'label', a.label, 'string');
            if ('weight' in a) record.add(undefined, 'weight', a.weight, 'number');
            open.push({ kind, record, origin, seen: new Set() });
          }
          return;
        }
        case 'attvalue': {
          const item = open[open.length - 1];
          if (!item || item.kind === 'skipped') return;
          const key = a.for ?? a.id ?? '';
          const def = models[item.kind].get(key);
          item.seen.add(key);
          put(item, def, def?.title ?? key, a.value ?? '');
          return;
        }
        default:
          return;
      }
    },
    text(t) {
      if (defaultText !== undefined) defaultText += t;
    },
    close(name, prefix) {
      if (prefix !== '' && prefix !== 'gexf') return;
      switch (name) {
        case 'default':
          if (definition && defaultText !== undefined) definition.default = defaultText.trim();
          defaultText = undefined;
          return;
        case 'attribute':
          definition = undefined;
          return;
        case 'attributes':
          attributeClass = undefined;
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
    // A malformed file's records are not trusted: its one problem is the syntax error.
    out.nodes.length = 0;
    out.edges.length = 0;
  }
}

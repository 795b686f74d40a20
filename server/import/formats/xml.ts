// A streaming, well-formedness-checking XML walk (saxes) for GEXF and GraphML: each element
// arrives with its local name, attributes, line and element path; the first syntax error
// (a malformed or truncated file) becomes one problem with its line and column.
import { SaxesParser } from 'saxes';
import type { FormatContext } from './records.ts';

export interface XmlElement {
  /** Local name (prefix dropped: viz:color → color), as written. */
  name: string;
  /** The prefix, if any (viz for viz:color). */
  prefix: string;
  attributes: Record<string, string>;
  line: number;
  /**
   * Element path such as /gexf/graph/nodes/node[12] (1-based among same-named siblings), built
   * on demand. The element object is reused: read it within the open callback.
   */
  path(): string;
}

export interface XmlHandlers {
  open(element: XmlElement): void;
  text(text: string): void;
  close(name: string, prefix: string): void;
}

interface Level {
  name: string;
  index: number;
  /** Counts of the children by name; created with the first child. */
  children: Map<string, number> | undefined;
}

class Stop extends Error {}

/** Parses the text; returns false (and adds the problem) when it is not well-formed. */
export function walkXml(ctx: FormatContext, text: string, handlers: XmlHandlers): boolean {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: Level[] = [{ name: '', index: 1, children: undefined }];
  let failure: Error | undefined;
  // One element object for every event (no allocation per element of a large file).
  const element: XmlElement = {
    name: '',
    prefix: '',
    attributes: {},
    line: 1,
    path() {
      let path = '';
      for (let i = 1; i < stack.length; i++) {
        const l = stack[i]!;
        path += l.index > 1 || levelHasSiblings(l) ? `/${l.name}[${l.index}]` : `/${l.name}`;
      }
      return path;
    },
  };
  parser.on('error', (error) => {
    failure = error;
    throw new Stop();
  });
  parser.on('opentagstart', () => {
    element.line = parser.line;
  });
  parser.on('opentag', (tag) => {
    const qname = tag.name;
    const parent = stack[stack.length - 1]!;
    const children = (parent.children ??= new Map());
    const index = (children.get(qname) ?? 0) + 1;
    children.set(qname, index);
    stack.push({ name: qname, index, children: undefined });
    const colon = qname.indexOf(':');
    element.prefix = colon < 0 ? '' : qname.slice(0, colon);
    element.name = colon < 0 ? qname : qname.slice(colon + 1);
    element.attributes = tag.attributes as Record<string, string>;
    handlers.open(element);
  });
  parser.on('text', (t) => handlers.text(t));
  parser.on('cdata', (t) => handlers.text(t));
  parser.on('closetag', (tag) => {
    stack.pop();
    const qname = tag.name;
    const colon = qname.indexOf(':');
    handlers.close(colon < 0 ? qname : qname.slice(colon + 1), colon < 0 ? '' : qname.slice(0, colon));
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  if (!failure) return true;
  const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(failure.message);
  const reason = (m ? m[3]! : failure.message).replace(/\.$/, '');
  const truncated = /unclosed tag|unexpected end/i.test(reason) ? ' (the file may be truncated)' : '';
  ctx.problems.add({
    file: ctx.file,
    ...(m ? { line: Number(m[1]) } : {}),
    message: `is not well-formed XML: ${reason}${m ? ` at line ${m[1]}, column ${m[2]}` : ''}${truncated}`,
  });
  return false;
}

/** Whether an element's index should be written: always for repeated kinds (node, edge, attvalue, data …). */
function levelHasSiblings(level: Level): boolean {
  const colon = level.name.indexOf(':');
  return REPEATED.has(colon < 0 ? level.name : level.name.slice(colon + 1));
}

const REPEATED = new Set(['node', 'edge', 'attvalue', 'attribute', 'data', 'key', 'hyperedge']);

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
  /** Element path such as /gexf/graph/nodes/node[12] (1-based among same-named siblings); built on demand. */
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
  children: Map<string, number>;
}

function splitName(qname: string): { prefix: string; name: string } {
  const colon = qname.indexOf(':');
  return colon < 0 ? { prefix: '', name: qname } : { prefix: qname.slice(0, colon), name: qname.slice(colon + 1) };
}

class Stop extends Error {}

/** Parses the text; returns false (and adds the problem) when it is not well-formed. */
export function walkXml(ctx: FormatContext, text: string, handlers: XmlHandlers): boolean {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: Level[] = [{ name: '', index: 1, children: new Map() }];
  let startLine = 1;
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure = error;
    throw new Stop();
  });
  parser.on('opentagstart', () => {
    startLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    const { prefix, name } = splitName(tag.name);
    const parent = stack[stack.length - 1]!;
    const index = (parent.children.get(tag.name) ?? 0) + 1;
    parent.children.set(tag.name, index);
    const level: Level = { name: tag.name, index, children: new Map() };
    stack.push(level);
    const levels = stack.slice(1);
    handlers.open({
      name,
      prefix,
      attributes: tag.attributes as Record<string, string>,
      line: startLine,
      path: () =>
        `/${levels.map((l) => (l.index > 1 || levelHasSiblings(l) ? `${l.name}[${l.index}]` : l.name)).join('/')}`,
    });
  });
  parser.on('text', (t) => handlers.text(t));
  parser.on('cdata', (t) => handlers.text(t));
  parser.on('closetag', (tag) => {
    stack.pop();
    const { prefix, name } = splitName(tag.name);
    handlers.close(name, prefix);
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
  return REPEATED.has(splitName(level.name).name);
}

const REPEATED = new Set(['node', 'edge', 'attvalue', 'attribute', 'data', 'key', 'hyperedge']);

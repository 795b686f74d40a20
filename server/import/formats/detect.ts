// Which format a file is: the bytes decide between a workbook (a ZIP archive) and text; the
// text's first character decides among XML (then its root element: <gexf> or <graphml>), JSON
// and CSV; the extension decides where the content cannot (a .json file that is not JSON is
// read as JSON, so that the syntax error is reported).
import type { ImportFormat } from '../model.ts';

export function extensionOf(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

const BY_EXTENSION: Record<string, ImportFormat> = {
  csv: 'csv',
  tsv: 'csv',
  tab: 'csv',
  txt: 'csv',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  json: 'json',
  gexf: 'gexf',
  graphml: 'graphml',
};

export function formatByExtension(ext: string): ImportFormat | undefined {
  return BY_EXTENSION[ext];
}

/** A ZIP archive (an XLSX workbook is one). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** An OLE compound file: an Excel 97–2003 .xls workbook. */
export function isOle(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

const ROOT = /<([A-Za-z_][\w.:-]*)/;

export type TextFormat = Exclude<ImportFormat, 'xlsx' | 'graphology-json'> | { problem: string };

export function textFormat(text: string, ext: string): TextFormat {
  const start = text.search(/\S/);
  const first = text[start];
  if (first === '<') {
    // The first element name after the declaration, comments and doctype is the root's.
    const m = ROOT.exec(text.slice(start, start + 65_536));
    if (!m) return ext === 'graphml' ? 'graphml' : 'gexf'; // no element at all: the XML reader says what is wrong
    const local = m[1]!.replace(/^.*:/, '').toLowerCase();
    if (local === 'gexf' || local === 'graphml') return local;
    if (ext === 'gexf' || ext === 'graphml') return ext;
    return { problem: `is XML, but its root element <${m[1]}> is neither <gexf> nor <graphml>` };
  }
  if (first === '{' || first === '[') return 'json';
  const byExt = formatByExtension(ext);
  if (byExt === 'json' || byExt === 'gexf' || byExt === 'graphml') return byExt;
  return 'csv';
}

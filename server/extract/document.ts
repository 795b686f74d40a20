// The text of a document to extract from: .txt as it is, .md as its prose (without markup). Decoding is the
// importer's: a byte-order mark, else UTF-8, else GB18030 when the bytes read as Chinese.
// .docx and .pdf come with the review screen.
import path from 'node:path';
import { decode } from '../import/decode.ts';

export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown'] as const;

export type DocumentText = { ok: true; text: string; encoding: string } | { ok: false; message: string };

/**
 * The prose of a Markdown text: headings' #, list and quote markers, emphasis and code marks,
 * rules and link and image syntax removed (a link keeps its words). Offsets of the proposals
 * point into this text, which is what a document's source text is.
 */
export function markdownProse(text: string): string {
  return text
    .replace(/^[ \t]*([-*_][ \t]*){3,}$/gm, '')
    .replace(/^[ \t]{0,3}(#{1,6}|>|[-*+]|\d+\.)[ \t]+/gm, '')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/(\*\*|__|\*|`)/g, '');
}

/** Whether a file's name is one the extractor reads. */
export function isDocumentName(name: string): boolean {
  return (DOCUMENT_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());
}

export function documentText(name: string, bytes: Uint8Array, encoding?: string): DocumentText {
  const extension = path.extname(name).toLowerCase();
  if (!isDocumentName(name))
    return {
      ok: false,
      message: `${name}: only ${DOCUMENT_EXTENSIONS.join(', ')} files are read (.docx and .pdf come with the review screen)`,
    };
  const decoded = decode(bytes, encoding === undefined ? {} : { forced: encoding });
  if (!decoded.ok)
    return { ok: false, message: `${name}${decoded.line ? `:${decoded.line}` : ''}: ${decoded.message}` };
  const text = extension === '.txt' ? decoded.text : markdownProse(decoded.text);
  return { ok: true, text, encoding: decoded.encoding };
}

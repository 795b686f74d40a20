// The text of a document to extract from: .txt as it is, .md as its prose (without markup), .docx
// as its paragraphs (mammoth) and .pdf as its text layer (pdf.js, see pdf-text.ts). Decoding of
// .txt and .md is the importer's: a byte-order mark, else UTF-8, else GB18030 when the bytes read
// as Chinese. The .docx and .pdf readers are loaded on first use: importing this module costs nothing.
import path from 'node:path';
import type { DocumentFormat } from '../../domain/review.ts';
import { decode } from '../import/decode.ts';
import { readPdf } from './pdf-text.ts';

/** The files documentText reads at once (plain text). */
export const TEXT_EXTENSIONS = ['.txt', '.md', '.markdown'] as const;
/** Every file the extractor reads (readDocument). */
export const DOCUMENT_EXTENSIONS = [...TEXT_EXTENSIONS, '.docx', '.pdf'] as const;

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

/** Whether a file's name is one the extractor reads (readDocument). */
export function isDocumentName(name: string): boolean {
  return (DOCUMENT_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());
}

/** A plain-text document (.txt, .md), decoded; .docx and .pdf need readDocument. */
export function documentText(name: string, bytes: Uint8Array, encoding?: string): DocumentText {
  const extension = path.extname(name).toLowerCase();
  if (!(TEXT_EXTENSIONS as readonly string[]).includes(extension))
    return {
      ok: false,
      message: `${name}: only ${TEXT_EXTENSIONS.join(', ')} files are read as text (.docx and .pdf through readDocument)`,
    };
  const decoded = decode(bytes, encoding === undefined ? {} : { forced: encoding });
  if (!decoded.ok)
    return { ok: false, message: `${name}${decoded.line ? `:${decoded.line}` : ''}: ${decoded.message}` };
  const text = extension === '.txt' ? decoded.text : markdownProse(decoded.text);
  return { ok: true, text, encoding: decoded.encoding };
}

export type DocumentRead =
  { ok: true; text: string; format: DocumentFormat; encoding?: string } | { ok: false; message: string };

/**
 * A .docx's text: its paragraphs (table cells included) separated by one "\n", each as typed
 * (a line break inside one stays a "\n"); empty paragraphs dropped. Headers, footers, notes and
 * comments are not read.
 */
async function readDocx(name: string, bytes: Uint8Array): Promise<DocumentRead> {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return { ok: false, message: `${name}: an old Word .doc file, not .docx: save it as .docx first` };
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    return { ok: false, message: `${name}: not a .docx document (not a zip archive)` };
  const mammoth = (await import('mammoth')).default;
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }))
      .value;
  } catch (error) {
    return { ok: false, message: `${name}: not a readable .docx document (${(error as Error).message})` };
  }
  // mammoth ends every paragraph with "\n\n"; a run of newlines is one paragraph break.
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .replace(/^\n+|\n+$/g, '');
  if (text.trim() === '') return { ok: false, message: `${name}: the document holds no text` };
  return { ok: true, text, format: 'docx' };
}

/** Any document the extractor reads, by its extension; a refusal names the file and the reason. */
export async function readDocument(name: string, bytes: Uint8Array, encoding?: string): Promise<DocumentRead> {
  const extension = path.extname(name).toLowerCase();
  if (extension === '.docx') return readDocx(name, bytes);
  if (extension === '.pdf') {
    const read = await readPdf(name, bytes);
    return read.ok ? { ok: true, text: read.text, format: 'pdf' } : read;
  }
  if (!isDocumentName(name))
    return { ok: false, message: `${name}: only ${DOCUMENT_EXTENSIONS.join(', ')} files are read` };
  const read = documentText(name, bytes, encoding);
  return read.ok
    ? { ok: true, text: read.text, format: extension === '.txt' ? 'txt' : 'md', encoding: read.encoding }
    : read;
}

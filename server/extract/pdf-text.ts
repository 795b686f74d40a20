// A PDF's text layer read back into the text a person typed, with pdf.js (its legacy build, for
// Node). pdf.js gives positioned runs of text; a page's runs become lines by their baselines,
// and lines become paragraphs: a line break inside a paragraph is joined with nothing between
// Chinese characters and with a space between Latin words, and a paragraph ends with "\n". No
// canvas, no worker thread (pdf.js's in-thread "fake worker"), no network: CMaps and standard
// fonts are read from the package's own folders.
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { unifyRadicals } from './radicals.ts';

/** A run of text on a page: pdf.js's text item, its baseline's start and its font size. */
export interface PdfRun {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A line of a page: its text and where it lies (PDF units, y grows upwards). */
export interface PdfLine {
  text: string;
  left: number;
  right: number;
  baseline: number;
  size: number;
}

export type PdfRead = { ok: true; text: string; pages: number } | { ok: false; message: string };

/** A gap between baselines wider than the page's line spacing by this many font sizes ends a paragraph. */
const PARAGRAPH_GAP = 0.3;
/** A line starting this many font sizes right of the page's text ends the paragraph before it. */
const INDENT = 1.5;
/** Room left on a line beyond the next line's first word, in font sizes, that ends a paragraph. */
const ROOM_LEFT = 1;

// Han, CJK radicals and punctuation, kana, full-width forms: no space between them across a line break.
const CJK =
  /[\u2e80-\u2fdf\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3134f}]/u;
// What cannot start a line, so goes down with the character before it when a line is full.
const CLOSING = /^[，。、；：！？）》」』”’…,.;:!?)\]]*/u;

/** The page's runs as lines, in the order pdf.js gives them: a new line where the baseline moves. */
export function linesOf(runs: readonly PdfRun[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let line: PdfLine | undefined;
  for (const run of runs) {
    if (run.str === '') continue; // pdf.js marks line ends with empty runs; the baselines say it too
    const sameLine =
      line !== undefined &&
      Math.abs(run.y - line.baseline) < 0.5 * Math.max(run.size, line.size) &&
      run.x > line.right - line.size;
    if (line && sameLine) {
      line.text += run.str;
      line.right = Math.max(line.right, run.x + run.width);
      line.size = Math.max(line.size, run.size);
    } else {
      line = { text: run.str, left: run.x, right: run.x + run.width, baseline: run.y, size: run.size };
      lines.push(line);
    }
  }
  return lines.filter((l) => l.text.trim() !== '').map((l) => ({ ...l, text: withoutLetterSpacing(l.text) }));
}

const NEXT_TO_CJK = new RegExp(`\\s+(?=${CJK.source})|(?<=${CJK.source})\\s+`, 'gu');

/**
 * A stretched line's text without the spaces pdf.js read into it: where a justified line is
 * stretched, pdf.js takes the wider gaps around Chinese characters for spaces ("混 合 段 落 ：").
 * When nearly every place next to a Chinese character on the line holds a space, those spaces
 * are the layout's, not the writer's (who may have typed one: 推进会 加快建设).
 */
export function withoutLetterSpacing(text: string): string {
  const chars = Array.from(text);
  let places = 0;
  let spaced = 0;
  for (let i = 0; i < chars.length; i++) {
    if (/\s/.test(chars[i]!)) continue;
    let next = i + 1;
    while (next < chars.length && /\s/.test(chars[next]!)) next++;
    if (next === chars.length) break;
    if (CJK.test(chars[i]!) || CJK.test(chars[next]!)) {
      places++;
      if (next > i + 1) spaced++;
    }
    i = next - 1;
  }
  return spaced >= 2 && spaced >= 0.8 * places ? text.replace(NEXT_TO_CJK, '') : text;
}

/** What joins two lines of one paragraph: nothing next to a Chinese character, else a space. */
export function lineGlue(before: string, after: string): string {
  const last = Array.from(before).at(-1) ?? '';
  const first = Array.from(after)[0] ?? '';
  if (last === '' || first === '' || CJK.test(last) || CJK.test(first)) return '';
  if (/\p{L}-$/u.test(before)) return ''; // a hyphenated word or compound goes on
  return ' ';
}

interface PageShape {
  left: number;
  right: number;
  /**
   * The distance between consecutive baselines inside a paragraph, in font sizes (the smallest
   * seen between lines of one size), so that a heading's wider lines compare with their size.
   */
  spacing: number;
}

function shapeOf(lines: readonly PdfLine[]): PageShape {
  let spacing = Infinity;
  for (let i = 1; i < lines.length; i++) {
    const [above, below] = [lines[i - 1]!, lines[i]!];
    const gap = (above.baseline - below.baseline) / below.size;
    if (gap > 0.5 && Math.abs(above.size - below.size) <= 0.15 * below.size) spacing = Math.min(spacing, gap);
  }
  return {
    left: Math.min(...lines.map((l) => l.left)),
    right: Math.max(...lines.map((l) => l.right)),
    spacing,
  };
}

/**
 * About how wide the first word of a line is: what would have had to fit on the line before for
 * the two to be one paragraph. Chinese breaks between any two characters (with the punctuation
 * that cannot start a line); a Latin word or number goes down whole.
 */
function firstWordWidth(text: string, size: number): number {
  const head = Array.from(text.trimStart());
  const first = head[0] ?? '';
  const word = CJK.test(first)
    ? first + (CLOSING.exec(head.slice(1).join(''))?.[0] ?? '')
    : (/^\S+?(?=\s|$|[\u2e80-\u9fff\uff00-\uffef])/u.exec(head.join(''))?.[0] ?? first);
  let width = 0;
  for (const char of word) width += CJK.test(char) ? size : 0.6 * size;
  return width;
}

/**
 * Whether a paragraph ends between two lines: the font size changes (a heading), or the gap
 * between them is clearly wider than the page's line spacing, or the next line is indented (a
 * Chinese paragraph's first-line indent), or the line left room for the next line's first word (a
 * break no wrapping would make). Across a page break the gap cannot tell.
 */
function paragraphEnds(line: PdfLine, next: PdfLine, shape: PageShape, nextShape: PageShape): boolean {
  if (Math.abs(line.size - next.size) > 0.15 * Math.max(line.size, next.size)) return true;
  if (shape === nextShape) {
    const gap = line.baseline - next.baseline;
    if (gap > (shape.spacing + PARAGRAPH_GAP) * line.size) return true;
  }
  if (next.left > nextShape.left + INDENT * next.size) return true;
  return shape.right - line.right > firstWordWidth(next.text, next.size) + ROOM_LEFT * line.size;
}

/** The pages' lines as text: paragraphs separated by "\n", lines of a paragraph joined. */
export function textOfLines(pages: readonly PdfLine[][]): string {
  const lines = pages.flatMap((page) => {
    const shape = shapeOf(page);
    return page.map((line) => ({ line, shape }));
  });
  let text = '';
  for (let i = 0; i < lines.length; i++) {
    const { line, shape } = lines[i]!;
    const content = line.text.trim();
    const previous = lines[i - 1];
    if (previous === undefined) text = content;
    else if (paragraphEnds(previous.line, line, previous.shape, shape)) text += `\n${content}`;
    else text += lineGlue(text, content) + content;
  }
  // A simplified Chinese font's em dash (——) is the glyph of U+2015, which a PDF writer may name.
  return unifyRadicals(text).replace(/\u2015/g, '\u2014');
}

let pdfjs: Promise<typeof PdfJs> | undefined;

/** pdf.js, loaded on the first PDF (its import sets up its Node polyfills). */
function loadPdfJs(): Promise<typeof PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** The package's data folders, as pdf.js wants them: paths with a trailing slash, read with fs. */
function dataFolders() {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const folder = (name: string) => path.join(root, name) + path.sep;
  return {
    cMapUrl: folder('cmaps'),
    standardFontDataUrl: folder('standard_fonts'),
    wasmUrl: folder('wasm'),
    iccUrl: folder('iccs'),
  };
}

/** A text item or marked-content mark of getTextContent (pdf.js does not export their types by name). */
type ContentItem = Awaited<ReturnType<PdfJs.PDFPageProxy['getTextContent']>>['items'][number];

function runOf(item: ContentItem): PdfRun | undefined {
  if (!('str' in item)) return undefined;
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
  return { str: item.str, x, y, width: item.width, size: Math.hypot(c, d) || Math.hypot(a, b) || item.height };
}

function failure(name: string, error: unknown): PdfRead {
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.name === 'PasswordException')
    return { ok: false, message: `${name}: the PDF is protected by a password` };
  return { ok: false, message: `${name}: not a readable PDF (${reason})` };
}

/** The text layer of a PDF, or why it has none. */
export async function readPdf(name: string, bytes: Uint8Array): Promise<PdfRead> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) return { ok: false, message: `${name}: not a PDF (no %PDF- header)` };
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const task = getDocument({
    data: new Uint8Array(bytes), // a copy, as a plain Uint8Array: pdf.js takes ownership of it
    ...dataFolders(),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const document = await task.promise;
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      pages.push(linesOf(content.items.flatMap((item) => runOf(item) ?? [])));
      page.cleanup();
    }
    if (pages.every((page) => page.length === 0)) {
      const pagesSay =
        document.numPages === 1 ? 'its one page holds no text' : `none of its ${document.numPages} pages holds text`;
      return { ok: false, message: `${name} has no text layer (a scan?): ${pagesSay}; paste its text instead` };
    }
    return { ok: true, text: textOfLines(pages.filter((page) => page.length > 0)), pages: document.numPages };
  } catch (error) {
    return failure(name, error);
  } finally {
    await task.destroy();
  }
}

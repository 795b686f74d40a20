// A slide's page and text, without the DOM (tested in Node): everything is laid out in slide
// units on a 16:9 page of 1920×1080 (the SVG's viewBox); a PNG of another size draws the same
// page scaled, at its own resolution, so its text is as sharp at 3840×2160 as at 1280×720.
import { t, type Lang } from '../../i18n.ts';

export const SLIDE = { width: 1920, height: 1080 } as const;

/** The PNG sizes offered, all 16:9: a laptop projector, full HD and 4K. */
export const SLIDE_PNG_SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;

/**
 * CJK first, one family per platform, so that the SVG's Chinese text renders with stock fonts:
 * Noto / Source Han (Linux, Android, installed by many), PingFang and Hiragino (macOS),
 * Microsoft YaHei (Windows), WenQuanYi (older Linux).
 */
export const SLIDE_FONT =
  '"Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Width of a text at a font size, in the same units (the browser measures; tests estimate). */
export type Measure = (text: string, size: number, weight: number) => number;

const PAD = 64;
const LEGEND_WIDTH = 360;
const GAP = 32;
const TOP = 180;
const FOOTER = 110;

/** Where things go on the page: the network, the legend beside it, title above, footnote below. */
export const SLIDE_BOXES = {
  graph: { x: PAD, y: TOP, width: SLIDE.width - 2 * PAD - LEGEND_WIDTH - GAP, height: SLIDE.height - TOP - FOOTER },
  legend: { x: SLIDE.width - PAD - LEGEND_WIDTH, y: TOP, width: LEGEND_WIDTH, height: SLIDE.height - TOP - FOOTER },
  titleBaseline: 104,
  subtitleBaseline: 148,
  ruleY: SLIDE.height - FOOTER + 24,
  footerBaseline: SLIDE.height - 38,
  left: PAD,
  right: SLIDE.width - PAD,
} as const;

/** Space kept free inside the network's box around the framed nodes (their discs and labels). */
export const GRAPH_MARGIN = 48;

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function boundsOf(points: Iterable<Point>): Bounds | undefined {
  let bounds: Bounds | undefined;
  for (const p of points) {
    if (!bounds) bounds = { minX: p.x, minY: p.y, maxX: p.x, maxY: p.y };
    else {
      bounds.minX = Math.min(bounds.minX, p.x);
      bounds.minY = Math.min(bounds.minY, p.y);
      bounds.maxX = Math.max(bounds.maxX, p.x);
      bounds.maxY = Math.max(bounds.maxY, p.y);
    }
  }
  return bounds;
}

/** Slide point = point × scale + offset (one scale: the drawing keeps its proportions). */
export interface Framing {
  scale: number;
  dx: number;
  dy: number;
}

export function applyFraming(f: Framing, p: Point): Point {
  return { x: p.x * f.scale + f.dx, y: p.y * f.scale + f.dy };
}

/**
 * The largest uniform scale that fits `bounds` into `area` less `margin` on every side, centred.
 * `maxScale` keeps a lone node or a short chain from being blown up to the whole slide.
 */
export function frameToArea(bounds: Bounds, area: Box, margin: number, maxScale: number): Framing {
  const width = bounds.maxX - bounds.minX;
  const height = bounds.maxY - bounds.minY;
  const innerWidth = Math.max(1, area.width - 2 * margin);
  const innerHeight = Math.max(1, area.height - 2 * margin);
  const scale = Math.min(
    maxScale,
    width > 0 ? innerWidth / width : Infinity,
    height > 0 ? innerHeight / height : Infinity,
  );
  return {
    scale,
    dx: area.x + area.width / 2 - (bounds.minX + width / 2) * scale,
    dy: area.y + area.height / 2 - (bounds.minY + height / 2) * scale,
  };
}

export function inside(box: Box, p: Point): boolean {
  return p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;
}

/**
 * An estimate of a text's width, for tests and where no canvas measures: CJK and full-width
 * characters are one em, Latin capitals and digits about 0.62, other characters about 0.55.
 */
export function estimateWidth(text: string, size: number, weight = 400): number {
  let ems = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x2e80) ems += 1;
    else if (ch === ' ') ems += 0.3;
    else if (/[A-Z0-9]/.test(ch)) ems += 0.62;
    else ems += 0.55;
  }
  return ems * size * (weight >= 600 ? 1.05 : 1);
}

export interface FittedText {
  text: string;
  size: number;
}

/**
 * A line that fits `maxWidth`: its font shrinks down to `minSize`, and if it is still too long
 * it is cut with an ellipsis (whole characters, never half a surrogate pair).
 */
export function fitText(
  text: string,
  maxWidth: number,
  font: { size: number; minSize: number; weight: number },
  measure: Measure,
): FittedText {
  const line = text.replace(/\s+/g, ' ').trim();
  const width = measure(line, font.size, font.weight);
  if (width <= maxWidth) return { text: line, size: font.size };
  const size = Math.max(font.minSize, Math.floor(font.size * (maxWidth / width)));
  if (measure(line, size, font.weight) <= maxWidth) return { text: line, size };
  const chars = [...line];
  let kept = chars.length;
  while (kept > 0 && measure(`${chars.slice(0, kept).join('').trimEnd()}…`, size, font.weight) > maxWidth) kept--;
  return { text: `${chars.slice(0, kept).join('').trimEnd()}…`, size };
}

export interface SourceLine {
  title: string;
  date?: string;
}

/** Source titles named in the footnote before "and n more". */
const FOOTNOTE_SOURCES = 2;

/**
 * The footnote: the dataset's sources by title and date; where no source is known, the dataset's
 * title (and how many sources its evidence cites, when that is known).
 */
export function footnoteText(
  lang: Lang,
  input: { sources: readonly SourceLine[]; total: number; datasetTitle: string },
): string {
  const named = input.sources
    .filter((s) => s.title.trim() !== '')
    .slice(0, FOOTNOTE_SOURCES)
    .map((s) => (s.date ? `${s.title.trim()} (${s.date})` : s.title.trim()));
  if (named.length === 0)
    return input.total > 0
      ? `${input.datasetTitle} · ${t(lang, 'slideEvidenceSources', { n: input.total })}`
      : input.datasetTitle;
  const more = Math.max(0, input.total - named.length);
  const list = named.join(lang === 'zh' ? ';' : '; ');
  return t(lang, 'slideSource', {
    sources: more > 0 ? `${list} ${t(lang, 'slideMoreSources', { n: more })}` : list,
  });
}

/** A local calendar date as YYYY-MM-DD (the day the slide was made where it was made). */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whether XML 1.0 allows a code point (no control characters, lone surrogates, U+FFFE/U+FFFF). */
function allowedInXml(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}

const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

/**
 * Text for XML content and attributes: the five markup characters as entities, and characters
 * XML forbids dropped, so that any name from the data parses and stays text.
 */
export function escapeXml(text: string): string {
  let out = '';
  // for…of walks code points: a pair is one character, a lone surrogate is its own (and dropped).
  for (const ch of text) {
    if (!allowedInXml(ch.codePointAt(0) ?? 0)) continue;
    out += ENTITIES[ch] ?? ch;
  }
  return out;
}

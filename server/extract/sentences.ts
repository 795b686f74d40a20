// Sentence and clause splitting for Chinese (and Latin) report text. Quotes and brackets are
// kept whole: a full stop inside “…”, 《…》 or （…） does not end the sentence. A line that breaks
// off mid-sentence (it holds commas but no closing punctuation, as text copied from a web page or
// a PDF often does) runs on into the next line; a short line without commas is a heading.

export interface Sentence {
  index: number;
  /** Offsets in the input text. */
  start: number;
  end: number;
  /** The sentence verbatim. */
  text: string;
  paragraph: number;
  heading: boolean;
  /** The sentence with its line breaks removed; the rules read this. */
  flat: string;
  /** The input offset of each character of `flat`. */
  offsets: number[];
  clauses: Clause[];
}

/** A stretch of `flat` between commas, semicolons, colons or spaces (outside brackets). */
export interface Clause {
  start: number;
  end: number;
}

const OPENERS: Record<string, string> = {
  '“': '”',
  '‘': '’',
  '《': '》',
  '（': '）',
  '(': ')',
  '「': '」',
  '『': '』',
  '【': '】',
  '〈': '〉',
};
const CLOSERS = new Set(Object.values(OPENERS));
const TERMINATORS = new Set(['。', '！', '？', '!', '?', '…']);
const CLAUSE_BREAKS = new Set(['，', ',', '；', ';', '：', ':']);
const INNER_PUNCTUATION = /[，,、；;：:]/;
const HAN = /\p{Script=Han}/u;

/** Tracks quote and bracket nesting; a straight double quote toggles. */
class Nesting {
  private stack: string[] = [];
  private straight = false;
  get depth(): number {
    return this.stack.length + (this.straight ? 1 : 0);
  }
  see(char: string): void {
    if (char === '"') this.straight = !this.straight;
    else if (OPENERS[char]) this.stack.push(OPENERS[char]);
    else if (CLOSERS.has(char) && this.stack[this.stack.length - 1] === char) this.stack.pop();
  }
  reset(): void {
    this.stack = [];
    this.straight = false;
  }
}

function endsSentence(text: string, i: number, depth: number): boolean {
  const char = text[i] as string;
  if (depth > 0) return false;
  if (TERMINATORS.has(char)) return true;
  // A Latin full stop ends a sentence before a space or the end (not inside 4.32).
  const next = text[i + 1];
  return char === '.' && (next === undefined || /\s/.test(next));
}

/** A line that stops mid-sentence: it holds inner punctuation but no closing one. */
function breaksOff(pending: string, nesting: Nesting): boolean {
  const trimmed = pending.trim();
  if (trimmed === '') return false;
  if (nesting.depth > 0) return true;
  const last = trimmed[trimmed.length - 1] as string;
  return INNER_PUNCTUATION.test(trimmed) && !TERMINATORS.has(last) && !CLOSERS.has(last);
}

interface RawSentence {
  start: number;
  end: number;
  paragraph: number;
  byLine: boolean;
}

function rawSentences(text: string): RawSentence[] {
  const out: RawSentence[] = [];
  const nesting = new Nesting();
  let start = 0;
  let paragraph = 0;
  let lineHasText = false;
  const close = (end: number, byLine: boolean) => {
    if (text.slice(start, end).trim() !== '') out.push({ start, end, paragraph, byLine });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '\n') {
      if (breaksOff(text.slice(start, i), nesting)) continue;
      close(i, true);
      nesting.reset();
      if (lineHasText) paragraph++;
      lineHasText = false;
      continue;
    }
    if (!/\s/.test(char)) lineHasText = true;
    nesting.see(char);
    if (!endsSentence(text, i, nesting.depth)) continue;
    let end = i + 1;
    while (end < text.length && (CLOSERS.has(text[end] as string) || TERMINATORS.has(text[end] as string))) end++;
    i = end - 1;
    close(end, false);
  }
  close(text.length, true);
  return out;
}

/** Removes line breaks (and the spaces around them) so that a broken sentence reads whole. */
function flatten(text: string, start: number, end: number): { flat: string; offsets: number[] } {
  let flat = '';
  const offsets: number[] = [];
  let i = start;
  while (i < end && /\s/.test(text[i] as string)) i++;
  let last = end;
  while (last > i && /\s/.test(text[last - 1] as string)) last--;
  for (; i < last; i++) {
    const char = text[i] as string;
    if (char === '\n' || char === '\r') continue;
    if (/[ \t]/.test(char) && (/[\r\n]/.test(text[i + 1] ?? '') || /[\r\n]/.test(text[i - 1] ?? ''))) continue;
    flat += char;
    offsets.push(i);
  }
  return { flat, offsets };
}

export function splitClauses(flat: string): Clause[] {
  const clauses: Clause[] = [];
  const nesting = new Nesting();
  let start = 0;
  for (let i = 0; i < flat.length; i++) {
    const char = flat[i] as string;
    nesting.see(char);
    const space = /\s/.test(char) && (HAN.test(flat[i - 1] ?? '') || HAN.test(flat[i + 1] ?? ''));
    if (nesting.depth > 0 || !(CLAUSE_BREAKS.has(char) || TERMINATORS.has(char) || space)) continue;
    if (i > start) clauses.push({ start, end: i });
    start = i + 1;
  }
  if (start < flat.length) clauses.push({ start, end: flat.length });
  return clauses;
}

export function splitSentences(text: string): Sentence[] {
  return rawSentences(text).map((raw, index) => {
    const { flat, offsets } = flatten(text, raw.start, raw.end);
    const start = offsets[0] ?? raw.start;
    const end = (offsets[offsets.length - 1] ?? raw.end - 1) + 1;
    const last = flat[flat.length - 1] ?? '';
    const heading = raw.byLine && !TERMINATORS.has(last) && !INNER_PUNCTUATION.test(flat) && flat.length <= 40;
    return {
      index,
      start,
      end,
      text: text.slice(start, end),
      paragraph: raw.paragraph,
      heading,
      flat,
      offsets,
      clauses: splitClauses(flat),
    };
  });
}

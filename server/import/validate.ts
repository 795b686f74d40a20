// The checks every imported value goes through, whatever its format: the limits, the types of
// properties with a known meaning (year, count, value, weight), the inference of the others,
// and the collection of problems (all of them, each with file, line or path, field and reason).
import { isYear } from '../../domain/ids.ts';
import type { ImportProblem, PropertyValue } from './model.ts';

export const LIMITS = {
  /** Characters in one value (a name, a quote, a property). */
  valueLength: 10_000,
  /** Characters in one CSV record (a line, or the lines of a record with quoted line breaks). */
  lineLength: 1_048_576,
  /** Data rows of one CSV file or sheet; node or edge elements of one XML or JSON file. */
  rows: 1_000_000,
  /** Problems listed per file; the rest are counted in one last problem. */
  problemsPerFile: 1_000,
} as const;

export function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}

/** `file:line path field "x": message`, as the CLI prints it. */
export function formatProblem(p: ImportProblem): string {
  const where = `${p.file}${p.line !== undefined ? `:${p.line}` : ''}${p.path ? ` ${p.path}` : ''}`;
  return `${where}${p.field !== undefined ? ` field "${p.field}"` : ''}: ${p.message}`;
}

/** Collects problems; past LIMITS.problemsPerFile for one file, only counts them. */
export class Problems {
  private readonly items: ImportProblem[] = [];
  private readonly perFile = new Map<string, number>();

  add(problem: ImportProblem): void {
    const count = (this.perFile.get(problem.file) ?? 0) + 1;
    this.perFile.set(problem.file, count);
    if (count <= LIMITS.problemsPerFile) this.items.push(problem);
  }

  get size(): number {
    return this.items.length;
  }

  /** The problems listed, in the order they were found. */
  listed(): ImportProblem[] {
    return this.items;
  }

  /** One problem per file past the limit, counting the problems not listed. */
  overflow(): ImportProblem[] {
    const more: ImportProblem[] = [];
    for (const [file, count] of this.perFile)
      if (count > LIMITS.problemsPerFile)
        more.push({
          file,
          message: `${formatNumber(count - LIMITS.problemsPerFile)} more problems in this file are not listed (the first ${formatNumber(LIMITS.problemsPerFile)} are)`,
        });
    return more;
  }

  list(): ImportProblem[] {
    return [...this.items, ...this.overflow()];
  }
}

/** A type an attribute declares (GEXF, GraphML); undefined for untyped text (CSV), which is inferred. */
export type Declared = 'integer' | 'number' | 'boolean' | 'list' | 'string';

/** Maps a GEXF or GraphML attribute type onto the checks (unknown types read as text). */
export function declaredType(name: string | undefined): Declared {
  switch ((name ?? '').toLowerCase()) {
    case 'integer':
    case 'int':
    case 'long':
    case 'short':
    case 'byte':
    case 'biginteger':
      return 'integer';
    case 'float':
    case 'double':
    case 'bigdecimal':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return name?.toLowerCase().startsWith('list') ? 'list' : 'string';
  }
}

/** Properties whose meaning the explorer knows, and the check each must pass. */
type Meaning = 'year' | 'count' | 'number';
const MEANINGS: Record<string, Meaning> = {
  year: 'year',
  年份: 'year',
  count: 'count',
  数量: 'count',
  value: 'number',
  数值: 'number',
  weight: 'number',
  权重: 'number',
};

const meaningCache = new Map<string, Meaning | null>();

export function meaningOf(key: string): Meaning | undefined {
  let meaning = meaningCache.get(key);
  if (meaning === undefined) {
    meaning = MEANINGS[key.trim().toLowerCase()] ?? null;
    if (meaningCache.size < 10_000) meaningCache.set(key, meaning);
  }
  return meaning ?? undefined;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
/** Numbers that CSV text is read as: no leading zeros (0532 is a code), no leading + (+86 is a phone prefix). */
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const BOOLEAN = /^(?:true|false)$/i;

function quoteValue(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

export type Checked = { value: PropertyValue } | { message: string } | undefined;

function tooLong(text: string): string | undefined {
  return text.length > LIMITS.valueLength
    ? `is longer than ${formatNumber(LIMITS.valueLength)} characters (${formatNumber(text.length)})`
    : undefined;
}

function splitList(text: string): string[] {
  let body = text.trim();
  if (body.startsWith('[') && body.endsWith(']')) body = body.slice(1, -1);
  const parts = body.includes('|') ? body.split('|') : body.includes(';') ? body.split(';') : body.split(',');
  return parts.map((p) => p.trim().replace(/^(["'])(.*)\1$/, '$2')).filter(Boolean);
}

function checkMeaning(meaning: Meaning, value: PropertyValue, raw: string): Checked {
  const n = typeof value === 'number' ? value : typeof value === 'string' && DECIMAL.test(value) ? Number(value) : NaN;
  switch (meaning) {
    case 'year':
      return Number.isInteger(n) && isYear(n)
        ? { value: n }
        : { message: `${quoteValue(raw)} is not a year (a whole number from 1800 to 2999)` };
    case 'count':
      return Number.isSafeInteger(n) && n >= 0
        ? { value: n }
        : { message: `${quoteValue(raw)} is not a count (a whole number, 0 or more)` };
    case 'number':
      return Number.isFinite(n) ? { value: n } : { message: `${quoteValue(raw)} is not a number` };
  }
}

/**
 * One property value, typed: declared types are checked, untyped text is inferred (plain
 * numbers, true/false, else text), known meanings are checked last. Empty values are
 * undefined (left out). Never throws.
 */
export function propertyValue(key: string, raw: unknown, declared?: Declared, declaredName?: string): Checked {
  if (raw === null || raw === undefined) return undefined;
  let value: PropertyValue;
  let shown: string;
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return undefined;
    const long = tooLong(text);
    if (long) return { message: long };
    shown = text;
    const as = declaredName ? ` (declared ${declaredName})` : '';
    switch (declared) {
      case 'integer':
        if (!INTEGER.test(text) || !Number.isSafeInteger(Number(text)))
          return { message: `${quoteValue(text)} is not an integer${as}` };
        value = Number(text);
        break;
      case 'number':
        if (!DECIMAL.test(text)) return { message: `${quoteValue(text)} is not a number${as}` };
        value = Number(text);
        break;
      case 'boolean': {
        const lower = text.toLowerCase();
        if (lower !== 'true' && lower !== 'false' && lower !== '1' && lower !== '0')
          return { message: `${quoteValue(text)} is not true or false${as}` };
        value = lower === 'true' || lower === '1';
        break;
      }
      case 'list':
        value = splitList(text);
        break;
      case 'string':
        value = text;
        break;
      default:
        if (PLAIN_NUMBER.test(text) && Number.isSafeInteger(Math.trunc(Number(text)))) value = Number(text);
        else if (BOOLEAN.test(text)) value = text.toLowerCase() === 'true';
        else value = text;
    }
  } else if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { message: `${String(raw)} is not a finite number` };
    value = raw;
    shown = String(raw);
  } else if (typeof raw === 'boolean') {
    value = raw;
    shown = String(raw);
  } else if (Array.isArray(raw)) {
    const items: string[] = [];
    for (const item of raw as unknown[]) {
      if (item === null || item === undefined) continue;
      if (typeof item === 'object')
        return { message: 'is a list holding objects; lists may hold only text or numbers' };
      const text = String(item).trim();
      const long = tooLong(text);
      if (long) return { message: `has an item that ${long}` };
      if (text !== '') items.push(text);
    }
    if (items.length === 0) return undefined;
    value = items;
    shown = items.join('|');
  } else {
    return { message: 'is an object; a property holds text, a number, true/false or a list of text' };
  }
  const meaning = meaningOf(key);
  return meaning ? checkMeaning(meaning, value, shown) : { value };
}

/** A text field (id, name, quote, url): trimmed text, or a problem; numbers are written out. */
export function textValue(raw: unknown): { text: string } | { message: string } | undefined {
  if (raw === null || raw === undefined) return undefined;
  let text: string;
  if (typeof raw === 'string') text = raw.trim();
  else if (typeof raw === 'number' || typeof raw === 'boolean') text = String(raw);
  else
    return {
      message: Array.isArray(raw) ? 'is a list, where text is expected' : 'is an object, where text is expected',
    };
  if (text === '') return undefined;
  const long = tooLong(text);
  return long ? { message: long } : { text };
}

/** Aliases: a list, or text separated by ; or | (full-width ； and ｜ too). */
export function aliasValues(raw: unknown): { list: string[] } | { message: string } | undefined {
  if (raw === null || raw === undefined) return undefined;
  const parts: string[] = [];
  if (Array.isArray(raw)) {
    for (const item of raw as unknown[]) {
      if (typeof item !== 'string' && typeof item !== 'number') return { message: 'is a list holding non-text items' };
      parts.push(String(item));
    }
  } else if (typeof raw === 'string' || typeof raw === 'number') {
    parts.push(...String(raw).split(/[;|；｜]/));
  } else return { message: 'is an object, where a list of names is expected' };
  const list: string[] = [];
  for (const part of parts) {
    const text = part.trim();
    if (text === '') continue;
    const long = tooLong(text);
    if (long) return { message: `has an alias that ${long}` };
    if (!list.includes(text)) list.push(text);
  }
  return list.length > 0 ? { list } : undefined;
}

// CSV: a nodes file and an edges file (told apart by their names, else by their columns: an
// edges file has source and target columns), or an edges file alone, whose nodes are then
// inferred from the ends. RFC 4180 quoting; comma, tab or semicolon, whichever the header uses;
// a record over LIMITS.lineLength characters is reported and skipped without being copied.
import type { Origin } from '../model.ts';
import { LIMITS, formatNumber } from '../validate.ts';
import {
  edgeFieldOf,
  nodeFieldOf,
  type EdgeFieldName,
  type FileRecords,
  type FormatContext,
  type Layout,
  type NodeFieldName,
} from './records.ts';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface CsvSink {
  /** One record's cells and the line it starts on; return false to stop reading. */
  row(cells: string[], line: number): boolean;
  problem(line: number, message: string): void;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** The delimiter the header line uses most: comma, tab or semicolon (comma when none). */
export function sniffDelimiter(text: string, preferTab = false): string {
  const end = text.indexOf('\n');
  const header = end < 0 ? text : text.slice(0, end);
  const count = (ch: string) => header.split(ch).length - 1;
  const counts: [string, number][] = [
    [',', count(',')],
    ['\t', count('\t')],
    [';', count(';')],
  ];
  if (preferTab && counts[1]![1] > 0) return '\t';
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/**
 * Splits CSV text into records. Lines are physical lines (a quoted line break moves the next
 * record's line on). Blank lines are skipped. Problems: a record over the length limit,
 * text after a closing quote, a quote never closed.
 */
/**
 * A cell that a spreadsheet export made inert — an apostrophe before =, +, - or @, as this
 * explorer's own CSV export and spreadsheets write formula-looking text — is read as that text.
 */
function inertText(cell: string): string {
  return cell.length > 1 && cell.charCodeAt(0) === 39 && /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

export function parseCsv(text: string, delimiter: string, sink: CsvSink): void {
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  const limit = LIMITS.lineLength;
  let pos = 0;
  let line = 1;
  while (pos < n) {
    const rowStart = pos;
    const rowLine = line;
    const cells: string[] = [];
    let extraLines = 0;
    let failure: string | undefined;
    /** Where reading goes on after a failure: the next line break from here. */
    let resume = pos;
    for (;;) {
      if (text.charCodeAt(pos) === QUOTE) {
        let start = pos + 1;
        let value = '';
        for (;;) {
          const q = text.indexOf('"', start);
          if (q < 0 || q - rowStart > limit) {
            if ((q < 0 ? n : q) - rowStart > limit) {
              failure = `is longer than ${formatNumber(limit)} characters (the limit of one record)${q < 0 ? '; a quoted value opened on this line is never closed' : ''}`;
              resume = rowStart + limit;
            } else {
              failure = 'has a quoted value that is never closed';
              resume = pos;
            }
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(start, q + 1);
            start = q + 2;
            continue;
          }
          value += text.slice(start, q);
          extraLines += countNewlines(text, pos, q);
          pos = q + 1;
          break;
        }
        if (failure) break;
        const next = text.charCodeAt(pos);
        if (pos < n && next !== delim && next !== LF && next !== CR) {
          let p = pos;
          while (p < n) {
            const c = text.charCodeAt(p);
            if (c === delim || c === LF || c === CR) break;
            p++;
          }
          sink.problem(
            rowLine + extraLines,
            `has text after a closing quote: ${JSON.stringify(text.slice(pos, Math.min(p, pos + 40)))}`,
          );
          value += text.slice(pos, p);
          pos = p;
        }
        cells.push(inertText(value));
      } else {
        let p = pos;
        const stop = Math.min(n, rowStart + limit + 1);
        while (p < stop) {
          const c = text.charCodeAt(p);
          if (c === delim || c === LF || c === CR) break;
          p++;
        }
        if (p - rowStart > limit) {
          failure = `is longer than ${formatNumber(limit)} characters (the limit of one record)`;
          resume = p;
          break;
        }
        cells.push(inertText(text.slice(pos, p)));
        pos = p;
      }
      const c = text.charCodeAt(pos);
      if (c === delim) {
        pos++;
        continue;
      }
      if (c === CR) pos += text.charCodeAt(pos + 1) === LF ? 2 : 1;
      else if (c === LF) pos++;
      break;
    }
    if (failure) {
      sink.problem(rowLine, failure);
      // Skip to the next line break from the point reached (or the end).
      const from = Math.min(n, resume);
      const next = text.indexOf('\n', from);
      const end = next < 0 ? n : next + 1;
      line = rowLine + 1 + countNewlines(text, rowStart, from);
      pos = end;
      continue;
    }
    line = rowLine + 1 + extraLines;
    if (cells.length === 1 && cells[0] === '' && text.charCodeAt(rowStart) !== QUOTE) continue; // blank line
    if (!sink.row(cells, rowLine)) return;
  }
}

export type CsvRole = 'nodes' | 'edges';

const NODES_NAME = /(^|[^a-z])(nodes?|vertex|vertices|entities)([^a-z]|$)|节点|实体|顶点/;
const EDGES_NAME = /(^|[^a-z])(edges?|links?|relations?|relationships?)([^a-z]|$)|关系|边/;

/** A file's role by its name (nodes.csv, 关系.csv, ca-grqc.edges.csv), if the name says. */
export function roleByName(file: string): CsvRole | undefined {
  const base = file
    .toLowerCase()
    .replace(/^.*[\\/]/, '')
    .replace(/\.[a-z0-9]+$/, '');
  if (EDGES_NAME.test(base)) return 'edges';
  if (NODES_NAME.test(base)) return 'nodes';
  return undefined;
}

interface Column<F> {
  index: number;
  name: string;
  field: F | undefined;
}

export interface TableReader {
  /** Reads one record (cells in column order) at a line; false once the row limit is passed. */
  row(cells: readonly unknown[], line: number): boolean;
  /** Ends the table; `broken`: some records could not be split into cells (so no rows is no news). */
  finish(broken?: boolean): void;
}

export interface TableOptions {
  ctx: FormatContext;
  /** Where in the file (an XLSX sheet, for messages); undefined for CSV. */
  path?: string;
  /** The role, when the file or sheet name gives it; else the columns decide. */
  role?: CsvRole;
  headerLine: number;
  out: FileRecords;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Reads a table (a CSV file or an XLSX sheet) whose first row names the columns. Reports
 * missing, duplicate and unnamed columns, and rows with more cells than columns.
 */
export function tableReader(header: readonly unknown[], options: TableOptions): TableReader {
  const { ctx, path, headerLine, out } = options;
  const names = header.map((h) => (isEmpty(h) ? '' : String(h).trim()));
  const looksLikeEdges =
    names.some((h) => edgeFieldOf(h) === 'source') && names.some((h) => edgeFieldOf(h) === 'target');
  const role: CsvRole = options.role ?? (looksLikeEdges ? 'edges' : 'nodes');
  const file = ctx.file;
  const where = (line: number): Origin => (path !== undefined ? { file, line, path } : { file, line });
  const problem = (line: number, message: string, field?: string) =>
    ctx.problems.add({ ...where(line), ...(field !== undefined ? { field } : {}), message });

  const columns: Column<string>[] = [];
  const seen = new Map<string, Column<string>>();
  names.forEach((name, index) => {
    if (name === '') return;
    const field = role === 'nodes' ? nodeFieldOf(name) : edgeFieldOf(name);
    const column: Column<string> = { index, name, field };
    const key = field ?? name.normalize('NFKC').toLowerCase();
    const first = seen.get(key);
    if (first) {
      problem(
        headerLine,
        first.name === name
          ? `column "${name}" appears twice (columns ${first.index + 1} and ${index + 1})`
          : `columns "${first.name}" and "${name}" both mean ${field ?? name} (columns ${first.index + 1} and ${index + 1})`,
        name,
      );
      return;
    }
    seen.set(key, column);
    columns.push(column);
  });
  const has = (field: string) => columns.some((c) => c.field === field);
  let usable = true;
  if (role === 'nodes') {
    if (!has('id')) {
      problem(headerLine, 'the nodes table has no id column (id, 编号)', 'id');
      usable = false;
    }
    if (!has('name') && !has('name_zh') && !has('name_en')) {
      problem(headerLine, 'the nodes table has no name column (name, name_zh, name_en, 名称, 中文名, 英文名)', 'name');
      usable = false;
    }
  } else {
    for (const [field, zh] of [
      ['source', '来源'],
      ['target', '目标'],
    ] as const)
      if (!has(field)) {
        problem(headerLine, `the edges table has no ${field} column (${field}, ${zh})`, field);
        usable = false;
      }
  }
  if (role === 'nodes') out.providesNodes = true;
  // One layout for every row: a row is its cells.
  const layout: Layout<string> = { field: {}, names: names.slice(), props: [] };
  for (const c of columns) {
    if (c.field !== undefined) layout.field[c.field] = c.index;
    else layout.props.push(c.index);
  }
  const width = names.length;
  let rows = 0;
  return {
    row(cells, line) {
      rows++;
      if (rows > LIMITS.rows) {
        problem(
          line,
          `has more than ${formatNumber(LIMITS.rows)} rows (the limit); this row and those after it are not read`,
        );
        return false;
      }
      if (!usable) return true;
      let empty = true;
      for (const cell of cells)
        if (!isEmpty(cell)) {
          empty = false;
          break;
        }
      if (empty) return true;
      for (let i = width; i < cells.length; i++)
        if (!isEmpty(cells[i])) {
          problem(
            line,
            `has ${cells.length} cells but the header names ${width} columns (a value with a delimiter that is not quoted?)`,
          );
          break;
        }
      for (let i = 0; i < width && i < cells.length; i++)
        if (names[i] === '' && !isEmpty(cells[i])) problem(line, `has a value in column ${i + 1}, which has no header`);
      if (role === 'nodes')
        out.nodes.push({ origin: where(line), values: cells, layout: layout as Layout<NodeFieldName> });
      else out.edges.push({ origin: where(line), values: cells, layout: layout as Layout<EdgeFieldName> });
      return true;
    },
    finish(broken = false) {
      if (rows === 0 && !broken) problem(headerLine, 'has a header but no data rows');
    },
  };
}

export function readCsv(ctx: FormatContext, text: string, out: FileRecords): void {
  const delimiter = sniffDelimiter(text, /\.(tsv|tab)$/i.test(ctx.file));
  let reader: TableReader | undefined;
  let any = false;
  let broken = false;
  parseCsv(text, delimiter, {
    row(cells, line) {
      any = true;
      if (!reader) {
        reader = tableReader(cells, { ctx, role: roleByName(ctx.file), headerLine: line, out });
        return true;
      }
      return reader.row(cells, line);
    },
    problem(line, message) {
      broken = true;
      ctx.problems.add({ file: ctx.file, line, message });
    },
  });
  if (!any) ctx.problems.add({ file: ctx.file, message: 'has no header row (only blank lines)' });
  reader?.finish(broken);
}

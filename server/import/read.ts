// The reading half of an import: files in, an ImportSet out (model.ts), no database. Each file
// is recognised (format.ts rules in formats/detect.ts), decoded (decode.ts) and read into raw
// records by its format (formats/*.ts); then the records are checked and mapped together: ids
// kept or normalised (read-ids.ts), types mapped onto the ontology (types.ts), values typed and
// limited (validate.ts), relation ends resolved (or, for an edges-only file, nodes inferred from
// them), duplicates found. Every problem is collected; none stops the reading of the rest.
import { createHash } from 'node:crypto';
import { RELATION_TYPE_NAMES, isUndirected, type NodeType, type RelationType } from '../../domain/ontology.ts';
import { hasHan } from '../../domain/search-keys.ts';
import { decode, xmlDeclaredEncoding } from './decode.ts';
import { readCsv } from './formats/csv.ts';
import { extensionOf, formatByExtension, isOle, isZip, textFormat } from './formats/detect.ts';
import { readGexf } from './formats/gexf.ts';
import { readGraphml } from './formats/graphml.ts';
import { readJson } from './formats/json.ts';
import type { FileRecords, FormatContext, RawEdge, RawNode, RawRecord } from './formats/records.ts';
import { readXlsx } from './formats/xlsx.ts';
import type {
  ImportFile,
  ImportNode,
  ImportProblem,
  ImportRelation,
  ImportSet,
  InputFile,
  Origin,
  PropertyValue,
  ReadOptions,
  UnknownType,
} from './model.ts';
import { normalizeNodeId } from './read-ids.ts';
import { TypeResolver, type Resolution } from './types.ts';
import { LIMITS, Problems, aliasValues, formatNumber, propertyValue, textValue } from './validate.ts';

/** The file name used for problems of the mapping (options.mapping) rather than of a file. */
export const MAPPING_FILE = 'mapping';

/**
 * Property names a record may not carry: the node's own fields and those computed at load.
 * A column or attribute of that name that is not read as the field is reported.
 */
const RESERVED_PROPERTIES = new Set([
  'id',
  'type',
  'name_zh',
  'name_en',
  'aliases',
  'evidence',
  'source_url',
  'originalid',
  'original_id',
  'dataset',
  'sources',
  'pinyin',
  'pinyin_initials',
  'pinyin_words',
  'name_en_lower',
]);

const reservedCache = new Map<string, boolean>();
function isReserved(key: string): boolean {
  let reserved = reservedCache.get(key);
  if (reserved === undefined) {
    reserved = RESERVED_PROPERTIES.has(key.toLowerCase());
    if (reservedCache.size < 10_000) reservedCache.set(key, reserved);
  }
  return reserved;
}

async function readOne(
  input: InputFile,
  options: ReadOptions,
  ctx: FormatContext,
  out: FileRecords,
): Promise<ImportFile> {
  const bytes = input.bytes;
  const ext = extensionOf(input.name);
  const info: ImportFile = {
    name: input.name,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    format: formatByExtension(ext) ?? 'csv',
  };
  const fail = (message: string, line?: number) =>
    ctx.problems.add({ file: ctx.file, ...(line !== undefined ? { line } : {}), message });
  if (bytes.length === 0) {
    fail('is empty (0 bytes)');
    return info;
  }
  if (ext === 'xls' || isOle(bytes)) {
    fail('is an Excel 97–2003 workbook (.xls): save it as .xlsx or CSV');
    return info;
  }
  if (ext === 'xlsx' || ext === 'xlsm' || isZip(bytes)) {
    info.format = 'xlsx';
    if (!isZip(bytes))
      fail('is not an XLSX workbook: an XLSX file is a ZIP archive, and these bytes do not start as one');
    else await readXlsx(ctx, bytes, out);
    return info;
  }
  const declared = xmlDeclaredEncoding(bytes);
  const decoded = decode(bytes, {
    ...(options.encoding !== undefined ? { forced: options.encoding } : {}),
    ...(declared !== undefined ? { declared } : {}),
  });
  if (!decoded.ok) {
    fail(decoded.message, decoded.line);
    return info;
  }
  info.encoding = decoded.encoding;
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    fail(`holds a NUL character (at character ${nul}): it is not a text file`, lineOfIndex(text, nul));
    return info;
  }
  if (text.trim() === '') {
    fail('is empty (only white space)');
    return info;
  }
  const format = textFormat(text, ext);
  if (typeof format === 'object') {
    fail(format.problem, 1);
    return info;
  }
  info.format = format;
  switch (format) {
    case 'csv':
      readCsv(ctx, text, out);
      break;
    case 'json':
      info.format = readJson(ctx, text, out);
      break;
    case 'gexf':
      readGexf(ctx, text, out);
      break;
    case 'graphml':
      readGraphml(ctx, text, out);
      break;
  }
  return info;
}

function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

interface Entry {
  node: ImportNode;
  /** node.id, kept here so that a relation needs no visit to the node (500,000 cache misses). */
  id: string;
  index: number;
}

const MAX_TIE_NODES = 20_000_000;
const RELATION_INDEX = new Map(RELATION_TYPE_NAMES.map((t, i) => [t, i]));

function shown(node: ImportNode): string {
  return node.originalId ?? node.id;
}

function endsOf(raw: RawEdge): string {
  return `${nameOf(raw, 'source')}, ${nameOf(raw, 'target')}`;
}

function nameOf<F extends string>(record: RawRecord<F>, field: F): string | undefined {
  const i = record.layout.field[field];
  return i === undefined ? undefined : record.layout.names[i];
}

/** `file:line` or `file path`, for messages that point at another record. */
export function where(origin: Origin): string {
  if (origin.line !== undefined) return `${origin.file}:${origin.line}`;
  return origin.path ? `${origin.file} ${origin.path}` : origin.file;
}

interface UnknownEntry {
  kind: 'node' | 'relation';
  value: string;
  suggestions: string[];
  origin: Origin;
  field: string;
  count: number;
}

class Assembler {
  readonly nodes: ImportNode[] = [];
  readonly relations: ImportRelation[] = [];
  /** Nodes by the data's id and by their own; `index` numbers them for the tie keys. */
  private readonly byOriginal = new Map<string, Entry>();
  private readonly byId = new Map<string, Entry>();
  private readonly relationIds = new Map<string, Origin>();
  /** The first relation of each tie, keyed by type and end numbers (numbers: 600,000 string keys cost seconds of GC). */
  private readonly ties = new Map<number, ImportRelation>();
  /** Unknown type values per file and field (one problem each), and overall (unknownTypes). */
  private readonly unknownByFile = new Map<string, UnknownEntry>();
  private readonly unknownAll = new Map<string, UnknownType>();
  readonly nodeTypes: TypeResolver<NodeType>;
  readonly relationTypes: TypeResolver<RelationType>;

  constructor(
    private readonly problems: Problems,
    options: ReadOptions,
  ) {
    this.nodeTypes = new TypeResolver<NodeType>('node', options.mapping?.nodeTypes);
    this.relationTypes = new TypeResolver<RelationType>('relation', options.mapping?.relationTypes);
    for (const p of [...this.nodeTypes.problems, ...this.relationTypes.problems])
      problems.add({ file: MAPPING_FILE, field: p.field, message: p.message });
  }

  private problem(origin: Origin, field: string | undefined, message: string): void {
    const p: ImportProblem = { file: origin.file } as ImportProblem;
    if (origin.line !== undefined) p.line = origin.line;
    if (origin.path !== undefined) p.path = origin.path;
    if (field !== undefined) p.field = field;
    p.message = message;
    this.problems.add(p);
  }

  /**
   * A text field's value, or undefined when the record has none or it is empty; `failed` when
   * the value was there but wrong (too long, an object), a problem already reported.
   */
  private text<F extends string>(record: RawRecord<F>, field: F): string | undefined {
    const i = record.layout.field[field];
    if (i === undefined) return undefined;
    const value = record.values[i];
    if (typeof value === 'string' && value.length <= LIMITS.valueLength) {
      // The common case, without allocations (600,000 CSV rows).
      const text = value.trim();
      return text === '' ? undefined : text;
    }
    const checked = textValue(value);
    if (checked === undefined) return undefined;
    if ('message' in checked) {
      this.problem(record.origin, record.layout.names[i], checked.message);
      this.failed = true;
      return undefined;
    }
    return checked.text;
  }

  /** Set by text() when a value was reported; reset by whoever asks. */
  private failed = false;

  private type<T extends string, F extends string>(
    kind: 'node' | 'relation',
    resolver: TypeResolver<T>,
    record: RawRecord<F>,
    field: F,
  ): T {
    const resolved: Resolution<T> = resolver.resolve(this.text(record, field));
    if ('type' in resolved) return resolved.type;
    const fieldName = nameOf(record, field) ?? 'type';
    const origin = record.origin;
    const fileKey = `${kind}\u0000${origin.file}\u0000${fieldName}\u0000${resolved.unknown}`;
    const entry = this.unknownByFile.get(fileKey);
    if (entry) entry.count++;
    else
      this.unknownByFile.set(fileKey, {
        kind,
        value: resolved.unknown,
        suggestions: resolved.suggestions,
        origin,
        field: fieldName,
        count: 1,
      });
    const allKey = `${kind}\u0000${resolved.unknown}`;
    const all = this.unknownAll.get(allKey);
    if (all) all.count++;
    else this.unknownAll.set(allKey, { kind, value: resolved.unknown, count: 1, suggestions: resolved.suggestions });
    return resolver.generic;
  }

  private properties<F extends string>(record: RawRecord<F>): Record<string, PropertyValue> {
    const out: Record<string, PropertyValue> = {};
    const { layout, values, origin } = record;
    for (const i of layout.props) {
      const name = layout.names[i]!;
      const value = values[i];
      if (value === undefined || value === null || value === '') continue;
      const key = name.trim();
      if (key === '') continue;
      if (isReserved(key)) {
        this.problem(origin, name, 'is a reserved name (a field of every node, or computed at load); rename it');
        continue;
      }
      const checked = propertyValue(key, value, layout.declared?.[i], layout.declaredNames?.[i]);
      if (checked === undefined) continue;
      if ('message' in checked) {
        this.problem(origin, name, checked.message);
        continue;
      }
      if (Object.prototype.hasOwnProperty.call(out, key)) {
        this.problem(origin, name, 'is given twice; only one value per property can be imported');
        continue;
      }
      out[key] = checked.value;
    }
    return out;
  }

  /** Registers a node under its original id; undefined (and a problem) when the id is taken. */
  private register(node: ImportNode, original: string, field: string): Entry | undefined {
    const first = this.byOriginal.get(original);
    if (first) {
      this.problem(node.origin, field, `duplicate id "${original}": ${where(first.node.origin)} has it too`);
      return undefined;
    }
    const clash = this.byId.get(node.id)?.node;
    if (clash) {
      this.problem(
        node.origin,
        field,
        `id "${original}" becomes "${node.id}", as "${shown(clash)}" at ${where(clash.origin)} does (ids must stay distinct after normalisation)`,
      );
      return undefined;
    }
    if (this.nodes.length >= MAX_TIE_NODES) {
      this.problem(node.origin, field, `is past ${formatNumber(MAX_TIE_NODES)} nodes, the most one import can hold`);
      return undefined;
    }
    const entry: Entry = { node, id: node.id, index: this.nodes.length };
    this.byOriginal.set(original, entry);
    this.byId.set(node.id, entry);
    this.nodes.push(node);
    return entry;
  }

  /** Reports a required field that is missing or empty (unless its value was already reported). */
  private required<F extends string>(record: RawRecord<F>, field: F, what: string): void {
    if (this.failed) return;
    const name = nameOf(record, field);
    this.problem(record.origin, name ?? field, `${name === undefined ? 'is missing' : 'is empty'}: ${what}`);
  }

  node(raw: RawNode): void {
    const origin = raw.origin;
    this.failed = false;
    const original = this.text(raw, 'id');
    if (original === undefined) {
      this.required(raw, 'id', 'every node needs an id');
      return;
    }
    const id = normalizeNodeId(original);
    const node: ImportNode = {
      id,
      type: this.type('node', this.nodeTypes, raw, 'type'),
      aliases: [],
      properties: {},
      origin,
    };
    if (id !== original) node.originalId = original;
    this.failed = false;
    let zh = this.text(raw, 'name_zh');
    let en = this.text(raw, 'name_en');
    const name = this.text(raw, 'name');
    const aliases: string[] = [];
    if (name !== undefined) {
      if (hasHan(name)) {
        if (zh === undefined) zh = name;
        else if (zh !== name) aliases.push(name);
      } else if (en === undefined) en = name;
      else if (en !== name) aliases.push(name);
    }
    if (zh === undefined && en === undefined && !this.failed) {
      const named = (['name', 'name_zh', 'name_en'] as const).map((f) => nameOf(raw, f)).filter((n) => n !== undefined);
      if (raw.nameFromId && named.length === 0) {
        if (hasHan(original)) zh = original;
        else en = original;
      } else
        this.problem(
          origin,
          named.length > 0 ? named.join(', ') : 'name',
          `${named.length > 0 ? 'is empty' : 'is missing'}: a node needs a name (name, name_zh or name_en)`,
        );
    }
    if (zh !== undefined) node.name_zh = zh;
    if (en !== undefined) node.name_en = en;
    const aliasIndex = raw.layout.field.aliases;
    if (aliasIndex !== undefined) {
      const checked = aliasValues(raw.values[aliasIndex]);
      if (checked && 'message' in checked) this.problem(origin, raw.layout.names[aliasIndex], checked.message);
      else if (checked) for (const a of checked.list) if (!aliases.includes(a)) aliases.push(a);
    }
    node.aliases = aliases.filter((a) => a !== zh && a !== en);
    const evidence = this.text(raw, 'evidence');
    if (evidence !== undefined) node.evidence = evidence;
    const url = this.text(raw, 'source_url');
    if (url !== undefined) node.source_url = url;
    node.properties = this.properties(raw);
    this.register(node, original, nameOf(raw, 'id')!);
  }

  /** The node of an edge end; inferred (and registered) when no file provides nodes. */
  private end(raw: RawEdge, which: 'source' | 'target', infer: boolean): Entry | undefined {
    this.failed = false;
    const value = this.text(raw, which);
    if (value === undefined) {
      this.required(raw, which, `every relation needs a ${which}`);
      return undefined;
    }
    const known = this.byOriginal.get(value);
    if (known) return known;
    const field = nameOf(raw, which)!;
    if (infer) {
      const id = normalizeNodeId(value);
      const node: ImportNode = { id, type: this.nodeTypes.untyped, aliases: [], properties: {}, origin: raw.origin };
      if (id !== value) node.originalId = value;
      if (hasHan(value)) node.name_zh = value;
      else node.name_en = value;
      return this.register(node, value, field);
    }
    const similar = this.byId.get(normalizeNodeId(value))?.node;
    this.problem(
      raw.origin,
      field,
      `no node has the id "${value}"${similar ? ` (did you mean "${shown(similar)}" at ${where(similar.origin)}?)` : ''}`,
    );
    return undefined;
  }

  relation(raw: RawEdge, infer: boolean): void {
    const origin = raw.origin;
    const source = this.end(raw, 'source', infer);
    const target = this.end(raw, 'target', infer);
    const type = this.type('relation', this.relationTypes, raw, 'type');
    const id = this.text(raw, 'id');
    if (id !== undefined) {
      const first = this.relationIds.get(id);
      if (first) {
        this.problem(origin, nameOf(raw, 'id'), `duplicate relation id "${id}": ${where(first)} has it too`);
        return;
      }
      this.relationIds.set(id, origin);
    }
    const evidence = this.text(raw, 'evidence');
    const url = this.text(raw, 'source_url');
    const properties = this.properties(raw);
    if (!source || !target) return;
    if (source === target) {
      this.problem(origin, endsOf(raw), `relates "${shown(source.node)}" to itself (a self-loop)`);
      return;
    }
    const undirected = isUndirected(type);
    const [a, b] = undirected && source.index > target.index ? [target, source] : [source, target];
    // type, a, b as one number: exact while (types × nodes²) < 2^53, i.e. up to 20 million nodes.
    const n = MAX_TIE_NODES;
    const key = (RELATION_INDEX.get(type)! * n + a.index) * n + b.index;
    const tie = this.ties.get(key);
    if (tie && (tie.id === undefined || id === undefined)) {
      this.problem(
        origin,
        endsOf(raw),
        undirected
          ? `repeats the ${type} tie between "${shown(a.node)}" and "${shown(b.node)}" of ${where(tie.origin)} (${type} has no direction: A–B and B–A are one tie; give each an id to keep both)`
          : `repeats the ${type} relation from "${shown(a.node)}" to "${shown(b.node)}" of ${where(tie.origin)} (give each an id to keep both)`,
      );
      return;
    }
    const relation: ImportRelation = { source: source.id, target: target.id, type, properties, origin };
    if (id !== undefined) relation.id = id;
    if (evidence !== undefined) relation.evidence = evidence;
    if (url !== undefined) relation.source_url = url;
    if (!tie) this.ties.set(key, relation);
    this.relations.push(relation);
  }

  unknownTypes(): UnknownType[] {
    for (const e of this.unknownByFile.values()) {
      const records = e.count === 1 ? '1 record' : `${formatNumber(e.count)} records`;
      const first = e.count > 1 ? `, the first here` : '';
      this.problem(
        e.origin,
        e.field,
        `unknown ${e.kind} type "${e.value}" (${records}${first}); closest: ${e.suggestions.join(', ')}; map it onto a ${e.kind} type`,
      );
    }
    return [...this.unknownAll.values()];
  }
}

/**
 * Reads the files of one import into nodes and relations mapped onto the ontology, with every
 * problem found. Never throws for bad input: what cannot be read is a problem.
 */
export async function readImport(files: InputFile[], options: ReadOptions = {}): Promise<ImportSet> {
  const problems = new Problems();
  const infos: ImportFile[] = [];
  const reads: FileRecords[] = [];
  const names = new Set<string>();
  for (const input of files) {
    const ctx: FormatContext = { file: input.name, problems };
    const out: FileRecords = { nodes: [], edges: [], providesNodes: false };
    if (names.has(input.name)) {
      problems.add({ file: input.name, message: 'is given twice (two files of one import need different names)' });
      continue;
    }
    names.add(input.name);
    try {
      infos.push(await readOne(input, options, ctx, out));
      reads.push(out);
    } catch (error) {
      // A reader's own failure (a bug, or a library's) is this file's problem, not the import's end.
      problems.add({ file: input.name, message: `could not be read (${(error as Error).message})` });
      infos.push({
        name: input.name,
        bytes: input.bytes.length,
        sha256: createHash('sha256').update(input.bytes).digest('hex'),
        format: formatByExtension(extensionOf(input.name)) ?? 'csv',
      });
    }
  }
  const assembler = new Assembler(problems, options);
  for (const read of reads) for (const raw of read.nodes) assembler.node(raw);
  const infer = !reads.some((r) => r.providesNodes);
  for (const read of reads) for (const raw of read.edges) assembler.relation(raw, infer);
  const unknownTypes = assembler.unknownTypes();
  const order = new Map<string, number>([[MAPPING_FILE, -1]]);
  infos.forEach((f, i) => order.set(f.name, i));
  const listed = problems
    .listed()
    .map((p, i) => ({ p, i }))
    .sort(
      (x, y) =>
        (order.get(x.p.file) ?? 0) - (order.get(y.p.file) ?? 0) || (x.p.line ?? 0) - (y.p.line ?? 0) || x.i - y.i,
    )
    .map(({ p }) => p)
    .concat(problems.overflow());
  return { files: infos, nodes: assembler.nodes, relations: assembler.relations, problems: listed, unknownTypes };
}

// Reads a dataset folder into validated records. Every problem is reported with its file,
// line, record and field, and all problems are collected before failing, so one run shows
// everything to fix. Nothing is written anywhere from here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, isMap, isSeq, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { isNodeType } from '../domain/ontology.ts';
import { seedStorySchema, storyFrom, type SeedStory } from '../domain/story-schema.ts';
import {
  datasetFileSchema,
  nodeRecordSchema,
  relationId,
  relationRecordSchema,
  sourceRecordSchema,
  type DatasetFile,
  type NodeRecord,
  type RelationRecord,
  type SeedDataset,
  type SourceRecord,
} from './schema.ts';

export interface SeedProblem {
  file: string;
  line?: number;
  record?: string;
  field?: string;
  message: string;
}

export class SeedError extends Error {
  override name = 'SeedError';
  constructor(readonly problems: SeedProblem[]) {
    super(`${problems.length} problem(s) in the seed data:\n${problems.map(formatProblem).join('\n')}`);
  }
}

export function formatProblem(p: SeedProblem): string {
  const where = `${p.file}${p.line ? `:${p.line}` : ''}`;
  const record = p.record ? ` record "${p.record}"` : '';
  const field = p.field ? ` field "${p.field}"` : '';
  return `  ${where}${record}${field}: ${p.message}`;
}

/** Collapses whitespace so that a quote matches across the source's line breaks. */
export type { SeedDataset };

export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

interface ParsedFile {
  rel: string;
  doc: Document;
  lines: LineCounter;
}

function lineOf(file: ParsedFile, at: (string | number)[]): number | undefined {
  for (let depth = at.length; depth >= 0; depth--) {
    const node = file.doc.getIn(at.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return file.lines.linePos(node.range[0]).line;
  }
  return undefined;
}

function recordName(value: unknown, index: number): string {
  if (value && typeof value === 'object' && 'id' in value && typeof value.id === 'string') return value.id;
  if (value && typeof value === 'object' && 'source' in value && 'target' in value) {
    const v = value as Record<string, unknown>;
    return `${String(v.source)} ${String(v.type)} ${String(v.target)}`;
  }
  return `#${index + 1}`;
}

/** One reading of a dataset folder: the problems found so far, and the sources' texts. */
class SeedReader {
  readonly problems: SeedProblem[] = [];
  private sourceText = new Map<string, string>();

  constructor(
    private readonly dir: string,
    private readonly displayRoot: string,
  ) {}

  rel(p: string): string {
    return path.relative(this.displayRoot, p) || p;
  }

  parse(file: string): ParsedFile | undefined {
    const lines = new LineCounter();
    let textContent: string;
    try {
      textContent = readFileSync(file, 'utf8');
    } catch (error) {
      this.problems.push({ file: this.rel(file), message: `cannot read: ${(error as Error).message}` });
      return undefined;
    }
    const doc = parseDocument(textContent, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    for (const error of doc.errors) {
      this.problems.push({
        file: this.rel(file),
        line: lines.linePos(error.pos[0]).line,
        message: `YAML: ${error.message.split('\n')[0]}`,
      });
    }
    return doc.errors.length > 0 ? undefined : { rel: this.rel(file), doc, lines };
  }

  validate<T extends z.ZodType>(
    file: ParsedFile,
    schema: T,
    at: number[],
    value: unknown,
    name: string | undefined,
  ): z.output<T> | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const fieldPath = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      const field =
        issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : fieldPath.length ? fieldPath.join('.') : undefined;
      const message = issue.code === 'unrecognized_keys' ? 'unknown field (check its spelling)' : issue.message;
      this.problems.push({ file: file.rel, line: lineOf(file, [...at, ...fieldPath]), record: name, field, message });
    }
    return undefined;
  }

  listOf(file: ParsedFile): unknown[] {
    if (!isSeq(file.doc.contents)) {
      this.problems.push({
        file: file.rel,
        line: 1,
        message: 'must be a YAML list of records (each starting with "- ")',
      });
      return [];
    }
    return file.doc.toJS() as unknown[];
  }

  /** Every quote must occur verbatim (whitespace aside) in the source it names. */
  checkEvidence(
    file: ParsedFile,
    at: (string | number)[],
    record: string,
    evidence: { source: string; quote: string }[],
    /** Where the evidence sits in a record that nests it (a story's step: `steps.2.`). */
    prefix = '',
  ): void {
    evidence.forEach((e, j) => {
      const text = this.sourceText.get(e.source);
      const problem = (key: 'source' | 'quote', message: string) =>
        this.problems.push({
          file: file.rel,
          line: lineOf(file, [...at, 'evidence', j, key]),
          record,
          field: `${prefix}evidence.${j}.${key}`,
          message,
        });
      if (text === undefined) problem('source', `unknown source "${e.source}" (not in sources.yaml)`);
      else if (!text.includes(normalizeWhitespace(e.quote)))
        problem('quote', `the quote does not occur verbatim in source "${e.source}"`);
    });
  }

  /** dataset.yaml */
  dataset(): DatasetFile | undefined {
    const file = this.parse(path.join(this.dir, 'dataset.yaml'));
    if (!file) return undefined;
    if (isMap(file.doc.contents)) return this.validate(file, datasetFileSchema, [], file.doc.toJS(), undefined);
    this.problems.push({ file: file.rel, line: 1, message: 'must be a YAML mapping' });
    return undefined;
  }

  /** sources.yaml and the texts beside it. */
  sources(): SourceRecord[] {
    const sources: SourceRecord[] = [];
    const file = this.parse(path.join(this.dir, 'sources.yaml'));
    if (file)
      this.listOf(file).forEach((value, i) => {
        const record = this.validate(file, sourceRecordSchema, [i], value, recordName(value, i));
        if (!record) return;
        const textFile = path.join(this.dir, record.file);
        if (existsSync(textFile)) sources.push({ ...record, text: readFileSync(textFile, 'utf8') });
        else
          this.problems.push({
            file: file.rel,
            line: lineOf(file, [i, 'file']),
            record: record.id,
            field: 'file',
            message: `no such file ${this.rel(textFile)}`,
          });
      });
    this.sourceText = new Map(sources.map((s) => [s.id, normalizeWhitespace(s.text)]));
    return sources;
  }

  /** nodes/<Type>.yaml; `located` gets each id's file and line (the relations check their ends). */
  nodes(located: Map<string, string>): NodeRecord[] {
    const nodes: NodeRecord[] = [];
    const nodesDir = path.join(this.dir, 'nodes');
    const nodeFiles = existsSync(nodesDir)
      ? readdirSync(nodesDir)
          .filter((f) => /\.ya?ml$/.test(f))
          .sort()
      : [];
    if (nodeFiles.length === 0)
      this.problems.push({ file: this.rel(nodesDir), message: 'no node files (nodes/<Type>.yaml)' });
    for (const name of nodeFiles) {
      const type = name.replace(/\.ya?ml$/, '');
      const file = this.parse(path.join(nodesDir, name));
      if (!file) continue;
      if (!isNodeType(type)) {
        this.problems.push({
          file: file.rel,
          message: `"${type}" is not a node type of the ontology (domain/ontology.ts)`,
        });
        continue;
      }
      this.listOf(file).forEach((value, i) => {
        const record = this.validate(file, nodeRecordSchema, [i], value, recordName(value, i));
        if (!record) return;
        const earlier = located.get(record.id);
        if (earlier) {
          const message = `duplicate id (first at ${earlier})`;
          this.problems.push({
            file: file.rel,
            line: lineOf(file, [i, 'id']),
            record: record.id,
            field: 'id',
            message,
          });
          return;
        }
        located.set(record.id, `${file.rel}:${lineOf(file, [i]) ?? '?'}`);
        this.checkEvidence(file, [i], record.id, record.evidence);
        nodes.push({ ...record, type });
      });
    }
    return nodes;
  }

  /** relations.yaml: ends among the nodes, no tie twice. */
  relations(located: ReadonlyMap<string, string>): RelationRecord[] {
    const relations: RelationRecord[] = [];
    const file = this.parse(path.join(this.dir, 'relations.yaml'));
    if (!file) return relations;
    const seen = new Map<string, number | undefined>();
    this.listOf(file).forEach((value, i) => {
      const name = recordName(value, i);
      const record = this.validate(file, relationRecordSchema, [i], value, name);
      if (!record) return;
      for (const end of ['source', 'target'] as const)
        if (!located.has(record[end]))
          this.problems.push({
            file: file.rel,
            line: lineOf(file, [i, end]),
            record: name,
            field: end,
            message: `no node with id "${record[end]}"`,
          });
      const id = relationId(record);
      if (seen.has(id)) {
        const message = `duplicate relation (first at line ${seen.get(id)}); merge their evidence`;
        this.problems.push({ file: file.rel, line: lineOf(file, [i]), record: name, message });
        return;
      }
      seen.set(id, lineOf(file, [i]));
      this.checkEvidence(file, [i], name, record.evidence);
      relations.push({ ...record, id });
    });
    return relations;
  }

  /** stories/<id>.yaml: the built-in stories, whose steps quote the sources like the records do. */
  stories(): SeedStory[] {
    const stories: SeedStory[] = [];
    const storiesDir = path.join(this.dir, 'stories');
    const storyFiles = existsSync(storiesDir) ? readdirSync(storiesDir).filter((f) => /\.ya?ml$/.test(f)) : [];
    for (const name of storyFiles.sort()) {
      const file = this.parse(path.join(storiesDir, name));
      if (!file) continue;
      if (!isMap(file.doc.contents)) {
        this.problems.push({ file: file.rel, line: 1, message: 'must be a YAML mapping (one story)' });
        continue;
      }
      const value: unknown = file.doc.toJS();
      const story = this.validate(file, seedStorySchema, [], value, recordName(value, 0));
      if (!story) continue;
      const stem = name.replace(/\.ya?ml$/, '');
      if (story.id !== stem) {
        const message = `must be the file's name "${stem}" (one story per file, named by its id)`;
        this.problems.push({ file: file.rel, line: lineOf(file, ['id']), record: story.id, field: 'id', message });
      }
      story.steps.forEach((step, i) =>
        this.checkEvidence(file, ['steps', i], story.id, step.evidence ?? [], `steps.${i}.`),
      );
      stories.push(story);
    }
    return stories;
  }
}

export function readSeedDataset(dir: string, displayRoot = process.cwd()): SeedDataset {
  const reader = new SeedReader(dir, displayRoot);
  const dataset = reader.dataset();
  // The sources first: every record's evidence is checked against their texts.
  const sources = reader.sources();
  const located = new Map<string, string>();
  const nodes = reader.nodes(located);
  const relations = reader.relations(located);
  const stories = reader.stories();
  if (reader.problems.length > 0 || !dataset) throw new SeedError(reader.problems);
  const { name } = dataset;
  return {
    dataset,
    sources,
    nodes,
    relations,
    stories: stories.map((story) => storyFrom(story, { id: story.id, dataset: name, builtin: true })),
  };
}

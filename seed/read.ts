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

export function readSeedDataset(dir: string, displayRoot = process.cwd()): SeedDataset {
  const problems: SeedProblem[] = [];
  const rel = (p: string) => path.relative(displayRoot, p) || p;

  const parse = (file: string): ParsedFile | undefined => {
    const lines = new LineCounter();
    let textContent: string;
    try {
      textContent = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push({ file: rel(file), message: `cannot read: ${(error as Error).message}` });
      return undefined;
    }
    const doc = parseDocument(textContent, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    for (const error of doc.errors) {
      problems.push({
        file: rel(file),
        line: lines.linePos(error.pos[0]).line,
        message: `YAML: ${error.message.split('\n')[0]}`,
      });
    }
    return doc.errors.length > 0 ? undefined : { rel: rel(file), doc, lines };
  };

  const validate = <T extends z.ZodType>(
    file: ParsedFile,
    schema: T,
    at: number[],
    value: unknown,
    recordName: string | undefined,
  ): z.output<T> | undefined => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const fieldPath = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      const field =
        issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : fieldPath.length ? fieldPath.join('.') : undefined;
      const message = issue.code === 'unrecognized_keys' ? 'unknown field (check its spelling)' : issue.message;
      problems.push({ file: file.rel, line: lineOf(file, [...at, ...fieldPath]), record: recordName, field, message });
    }
    return undefined;
  };

  const listOf = (file: ParsedFile): unknown[] => {
    if (!isSeq(file.doc.contents)) {
      problems.push({ file: file.rel, line: 1, message: 'must be a YAML list of records (each starting with "- ")' });
      return [];
    }
    return file.doc.toJS() as unknown[];
  };

  const recordName = (value: unknown, index: number): string => {
    if (value && typeof value === 'object' && 'id' in value && typeof value.id === 'string') return value.id;
    if (value && typeof value === 'object' && 'source' in value && 'target' in value) {
      const v = value as Record<string, unknown>;
      return `${String(v.source)} ${String(v.type)} ${String(v.target)}`;
    }
    return `#${index + 1}`;
  };

  // dataset.yaml
  let dataset: DatasetFile | undefined;
  const datasetFile = parse(path.join(dir, 'dataset.yaml'));
  if (datasetFile) {
    if (!isMap(datasetFile.doc.contents))
      problems.push({ file: datasetFile.rel, line: 1, message: 'must be a YAML mapping' });
    else dataset = validate(datasetFile, datasetFileSchema, [], datasetFile.doc.toJS(), undefined);
  }

  // sources.yaml and the texts beside it
  const sources: SourceRecord[] = [];
  const sourcesFile = parse(path.join(dir, 'sources.yaml'));
  if (sourcesFile) {
    listOf(sourcesFile).forEach((value, i) => {
      const record = validate(sourcesFile, sourceRecordSchema, [i], value, recordName(value, i));
      if (!record) return;
      const textFile = path.join(dir, record.file);
      if (!existsSync(textFile)) {
        problems.push({
          file: sourcesFile.rel,
          line: lineOf(sourcesFile, [i, 'file']),
          record: record.id,
          field: 'file',
          message: `no such file ${rel(textFile)}`,
        });
        return;
      }
      sources.push({ ...record, text: readFileSync(textFile, 'utf8') });
    });
  }
  const sourceText = new Map(sources.map((s) => [s.id, normalizeWhitespace(s.text)]));

  const checkEvidence = (
    file: ParsedFile,
    at: (string | number)[],
    record: string,
    evidence: { source: string; quote: string }[],
    /** Where the evidence sits in a record that nests it (a story's step: `steps.2.`). */
    prefix = '',
  ) => {
    evidence.forEach((e, j) => {
      const text = sourceText.get(e.source);
      if (text === undefined) {
        problems.push({
          file: file.rel,
          line: lineOf(file, [...at, 'evidence', j, 'source']),
          record,
          field: `${prefix}evidence.${j}.source`,
          message: `unknown source "${e.source}" (not in sources.yaml)`,
        });
      } else if (!text.includes(normalizeWhitespace(e.quote))) {
        problems.push({
          file: file.rel,
          line: lineOf(file, [...at, 'evidence', j, 'quote']),
          record,
          field: `${prefix}evidence.${j}.quote`,
          message: `the quote does not occur verbatim in source "${e.source}"`,
        });
      }
    });
  };

  // nodes/<Type>.yaml
  const nodes: NodeRecord[] = [];
  const nodeLocation = new Map<string, string>();
  const nodesDir = path.join(dir, 'nodes');
  const nodeFiles = existsSync(nodesDir)
    ? readdirSync(nodesDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  if (nodeFiles.length === 0) problems.push({ file: rel(nodesDir), message: 'no node files (nodes/<Type>.yaml)' });
  for (const name of nodeFiles) {
    const type = name.replace(/\.ya?ml$/, '');
    const file = parse(path.join(nodesDir, name));
    if (!file) continue;
    if (!isNodeType(type)) {
      problems.push({ file: file.rel, message: `"${type}" is not a node type of the ontology (domain/ontology.ts)` });
      continue;
    }
    listOf(file).forEach((value, i) => {
      const id = recordName(value, i);
      const record = validate(file, nodeRecordSchema, [i], value, id);
      if (!record) return;
      const where = `${file.rel}:${lineOf(file, [i]) ?? '?'}`;
      const earlier = nodeLocation.get(record.id);
      if (earlier) {
        problems.push({
          file: file.rel,
          line: lineOf(file, [i, 'id']),
          record: record.id,
          field: 'id',
          message: `duplicate id (first at ${earlier})`,
        });
        return;
      }
      nodeLocation.set(record.id, where);
      checkEvidence(file, [i], record.id, record.evidence);
      nodes.push({ ...record, type });
    });
  }

  // relations.yaml
  const relations: RelationRecord[] = [];
  const relationsFile = parse(path.join(dir, 'relations.yaml'));
  if (relationsFile) {
    const seen = new Map<string, number | undefined>();
    listOf(relationsFile).forEach((value, i) => {
      const name = recordName(value, i);
      const record = validate(relationsFile, relationRecordSchema, [i], value, name);
      if (!record) return;
      for (const end of ['source', 'target'] as const) {
        if (!nodeLocation.has(record[end])) {
          problems.push({
            file: relationsFile.rel,
            line: lineOf(relationsFile, [i, end]),
            record: name,
            field: end,
            message: `no node with id "${record[end]}"`,
          });
        }
      }
      const id = relationId(record);
      if (seen.has(id)) {
        problems.push({
          file: relationsFile.rel,
          line: lineOf(relationsFile, [i]),
          record: name,
          message: `duplicate relation (first at line ${seen.get(id)}); merge their evidence`,
        });
        return;
      }
      seen.set(id, lineOf(relationsFile, [i]));
      checkEvidence(relationsFile, [i], name, record.evidence);
      relations.push({ ...record, id });
    });
  }

  // stories/<id>.yaml: the built-in stories, whose steps quote the sources like the records do
  const stories: SeedStory[] = [];
  const storiesDir = path.join(dir, 'stories');
  const storyFiles = existsSync(storiesDir) ? readdirSync(storiesDir).filter((f) => /\.ya?ml$/.test(f)) : [];
  for (const name of storyFiles.sort()) {
    const file = parse(path.join(storiesDir, name));
    if (!file) continue;
    if (!isMap(file.doc.contents)) {
      problems.push({ file: file.rel, line: 1, message: 'must be a YAML mapping (one story)' });
      continue;
    }
    const value: unknown = file.doc.toJS();
    const story = validate(file, seedStorySchema, [], value, recordName(value, 0));
    if (!story) continue;
    const stem = name.replace(/\.ya?ml$/, '');
    if (story.id !== stem) {
      const message = `must be the file's name "${stem}" (one story per file, named by its id)`;
      problems.push({ file: file.rel, line: lineOf(file, ['id']), record: story.id, field: 'id', message });
    }
    story.steps.forEach((step, i) => checkEvidence(file, ['steps', i], story.id, step.evidence ?? [], `steps.${i}.`));
    stories.push(story);
  }

  if (problems.length > 0 || !dataset) throw new SeedError(problems);
  const { name } = dataset;
  return {
    dataset,
    sources,
    nodes,
    relations,
    stories: stories.map((story) => storyFrom(story, { id: story.id, dataset: name, builtin: true })),
  };
}

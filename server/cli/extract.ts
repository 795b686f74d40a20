// `npm run extract -- FILE [--dataset NAME] [--json] [--encoding ENC]`: the entities, groups,
// figures and relations a .txt, .md, .docx or .pdf report states, each with its sentence and
// confidence, as a table for reading or JSON for scripts. With --dataset, the dataset's names and
// aliases (read from Neo4j the way the other commands reach it) are the gazetteer: a proposal that
// matches one is marked as a merge. Without it no database is needed. Nothing is written anywhere.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isDatasetName } from '../../domain/ids.ts';
import { DOCUMENT_EXTENSIONS, isDocumentName, readDocument } from '../extract/document.ts';
import { extract } from '../extract/extract.ts';
import type { EntityProposal, Extraction, GazetteerEntry, RelationProposal } from '../../domain/extraction.ts';
import { DatasetRegistry } from '../graph/datasets.ts';
import { readDatasetNames } from '../graph/dataset-names.ts';
import { runCommand, withDatabase } from '../runtime.ts';

const USAGE = 'usage: npm run extract -- FILE [--dataset NAME] [--json] [--encoding ENC]';

class UsageError extends Error {}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { dataset: { type: 'string' }, json: { type: 'boolean', default: false }, encoding: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'no file given' : 'one file at a time');
  if (values.dataset !== undefined && !isDatasetName(values.dataset))
    throw new UsageError(`"${values.dataset}" is not a dataset name (lower-case letters, digits, _ and -)`);
  return { file: positionals[0] as string, dataset: values.dataset, json: values.json, encoding: values.encoding };
}

async function documentOf(file: string, encoding: string | undefined): Promise<string> {
  if (!isDocumentName(file)) throw new Error(`${file}: only ${DOCUMENT_EXTENSIONS.join(', ')} files are read`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    throw new Error(`cannot read ${file}: ${why}`);
  }
  const document = await readDocument(file, bytes, encoding);
  if (!document.ok) throw new Error(document.message);
  return document.text;
}

/** The dataset's names and aliases, as the gazetteer. */
async function datasetGazetteer(name: string): Promise<GazetteerEntry[]> {
  return withDatabase(async (connection) => {
    const { db } = connection;
    const info = await new DatasetRegistry(db).resolve(name);
    return readDatasetNames(db, info.key);
  });
}

/** Columns of a terminal: Chinese characters and full-width forms take two. */
function width(text: string): number {
  let w = 0;
  for (const char of text) w += /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(char) ? 2 : 1;
  return w;
}

function fit(text: string, columns: number): string {
  let out = '';
  for (const char of text.replace(/\s+/g, ' ')) {
    if (width(out + char) > columns - (width(text) > columns ? 1 : 0)) return `${out}…`;
    out += char;
  }
  return out + ' '.repeat(Math.max(0, columns - width(out)));
}

function figureOf(e: EntityProposal): string {
  if (e.kind === 'group') return `${e.count_qualifier === 'exact' ? '' : `${e.count_qualifier} `}${e.count}`;
  if (e.kind === 'indicator')
    return `${e.value_qualifier === 'exact' ? '' : `${e.value_qualifier} `}${e.value}${e.unit}${e.year ? ` (${e.year})` : ''}`;
  return '';
}

function entityRow(e: EntityProposal): string {
  const merge = e.merge ? `= ${e.merge.id}` : 'new';
  return [
    fit(e.id, 5),
    fit(e.kind, 9),
    fit(e.type, 12),
    fit(e.name, 30),
    fit(figureOf(e), 18),
    e.confidence.toFixed(2),
    fit(merge, 28),
    fit(e.evidence[0]?.text ?? '', 40),
  ].join(' ');
}

function relationRow(r: RelationProposal, names: ReadonlyMap<string, string>): string {
  const ends = `${names.get(r.source)} —${r.type}→ ${names.get(r.target)}`;
  return [
    fit(r.id, 5),
    fit(ends, 64),
    r.confidence.toFixed(2),
    fit(`${r.rule}${r.cue ? ` ${r.cue}` : ''}`, 22),
    fit(r.evidence.text, 40),
  ].join(' ');
}

function printTable(file: string, result: Extraction, gazetteer: string): void {
  const count = (kind: string) => result.entities.filter((e) => e.kind === kind).length;
  const merges = result.entities.filter((e) => e.merge).length;
  console.log(
    `${file}: ${result.sentences.length} sentences; ${result.entities.length} entities (${count('named')} named, ${count('group')} groups, ${count('indicator')} indicators), ${result.relations.length} relations; gazetteer: ${gazetteer}${merges ? `, ${merges} merges` : ''}`,
  );
  console.log(
    `\nEntities\n${['id', 'kind', 'type', 'name', 'count / value', 'conf', 'merge', 'first sentence'].map((h, i) => fit(h, [5, 9, 12, 30, 18, 4, 28, 40][i] ?? 10)).join(' ')}`,
  );
  for (const e of result.entities) console.log(entityRow(e));
  const names = new Map(result.entities.map((e) => [e.id, e.name]));
  console.log(
    `\nRelations\n${['id', 'source —type→ target', 'conf', 'rule', 'sentence'].map((h, i) => fit(h, [5, 64, 4, 22, 40][i] ?? 10)).join(' ')}`,
  );
  for (const r of result.relations) console.log(relationRow(r, names));
}

async function main(): Promise<number> {
  let args;
  try {
    args = parse(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const text = await documentOf(args.file, args.encoding);
  const gazetteer = args.dataset ? await datasetGazetteer(args.dataset) : [];
  const result = extract(text, { gazetteer });
  const source = args.dataset ? `dataset "${args.dataset}" (${gazetteer.length} entities)` : 'none (cold)';
  if (args.json) console.log(JSON.stringify({ file: args.file, gazetteer: args.dataset ?? null, ...result }, null, 2));
  else printTable(args.file, result, source);
  return 0;
}

runCommand(main);

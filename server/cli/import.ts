// `npm run import -- FILE... [--dataset NAME] [--replace | --merge INTO] [--dry-run] [--map FILE]
// [--encoding ENC] [--title TEXT]`: reads the files, reports every problem at once (and then
// writes nothing), or shows what would change (--dry-run), or writes all or nothing. Works beside
// a running `npm start` (same DATA_DIR and ports): the server sees the result at once.
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isDatasetName } from '../../domain/ids.ts';
import { ApiError } from '../errors.ts';
import type { ImportProblem, TypeMapping } from '../import/model.ts';
import { progressLine } from '../import/progress.ts';
import { readImport } from '../import/read.ts';
import { removeStaleStaging, runImport, type ImportMode, type ImportResult } from '../import/write.ts';
import { runCommand, withDatabase } from '../runtime.ts';

const USAGE =
  'usage: npm run import -- FILE... [--dataset NAME] [--replace | --merge INTO] [--dry-run] [--map FILE] [--encoding ENC] [--title TEXT]';

class UsageError extends Error {}

export function formatProblem(p: ImportProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.path ? `${p.file} ${p.path}` : p.file;
  return `  ${where}${p.field ? ` field "${p.field}"` : ''}: ${p.message}`;
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      dataset: { type: 'string' },
      replace: { type: 'boolean', default: false },
      merge: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      map: { type: 'string' },
      encoding: { type: 'string' },
      title: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('no file given');
  if (values.replace && values.merge) throw new UsageError('--replace and --merge exclude each other');
  const dataset = values.merge ?? values.dataset ?? path.basename(positionals[0] as string).replace(/\..*$/, '');
  if (!isDatasetName(dataset))
    throw new UsageError(
      `"${dataset}" is not a dataset name (lower-case letters, digits, _ and -): give --dataset NAME`,
    );
  const mode: ImportMode = values.merge ? 'merge' : values.replace ? 'replace' : 'new';
  let mapping: TypeMapping | undefined;
  if (values.map) {
    try {
      mapping = JSON.parse(readFileSync(values.map, 'utf8')) as TypeMapping;
    } catch (error) {
      throw new UsageError(`--map ${values.map}: ${(error as Error).message}`);
    }
  }
  return {
    files: positionals,
    dataset,
    mode,
    dryRun: values['dry-run'],
    mapping,
    encoding: values.encoding,
    title: values.title,
  };
}

function printResult(result: ImportResult, seconds: number): void {
  const { nodes, relations } = result.summary;
  const verb = result.dryRun ? 'would' : 'did';
  console.log(
    `${result.mode} "${result.dataset}"${result.dryRun ? ' (dry run: nothing written)' : ''}: ` +
      `nodes ${nodes.added} added, ${nodes.matched} matched (${nodes.matchedById} by id, ${nodes.matchedByName} by name); ` +
      `relations ${relations.added} added, ${relations.matched} already there; ${result.conflicts.length} conflict(s)`,
  );
  for (const c of result.conflicts.slice(0, 50))
    console.log(`  conflict: ${c.imported} ↔ ${c.existing.join(', ')} (${c.field}): ${c.message}`);
  if (result.change) {
    const ch = result.change;
    console.log(
      `  ${verb}: nodes +${ch.nodes_added} −${ch.nodes_removed} ~${ch.nodes_changed}, relations +${ch.relations_added} −${ch.relations_removed} in ${seconds.toFixed(1)} s`,
    );
  }
}

async function main(): Promise<number> {
  const args = parse(process.argv.slice(2));
  const inputs = args.files.map((file) => ({ name: path.basename(file), bytes: readFileSync(file) }));
  const started = performance.now();
  const set = await readImport(inputs, { encoding: args.encoding, mapping: args.mapping });
  if (set.problems.length > 0) {
    console.error(`${set.problems.length} problem(s); nothing was written:`);
    for (const p of set.problems.slice(0, 1_000)) console.error(formatProblem(p));
    if (set.problems.length > 1_000) console.error(`  … and ${set.problems.length - 1_000} more`);
    for (const u of set.unknownTypes)
      console.error(
        `  unknown ${u.kind} type "${u.value}" (${u.count}×); closest: ${u.suggestions.join(', ')} — map it with --map`,
      );
    return 1;
  }
  return withDatabase(async (connection) => {
    const progress = progressLine();
    await connection.db.applySchema();
    await removeStaleStaging(connection.db);
    const result = await runImport(connection.db, set, {
      dataset: args.dataset,
      mode: args.mode,
      dryRun: args.dryRun,
      by: `cli (${userInfo().username})`,
      title: args.title,
      onProgress: (phase, done, total) => progress.update(phase, done, total),
    });
    progress.end();
    printResult(result, (performance.now() - started) / 1000);
    return 0;
  });
}

runCommand(main, (error) => {
  if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
  else if (error instanceof ApiError) {
    console.error(`${error.code}: ${error.message}`);
    const details = error.details as { problems?: ImportProblem[] } | undefined;
    for (const p of details?.problems?.slice(0, 1_000) ?? []) console.error(formatProblem(p));
  } else console.error(error instanceof Error ? error.message : error);
  return error instanceof UsageError ? 2 : 1;
});

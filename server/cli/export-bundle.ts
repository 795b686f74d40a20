// `npm run export:bundle -- [--dataset NAME] [--story ID] --out DIR [--force]`: writes an offline
// copy of the explorer for one dataset — a folder whose index.html opens from file:// or any
// static host and asks no server anything (docs/offline.md). Reaches the database as the other
// CLIs do (the managed Neo4j of DATA_DIR, or NEO4J_URI) and prints the size of every file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CURATED_DATASET, isDatasetName } from '../../domain/ids.ts';
import { STORY_ID } from '../../domain/story.ts';
import { readBundle } from '../export/bundle.ts';
import { BundleError } from '../export/bundle-api.ts';
import {
  buildBundleWebIfNeeded,
  checkOutDir,
  formatBytes,
  writeBundleFolder,
  type WrittenFile,
} from '../export/bundle-files.ts';
import { runCommand, withDatabase } from '../runtime.ts';

const USAGE = 'usage: npm run export:bundle -- [--dataset NAME] [--story ID] --out DIR [--force]';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Args {
  dataset: string;
  story: string | undefined;
  out: string;
  force: boolean;
}

function readArgs(): Args | string {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        dataset: { type: 'string' },
        story: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    return (error as Error).message;
  }
  const dataset = values.dataset ?? CURATED_DATASET;
  if (!isDatasetName(dataset)) return `--dataset "${dataset}" is not a dataset name`;
  if (values.story !== undefined && !STORY_ID.test(values.story)) return `--story "${values.story}" is not a story id`;
  if (!values.out) return '--out DIR is required';
  return { dataset, story: values.story, out: path.resolve(values.out), force: values.force === true };
}

function sizeTable(files: WrittenFile[]): string {
  const width = Math.max(...files.map((f) => f.name.length), 'total'.length);
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  const row = (name: string, bytes: number) =>
    `  ${name.padEnd(width)}  ${formatBytes(bytes).padStart(9)}  (${bytes.toLocaleString('en')} bytes)`;
  return [...files.map((f) => row(f.name, f.bytes)), row('total', total)].join('\n');
}

async function main(): Promise<number> {
  const args = readArgs();
  if (typeof args === 'string') {
    console.error(`${args}\n${USAGE}`);
    return 2;
  }
  checkOutDir(args.out, args.force);
  const webDir = buildBundleWebIfNeeded(ROOT, (m) => console.error(m));
  return withDatabase(async (connection, logger) => {
    const bundle = await readBundle(connection.db, {
      dataset: args.dataset,
      story: args.story,
      logger,
      onStep: (step) => console.error(`reading ${step}…`),
    });
    const files = writeBundleFolder(args.out, webDir, bundle, args.force);
    const { graph, stories, sources } = bundle;
    console.log(
      `dataset "${bundle.dataset.name}": ${graph.nodes.length} nodes, ${graph.edges.length} relations, ` +
        `${Object.keys(sources).length} source(s), ${stories.length} story(ies) → ${args.out}`,
    );
    console.log(sizeTable(files));
    console.log(`open ${path.join(args.out, 'index.html')} in a browser (from file:// or any static host)`);
    return 0;
  });
}

runCommand(main, (error) => {
  console.error(error instanceof Error ? error.message : String(error));
  return error instanceof BundleError ? 2 : 1;
});

// `npm run seed [-- --reset]`: (re)loads the curated dataset; a second run changes nothing.
import { parseArgs } from 'node:util';
import { runCommand, withDatabase } from '../runtime.ts';
import { loadDataset, loadDatasetStaged, removeDataset } from '../db/load.ts';
import { CURATED_DATASET, isDatasetName } from '../../domain/ids.ts';
import { generateSynthetic } from '../../seed/synthetic.ts';
import { CURATED_DIR } from '../../seed/paths.ts';
import { readSeedDataset } from '../../seed/read.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      reset: { type: 'boolean', default: false },
      dir: { type: 'string' },
      synthetic: { type: 'string' },
      seed: { type: 'string', default: '1' },
      dataset: { type: 'string' },
    },
    strict: true,
  });
  if (values.synthetic !== undefined) return loadSynthetic(values.synthetic, values.seed, values.dataset);
  // Validate before touching the database: a broken record loads nothing.
  const data = readSeedDataset(values.dir ?? CURATED_DIR);
  return withDatabase(async (connection) => {
    await connection.db.applySchema();
    if (values.reset) await removeDataset(connection.db, data.dataset.name, data.dataset.name);
    const summary = await loadDataset(connection.db, data);
    console.log(
      `dataset "${summary.dataset}": ${summary.nodes} nodes, ${summary.relations} relations, ${summary.sources} source(s) — ${connection.describe}`,
    );
    return 0;
  });
}

/** `--synthetic N [--seed S] [--dataset NAME]`: a generated ecosystem in its own dataset. */
async function loadSynthetic(nodesArg: string, seedArg: string, datasetArg: string | undefined): Promise<number> {
  const nodes = Number(nodesArg);
  const seed = Number(seedArg);
  if (!Number.isInteger(nodes) || nodes < 10 || nodes > 1_000_000)
    throw new Error(`--synthetic: expected a node count from 10 to 1000000, got "${nodesArg}"`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed: expected a non-negative integer, got "${seedArg}"`);
  const name = datasetArg ?? `synthetic-${nodes}`;
  if (name === CURATED_DATASET || !isDatasetName(name)) {
    throw new Error(
      `--dataset: "${name}" is not allowed (synthetic data never goes into the curated dataset "${CURATED_DATASET}")`,
    );
  }
  const generatedAt = performance.now();
  const data = generateSynthetic({ nodes, seed, name });
  const generatedMs = performance.now() - generatedAt;
  return withDatabase(async (connection) => {
    await connection.db.applySchema();
    const started = performance.now();
    let last = 0;
    await loadDatasetStaged(connection.db, data, {
      synthetic: true,
      onProgress: (phase, done, total) => {
        const now = performance.now();
        if (now - last > 2_000 || done === total) {
          last = now;
          process.stderr.write(`  ${phase}: ${done}/${total}\n`);
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `dataset "${name}" (synthetic, seed ${seed}): ${data.nodes.length} nodes, ${data.relations.length} relations — generated in ${(generatedMs / 1000).toFixed(1)} s, loaded in ${seconds.toFixed(1)} s (${Math.round(data.nodes.length / seconds)} nodes/s, ${Math.round(data.relations.length / seconds)} relations/s)`,
    );
    return 0;
  });
}

// A SeedError's message lists every problem with its file and line.
runCommand(main);

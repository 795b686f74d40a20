// `npm run seed [-- --reset]`: (re)loads the curated dataset; a second run changes nothing.
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { connect, createLogger } from '../server/runtime.ts';
import { loadDataset, removeDataset } from './load.ts';
import { CURATED_DIR } from './paths.ts';
import { readSeedDataset, SeedError } from './read.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { reset: { type: 'boolean', default: false }, dir: { type: 'string' } },
    strict: true,
  });
  // Validate before touching the database: a broken record loads nothing.
  const data = readSeedDataset(values.dir ?? CURATED_DIR);
  const config = loadConfig();
  const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const connection = await connect(config, logger);
  try {
    await connection.db.applySchema();
    if (values.reset) await removeDataset(connection.db, data.dataset.name, data.dataset.name);
    const summary = await loadDataset(connection.db, data);
    console.log(
      `dataset "${summary.dataset}": ${summary.nodes} nodes, ${summary.relations} relations, ${summary.sources} source(s) — ${connection.describe}`,
    );
    return 0;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof SeedError ? error.message : error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

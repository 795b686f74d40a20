// `npm run export -- --dataset NAME --format json|csv|gexf|graphml --out FILE`: writes a whole
// dataset with its evidence. CSV writes two files: FILE's name with -nodes and -edges.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isDatasetName } from '../../domain/ids.ts';
import { loadConfig } from '../config.ts';
import { readDataset } from '../export/dataset.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../export/formats.ts';
import { writeExport } from '../export/write.ts';
import { DatasetRegistry } from '../graph/datasets.ts';
import { connect, createLogger } from '../runtime.ts';

const USAGE = 'usage: npm run export -- --dataset NAME --format json|csv|gexf|graphml --out FILE';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { dataset: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  const format = values.format as ExportFormat | undefined;
  if (!values.dataset || !isDatasetName(values.dataset) || !format || !EXPORT_FORMATS.includes(format) || !values.out) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const connection = await connect(config, logger);
  try {
    const info = await new DatasetRegistry(connection.db).resolve(values.dataset);
    const data = await readDataset(connection.db, info);
    const files = writeExport(data, format, values.out, new Date().toISOString());
    for (const [file, content] of files) writeFileSync(file, content);
    console.log(
      `dataset "${data.name}": ${data.nodes.length} nodes, ${data.relations.length} relations, ${data.sources.length} source(s) → ${[...files.keys()].join(', ')}`,
    );
    return 0;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

// `npm run export -- --dataset NAME --format json|csv|gexf|graphml --out FILE [--stories DIR]`:
// writes a whole dataset with its evidence. CSV writes two files: FILE's name with -nodes and
// -edges. `--stories DIR` writes each of the dataset's stories as DIR/<id>.story.json (the file
// the app downloads and imports); it may be given alone.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isDatasetName } from '../../domain/ids.ts';
import { storyFileOf } from '../../domain/story-schema.ts';
import type { Database } from '../db/database.ts';
import { readDataset } from '../export/dataset.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../export/formats.ts';
import { writeExport } from '../export/write.ts';
import { DatasetRegistry, type DatasetInfo } from '../graph/datasets.ts';
import { runCommand, withDatabase } from '../runtime.ts';
import { readStories } from '../stories/store.ts';

const USAGE = 'usage: npm run export -- --dataset NAME [--format json|csv|gexf|graphml --out FILE] [--stories DIR]';

async function exportGraph(db: Database, info: DatasetInfo, format: ExportFormat, out: string): Promise<void> {
  const data = await readDataset(db, info);
  const files = writeExport(data, format, out, new Date().toISOString());
  for (const [file, content] of files) writeFileSync(file, content);
  console.log(
    `dataset "${data.name}": ${data.nodes.length} nodes, ${data.relations.length} relations, ${data.sources.length} source(s) → ${[...files.keys()].join(', ')}`,
  );
}

async function exportStories(db: Database, info: DatasetInfo, dir: string): Promise<void> {
  const stories = await readStories(db, info.name);
  mkdirSync(dir, { recursive: true });
  for (const story of stories) {
    writeFileSync(path.join(dir, `${story.id}.story.json`), `${JSON.stringify(storyFileOf(story), null, 2)}\n`);
  }
  console.log(`dataset "${info.name}": ${stories.length} stor${stories.length === 1 ? 'y' : 'ies'} → ${dir}`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      stories: { type: 'string' },
    },
    strict: true,
  });
  const format = values.format as ExportFormat | undefined;
  const graph = format !== undefined || values.out !== undefined;
  const graphArgsOk = !graph || (format !== undefined && EXPORT_FORMATS.includes(format) && values.out !== undefined);
  if (!values.dataset || !isDatasetName(values.dataset) || !graphArgsOk || (!graph && !values.stories)) {
    console.error(USAGE);
    return 2;
  }
  return withDatabase(async (connection) => {
    const info = await new DatasetRegistry(connection.db).resolve(values.dataset);
    if (format && values.out) await exportGraph(connection.db, info, format, values.out);
    if (values.stories) await exportStories(connection.db, info, values.stories);
    return 0;
  });
}

runCommand(main);

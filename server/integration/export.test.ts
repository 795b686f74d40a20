// Import → export → import gives the same nodes, relations and properties, Chinese text
// included, for every export format; the export carries the evidence; CSV cells that a
// spreadsheet would run as formulas are made inert; the HTTP export names its file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { removeDataset } from '../db/load.ts';
import { readDataset, type ExportDataset } from '../export/dataset.ts';
import { EXPORT_FORMATS } from '../export/formats.ts';
import { writeExport } from '../export/write.ts';
import { DatasetRegistry } from '../graph/datasets.ts';
import { readImport } from '../import/read.ts';
import { runImport } from '../import/write.ts';
import { getJson, startTestServer, testDatabase, type TestServer } from './helpers.ts';

const NODES = [
  'id,type,name_zh,name_en,aliases,evidence,source_url,founded,employees,listed,fields',
  'firm/haier,企业,海尔集团,Haier Group,海尔;Haier,"海尔集团等崂山区十强科技创新企业",https://example.org/a,1984,"120000",true,家电',
  'lab/ocean,Lab,海洋实验室,"Ocean Lab, Qingdao",,"联合实验室，位于“崂山”",,2019,35,false,海洋',
  'talent/x,人才,"=HYPERLINK(""http://evil"")",Dr. X,,,,,,,',
].join('\n');
const EDGES = [
  'source,target,type,evidence,weight',
  'firm/haier,lab/ocean,合作,共建海洋实验室,2.5',
  'lab/ocean,firm/haier,FUNDS,,1',
  'talent/x,lab/ocean,PART_OF,,',
].join('\n');

let db: Database;
let registry: DatasetRegistry;
let server: TestServer;

async function importFiles(dataset: string, files: Map<string, string>): Promise<void> {
  const set = await readImport(
    [...files].map(([name, content]) => ({ name: name.split('/').at(-1) as string, bytes: Buffer.from(content) })),
    {},
  );
  expect(set.problems, JSON.stringify(set.problems.slice(0, 5))).toEqual([]);
  await runImport(db, set, { dataset, mode: 'new', dryRun: false, by: 'test' });
}

/** What must survive a round trip: everything but which file each quote came from. */
function comparable(data: ExportDataset) {
  return {
    nodes: data.nodes.map(({ evidence, ...n }) => ({ ...n, quotes: evidence.map((e) => e.quote) })),
    relations: data.relations.map(({ evidence, id: _id, ...r }) => ({ ...r, quotes: evidence.map((e) => e.quote) })),
  };
}

beforeAll(async () => {
  db = testDatabase();
  await db.applySchema();
  registry = new DatasetRegistry(db);
  await importFiles(
    'rt-source',
    new Map([
      ['nodes.csv', NODES],
      ['edges.csv', EDGES],
    ]),
  );
  server = await startTestServer(db, { rateLimitPerMinute: 0 });
});

afterAll(async () => {
  await server?.close();
  for (const d of await registry.list()) if (d.name.startsWith('rt-')) await removeDataset(db, d.name, d.key);
  await db?.close();
});

describe('round trips', () => {
  for (const format of EXPORT_FORMATS) {
    it(`${format}: import → export → import gives the same nodes, relations and properties`, async () => {
      const source = await readDataset(db, await registry.resolve('rt-source'));
      expect(source.nodes).toHaveLength(3);
      expect(source.relations).toHaveLength(3);
      const files = writeExport(source, format, `/tmp/rt-source.${format}`, '2026-11-29T00:00:00Z');
      await importFiles(`rt-${format}`, files);
      const again = await readDataset(db, await registry.resolve(`rt-${format}`));
      expect(comparable(again)).toEqual(comparable(source));
    });
  }

  it('keeps Chinese text, typed properties and evidence on the way', async () => {
    const data = await readDataset(db, await registry.resolve('rt-source'));
    const lab = data.nodes.find((n) => n.id === 'lab/ocean');
    expect(lab).toMatchObject({
      name_zh: '海洋实验室',
      name_en: 'Ocean Lab, Qingdao',
      properties: { founded: 2019, employees: 35, listed: false },
    });
    expect(lab?.evidence[0]?.quote).toBe('联合实验室，位于“崂山”');
    const tie = data.relations.find((r) => r.type === 'COLLABORATES_WITH');
    expect(tie).toMatchObject({ source: 'firm/haier', target: 'lab/ocean', properties: { weight: 2.5 } });
    expect(tie?.evidence[0]).toMatchObject({ quote: '共建海洋实验室', source: expect.stringMatching(/^import\//) });
  });
});

describe('the HTTP export', () => {
  it('sends each format as a named download; CSV formulas are inert and the JSON holds the provenance', async () => {
    const csv = await fetch(`${server.url}/api/datasets/rt-source/export?format=csv&part=nodes`);
    expect(csv.headers.get('content-disposition')).toContain('rt-source-nodes.csv');
    const text = await csv.text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain('"海尔集团"');
    const json = await getJson(`${server.url}/api/datasets/rt-source/export?format=json`);
    expect(json.body.provenance.nodes['firm/haier'][0]).toMatchObject({ source: expect.stringMatching(/^import\//) });
    expect(json.body.sources[0]).toMatchObject({ title: 'nodes.csv', kind: 'import' });
    const bad = await getJson(`${server.url}/api/datasets/rt-source/export?format=pdf`);
    expect(bad.status).toBe(400);
  });
});

// Imports against the real Neo4j: through POST /api/import and the CLI, all or nothing, merges
// without duplicates, the curated dataset protected, history kept, and a killed import leaving
// the previous dataset served and intact.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadDataset, removeDataset } from '../db/load.ts';
import { expectErrorShape, getJson, useCuratedServer } from './helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHARED = path.resolve(ROOT, '..', 'shared', 'data');
const TOKEN = 'import-admin-token-0123456789';
// A 1 MB upload limit here (100 MB by default), so that a test can pass it cheaply.
const ctx = useCuratedServer({ adminToken: TOKEN, rateLimitPerMinute: 0, uploadLimitBytes: 1024 * 1024 });

// The next test files find the database as the curated server left it: imports removed, the
// curated dataset back to its seed.
afterAll(async () => {
  for (const d of (await ctx.db.read('datasets-list')) as { name: string; key: string }[])
    if (d.name !== 'laoshan') await removeDataset(ctx.db, d.name, d.key);
  await loadDataset(ctx.db, ctx.curated);
});

interface Upload {
  files: { name: string; content: string | Buffer }[];
  dataset: string;
  mode?: 'new' | 'replace' | 'merge';
  dryRun?: boolean;
  mapping?: object;
}

async function upload({ files, dataset, mode = 'new', dryRun = false, mapping }: Upload) {
  const form = new FormData();
  form.set('dataset', dataset);
  form.set('mode', mode);
  form.set('dryRun', String(dryRun));
  if (mapping) form.set('mapping', JSON.stringify(mapping));
  for (const f of files)
    form.append('files', new Blob([typeof f.content === 'string' ? f.content : new Uint8Array(f.content)]), f.name);
  return getJson(`${ctx.server.url}/api/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}` },
    body: form,
  });
}

async function datasets(): Promise<Record<string, { nodes: number; relations: number }>> {
  const { body } = await getJson(`${ctx.server.url}/api/datasets`);
  return Object.fromEntries(
    (body.datasets as { name: string; nodes: number; relations: number }[]).map((d) => [d.name, d]),
  );
}

const MERGE_NODES = [
  'id,type,name_zh,name_en,evidence',
  'x/haier,企业,海尔集团,Haier Group,',
  'x/buaa,Research institute,北航青岛研究院,,',
  'x/newlab,Lab,海洋联合实验室,Joint Marine Lab,两家共建联合实验室',
].join('\n');
const MERGE_EDGES = [
  'source,target,type,evidence,source_url',
  'x/haier,x/buaa,合作,海尔集团与北航青岛研究院联合开展项目,https://example.org/news/1',
  'x/newlab,x/haier,PART_OF,联合实验室依托海尔集团,',
].join('\n');

describe('import', () => {
  it('imports a GEXF file made by Gephi as a new dataset with the right counts, history and provenance', async () => {
    const gexf = readFileSync(path.join(SHARED, 'les-miserables.gexf'));
    const dry = await upload({
      files: [{ name: 'les-miserables.gexf', content: gexf }],
      dataset: 'lesmis',
      dryRun: true,
    });
    expect(dry.status).toBe(200);
    expect(dry.body.summary).toMatchObject({ nodes: { added: 77 }, relations: { added: 254 } });
    expect(await datasets()).not.toHaveProperty('lesmis');
    const real = await upload({ files: [{ name: 'les-miserables.gexf', content: gexf }], dataset: 'lesmis' });
    expect(real.status, JSON.stringify(real.body)).toBe(200);
    expect((await datasets()).lesmis).toMatchObject({ nodes: 77, relations: 254 });
    const history = await getJson(`${ctx.server.url}/api/datasets/lesmis/history`);
    expect(history.body.changes).toHaveLength(1);
    expect(history.body.changes[0]).toMatchObject({
      action: 'new',
      files: ['les-miserables.gexf'],
      nodes_added: 77,
      relations_added: 254,
      by: 'api (admin token)',
    });
    // Every imported fact names the file as its source.
    const valjean = await getJson(`${ctx.server.url}/api/nodes/11?dataset=lesmis`);
    expect(valjean.status).toBe(200);
    const sourceId = valjean.body.node.evidence[0].source as string;
    expect(sourceId).toMatch(/^import\/[0-9a-f]{16}$/);
    const source = await getJson(`${ctx.server.url}/api/sources/${sourceId}?dataset=lesmis`);
    expect(source.body.title).toBe('les-miserables.gexf');
    expect(source.body.text).toContain('sha256');
  });

  it('refuses a second new import of the same name, and replaces only with --replace, recording the difference', async () => {
    const v1 = 'id,name\na,Alpha\nb,Beta\nc,Gamma\n';
    const v2 = 'id,name\na,Alpha\nb,Beta (renamed)\nd,Delta\n';
    expect((await upload({ files: [{ name: 'nodes.csv', content: v1 }], dataset: 'replace-me' })).status).toBe(200);
    const again = await upload({ files: [{ name: 'nodes.csv', content: v2 }], dataset: 'replace-me' });
    expect(again.status).toBe(409);
    expect(expectErrorShape(again.body).code).toBe('dataset_exists');
    const replaced = await upload({
      files: [{ name: 'nodes.csv', content: v2 }],
      dataset: 'replace-me',
      mode: 'replace',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.change).toMatchObject({ nodes_added: 1, nodes_removed: 1, nodes_changed: 1 });
    const { body } = await getJson(`${ctx.server.url}/api/datasets/replace-me/history`);
    expect(body.changes.map((c: { action: string }) => c.action)).toEqual(['replace', 'new']);
  });

  it('merges a spreadsheet naming 海尔集团 and 北航青岛研究院 into laoshan without duplicates, with the new ties and their evidence', async () => {
    const before = (await datasets()).laoshan!;
    const files = [
      { name: 'nodes.csv', content: MERGE_NODES },
      { name: 'edges.csv', content: MERGE_EDGES },
    ];
    const dry = await upload({ files, dataset: 'laoshan', mode: 'merge', dryRun: true });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.summary).toMatchObject({
      nodes: { added: 1, matched: 2, matchedByName: 2 },
      relations: { added: 2 },
    });
    expect((await datasets()).laoshan).toEqual(before);
    const merged = await upload({ files, dataset: 'laoshan', mode: 'merge' });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect((await datasets()).laoshan).toMatchObject({ nodes: before.nodes + 1, relations: before.relations + 2 });
    const haier = await getJson(`${ctx.server.url}/api/nodes/firm/haier`);
    const tie = (
      haier.body.relations as {
        type: string;
        neighbor: { id: string };
        evidence: { quote: string; source: string }[];
      }[]
    ).find((r) => r.type === 'COLLABORATES_WITH');
    expect(tie?.neighbor.id).toBe('institute/buaa-qingdao');
    expect(tie?.evidence[0]?.quote).toBe('海尔集团与北航青岛研究院联合开展项目');
    expect(tie?.evidence[0]?.source).toMatch(/^import\//);
    // The same file again adds nothing.
    const again = await upload({ files, dataset: 'laoshan', mode: 'merge', dryRun: true });
    expect(again.body.summary).toMatchObject({ nodes: { added: 0, matched: 3 }, relations: { added: 0, matched: 2 } });
  });

  it('changes the curated dataset only by an explicit merge', async () => {
    for (const mode of ['new', 'replace'] as const) {
      const answer = await upload({
        files: [{ name: 'nodes.csv', content: 'id,name\na,A\n' }],
        dataset: 'laoshan',
        mode,
      });
      expect(answer.status).toBe(409);
      expect(expectErrorShape(answer.body).code).toBe('curated_dataset');
    }
  });

  it('writes nothing for broken files, reports every problem with file, line and field, and leaves the database equal', async () => {
    const before = await ctx.db.checksum();
    const answer = await upload({
      files: [
        { name: 'nodes.csv', content: 'id,type,name\na,Firm,A\na,Firm,A again\nb,Spaceship,B\nc,Firm,\n' },
        { name: 'edges.csv', content: 'source,target,type\na,zzz,SUPPORTS\n' },
      ],
      dataset: 'broken',
    });
    expect(answer.status).toBe(422);
    const error = expectErrorShape(answer.body);
    const problems = (error.details as { problems: { file: string; line: number; field?: string }[] }).problems;
    expect(problems.length).toBeGreaterThanOrEqual(4);
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual(
      expect.arrayContaining(['nodes.csv:3', 'nodes.csv:4', 'nodes.csv:5', 'edges.csv:2']),
    );
    expect(await ctx.db.checksum()).toEqual(before);
    // An unknown type is resolved by a mapping.
    const mapped = await upload({
      files: [{ name: 'nodes.csv', content: 'id,type,name\nb,Spaceship,B\n' }],
      dataset: 'mapped',
      dryRun: true,
      mapping: { nodeTypes: { Spaceship: 'Firm' } },
    });
    expect(mapped.status, JSON.stringify(mapped.body)).toBe(200);
  });

  it('states the upload limit, and wants the admin token', async () => {
    const form = new FormData();
    form.set('dataset', 'x');
    form.append('files', new Blob(['id,name\na,A\n']), 'nodes.csv');
    const anonymous = await getJson(`${ctx.server.url}/api/import`, { method: 'POST', body: form });
    expect([401, 403]).toContain(anonymous.status);
    const notMultipart = await getJson(`${ctx.server.url}/api/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(notMultipart.status).toBe(415);
    const before = await ctx.db.checksum();
    const big = await upload({
      files: [{ name: 'nodes.csv', content: `id,name\n${'a,A\n'.repeat(400_000)}` }],
      dataset: 'too-big',
    });
    expect(big.status).toBe(413);
    expect(expectErrorShape(big.body).message).toContain('larger than 1 MB');
    expect(await ctx.db.checksum()).toEqual(before);
  });
});

describe('npm run import beside the running server', () => {
  function cli(args: string[]) {
    const credentials = inject('neo4j');
    const env = {
      ...process.env,
      NEO4J_URI: credentials.uri,
      NEO4J_USER: credentials.user,
      NEO4J_PASSWORD: credentials.password,
      LOG_LEVEL: 'warn',
    };
    // Asynchronous: the test server runs in this process and must keep answering meanwhile.
    const run = () =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', ...args], { cwd: ROOT, env });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      });
    return { env, run };
  }

  it('imports the co-authorship edge list; the server lists it at once', async () => {
    const run = await cli([
      path.join(SHARED, 'ca-grqc.edges.csv'),
      '--dataset',
      'ca-grqc',
      '--map',
      writeMapping(),
    ]).run();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('nodes 5241 added');
    expect((await datasets())['ca-grqc']).toMatchObject({ nodes: 5241, relations: 14484 });
    const edges = await getJson(`${ctx.server.url}/api/graph?dataset=ca-grqc&relTypes=COLLABORATES_WITH&limit=10`);
    expect(edges.body.edges.length).toBeGreaterThan(0);
  });

  it('prints every problem with its place and writes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'import-'));
    writeFileSync(path.join(dir, 'nodes.csv'), 'id,type,name\na,Firm,A\na,Firm,B\n');
    const before = await ctx.db.checksum();
    const run = await cli([path.join(dir, 'nodes.csv'), '--dataset', 'cli-broken']).run();
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/nodes\.csv:3 field "id": /);
    expect(await ctx.db.checksum()).toEqual(before);
  });

  it('a killed import leaves the previous dataset served and intact', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'import-kill-'));
    const rows = ['source,target'];
    for (let i = 0; i < 120_000; i++) rows.push(`n${i},n${(i * 7919 + 1) % 60_000}`);
    writeFileSync(path.join(dir, 'big.csv'), rows.join('\n'));
    const before = (await datasets())['ca-grqc']!;
    const { env } = cli([]);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/cli/import.ts', path.join(dir, 'big.csv'), '--dataset', 'ca-grqc', '--replace'],
      { cwd: ROOT, env },
    );
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // Killed once it writes: some nodes are already staged under the new key.
        if (/nodes .*\d+\/\d+/.test(stderr)) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`the import ended before it could be killed:\n${stderr}`)));
    });
    await new Promise((r) => child.once('exit', r));
    expect((await datasets())['ca-grqc']).toEqual(before);
    const node = await getJson(`${ctx.server.url}/api/nodes/3466?dataset=ca-grqc`);
    expect(node.status).toBe(200);
  });
});

function writeMapping(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'map-')), 'map.json');
  writeFileSync(file, JSON.stringify({ relationTypes: { '': 'COLLABORATES_WITH' } }));
  return file;
}

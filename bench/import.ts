// Import speed: a synthetic ecosystem (100,000 nodes and 500,000 relations; 2,000 and 10,000
// with --quick) is written as a nodes.csv + edges.csv pair, read with readImport and written
// with runImport (mode new: staged, batched UNWIND transactions) into a managed Neo4j of its own
// (port 7737, store under .data-bench/import, heap 1g, page cache 512m). Against it, in the same
// run and on the same server: the same writes one row per transaction (import-nodes.cypher and
// import-relations.cypher with a one-element $rows list, one write transaction each), timed on
// a sample (--quick: 50 nodes + 100 relations) and extrapolated to the whole set. Reports rows/s
// for read + write and for the write alone, the ratio to the baseline, phase times and the peak
// RSS of this process.
//
// The CSV files are generated in a child process (`bench/import.ts --write-files DIR NODES`), so
// that the generator's garbage does not count in the RSS measured during the import.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { pino } from 'pino';
import { generateSynthetic } from '../seed/synthetic.ts';
import { Database, type Row } from '../server/db/database.ts';
import { inBatches } from '../server/db/load.ts';
import type { ImportNode, ImportRelation, ImportSet } from '../server/import/model.ts';
import { planImport } from '../server/import/plan.ts';
import { progressLine } from '../server/import/progress.ts';
import { readImport } from '../server/import/read.ts';
import { importSourceId, nodeRow, relationRow, runImport } from '../server/import/write.ts';
import { ManagedNeo4j } from '../server/neo4j/managed.ts';
import { ROOT } from './server.ts';

/** The target of the issue: the batched import at least this many times the one-row baseline. */
export const TARGET_RATIO = 20;

export interface ImportBenchSize {
  nodes: number;
  relationsPerNode: number;
  /** Nodes the baseline writes one per transaction (timed). */
  baselineNodes: number;
  /** Relations the baseline writes one per transaction (timed): the first ones of edges.csv. */
  baselineRelations: number;
  /**
   * Nodes and relations written one per transaction before the timed ones, untimed: the first
   * single-row transactions after the import take several times longer than the later ones
   * (a JVM warming up to a new code path, the server settling after the import), and the
   * baseline is meant to be the steady rate. This makes the baseline faster, the ratio smaller.
   */
  warmupNodes: number;
  warmupRelations: number;
}

// A write transaction of one node costs tens of milliseconds here (the full-text indexes are
// updated in every commit), so the samples are what a bounded run affords; the rates are steady
// well within them.
export const FULL_SIZE: ImportBenchSize = {
  nodes: 100_000,
  relationsPerNode: 5,
  baselineNodes: 5_000,
  baselineRelations: 10_000,
  warmupNodes: 300,
  warmupRelations: 500,
};
export const QUICK_SIZE: ImportBenchSize = {
  nodes: 2_000,
  relationsPerNode: 5,
  baselineNodes: 50,
  baselineRelations: 100,
  warmupNodes: 20,
  warmupRelations: 50,
};

const SEED = 1;
const BOLT_PORT = 7737;
const DATA_DIR = path.join(ROOT, '.data-bench', 'import');
const HEAP = '1g';
const PAGE_CACHE = '512m';
const RSS_SAMPLE_MS = 200;
/** runImport's node batch, for the baseline's untimed setup. */
const BATCH = 5_000;

/** The dataset's name says what it is: a synthetic benchmark import of this many nodes. */
export function datasetName(nodes: number): string {
  return `bench-import-${nodes % 1000 === 0 ? `${nodes / 1000}k` : nodes}`;
}

// --- the files ---------------------------------------------------------------------------

/** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

/**
 * The synthetic ecosystem as an import pair: nodes.csv (id, type, name_zh, name_en, a property,
 * the quote) and edges.csv (source, target, type, the quote), types as the ontology's keys.
 */
export function syntheticCsv(nodes: number, relationsPerNode: number, seed = SEED): { nodes: string; edges: string } {
  const data = generateSynthetic({ nodes, seed, relationsPerNode, name: datasetName(nodes) });
  const nodeLines = [csvLine(['id', 'type', 'name_zh', 'name_en', 'description_en', 'evidence'])];
  for (const n of data.nodes)
    nodeLines.push(
      csvLine([n.id, n.type, n.name_zh, n.name_en, n.description_en ?? '', n.evidence[0]?.quote ?? '合成数据']),
    );
  const edgeLines = [csvLine(['source', 'target', 'type', 'evidence'])];
  for (const r of data.relations) edgeLines.push(csvLine([r.source, r.target, r.type, r.evidence[0]?.quote ?? '']));
  return { nodes: nodeLines.join(''), edges: edgeLines.join('') };
}

function writeFiles(dir: string, nodes: number, relationsPerNode: number): void {
  mkdirSync(dir, { recursive: true });
  const csv = syntheticCsv(nodes, relationsPerNode);
  writeFileSync(path.join(dir, 'nodes.csv'), csv.nodes);
  writeFileSync(path.join(dir, 'edges.csv'), csv.edges);
}

/** Generates the files in a child process (its memory is not this process's). */
function generateFiles(dir: string, size: ImportBenchSize): number {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--write-files',
      dir,
      String(size.nodes),
      String(size.relationsPerNode),
    ],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] },
  );
  if (run.status !== 0) throw new Error(`generating the import files failed:\n${run.stderr}`);
  return seconds(performance.now() - started);
}

// --- the baseline sample -------------------------------------------------------------------

export interface BaselineSample {
  /** Written one per transaction, untimed, before the timed ones. */
  warmupNodes: ImportNode[];
  nodes: ImportNode[];
  /** The other ends of the relations, written beforehand in batches, untimed. */
  setup: ImportNode[];
  warmupRelations: ImportRelation[];
  relations: ImportRelation[];
}

/**
 * The baseline's sample: the first `warmupRelations` relations of the file (warm-up) and the
 * `relations` after them (timed); the nodes are the ends of those relations, in order of
 * appearance (then, if the ends are fewer, the rest of the nodes): the first `warmupNodes` for
 * the warm-up, the next `nodes` timed, the rest written beforehand in batches, so that every
 * relation finds its ends, as it does in the whole import.
 */
export function baselineSample(
  set: Pick<ImportSet, 'nodes' | 'relations'>,
  size: { nodes: number; relations: number; warmupNodes: number; warmupRelations: number },
): BaselineSample {
  const warmupRelations = set.relations.slice(0, size.warmupRelations);
  const relations = set.relations.slice(size.warmupRelations, size.warmupRelations + size.relations);
  const byId = new Map(set.nodes.map((n) => [n.id, n]));
  const ends = new Set<string>();
  for (const r of [...warmupRelations, ...relations]) ends.add(r.source).add(r.target);
  const ordered = [...ends].flatMap((id) => byId.get(id) ?? []);
  const wanted = size.warmupNodes + size.nodes;
  for (const n of set.nodes) {
    if (ordered.length >= wanted) break;
    if (!ends.has(n.id)) ordered.push(n);
  }
  return {
    warmupNodes: ordered.slice(0, size.warmupNodes),
    nodes: ordered.slice(size.warmupNodes, wanted),
    setup: ordered.slice(wanted),
    warmupRelations,
    relations,
  };
}

/**
 * The baseline's rate for the whole set: the time the one-row-per-transaction writes would take
 * for all nodes and all relations at the rates measured on the sample, each kind at its own rate.
 */
export function extrapolatedRate(
  whole: { nodes: number; relations: number },
  measured: { nodesPerSecond: number; relationsPerSecond: number },
): { seconds: number; rowsPerSecond: number } {
  const secondsWhole = whole.nodes / measured.nodesPerSecond + whole.relations / measured.relationsPerSecond;
  return { seconds: round(secondsWhole, 1), rowsPerSecond: Math.round((whole.nodes + whole.relations) / secondsWhole) };
}

export interface TxLatency {
  mean: number;
  p50: number;
  p90: number;
  firstTenthMean: number;
  lastTenthMean: number;
}

/** Milliseconds per transaction of a baseline sample, summarised. */
export function txLatency(ms: readonly number[]): TxLatency {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const tenth = Math.max(1, Math.floor(ms.length / 10));
  return {
    mean: round(mean(ms), 1),
    p50: round(at(0.5), 1),
    p90: round(at(0.9), 1),
    firstTenthMean: round(mean(ms.slice(0, tenth)), 1),
    lastTenthMean: round(mean(ms.slice(-tenth)), 1),
  };
}

// --- memory ----------------------------------------------------------------------------------

/**
 * Samples process.memoryUsage().rss every 200 ms in a worker thread, so that the samples keep
 * coming while the main thread is busy in a long synchronous stretch (parsing, building rows).
 * `take()` returns the peak since the last take, in KiB.
 */
function rssSampler() {
  const slots = new Int32Array(new SharedArrayBuffer(12)); // peak KiB, samples, stop
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const slots = new Int32Array(workerData.buffer);
     const tick = () => {
       const kib = Math.round(process.memoryUsage.rss() / 1024);
       if (kib > Atomics.load(slots, 0)) Atomics.store(slots, 0, kib);
       Atomics.add(slots, 1, 1);
     };
     tick();
     const timer = setInterval(() => (Atomics.load(slots, 2) ? clearInterval(timer) : tick()), workerData.every);`,
    { eval: true, execArgv: [], workerData: { buffer: slots.buffer, every: RSS_SAMPLE_MS } },
  );
  const now = () => Math.round(process.memoryUsage.rss() / 1024);
  return {
    take(): number {
      const current = now();
      return Math.max(current, Atomics.exchange(slots, 0, current));
    },
    samples: () => Atomics.load(slots, 1),
    async stop(): Promise<void> {
      Atomics.store(slots, 2, 1);
      await worker.terminate();
    },
  };
}

// --- the run -----------------------------------------------------------------------------------

function seconds(ms: number): number {
  return round(ms / 1000, 2);
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const mib = (kib: number) => Math.round(kib / 1024);

export interface ImportBenchResult {
  dataset: string;
  nodes: number;
  relations: number;
  rows: number;
  files: { name: string; bytes: number }[];
  generateSeconds: number;
  neo4j: { heap: string; pageCache: string; startSeconds: number };
  import: {
    readSeconds: number;
    writeSeconds: number;
    totalSeconds: number;
    rowsPerSecond: number;
    writeRowsPerSecond: number;
    /** runImport's phases as its progress reports them (each from the end of the one before). */
    phases: Record<string, number>;
  };
  baseline: {
    method: string;
    sampleNodes: number;
    sampleRelations: number;
    nodeSeconds: number;
    relationSeconds: number;
    /** The untimed warm-up (see ImportBenchSize.warmupNodes). */
    warmupNodes: number;
    warmupRelations: number;
    warmupSeconds: number;
    /** Per transaction; the first and last tenth show whether the rate drifted over the sample. */
    nodeTransactionMs: TxLatency;
    relationTransactionMs: TxLatency;
    nodesPerSecond: number;
    relationsPerSecond: number;
    /** Sample rates applied to the whole set (nodes and relations each at their own rate). */
    extrapolatedSeconds: number;
    rowsPerSecond: number;
  };
  ratio: { importVsBaseline: number; writeVsBaseline: number; target: number; meetsTarget: boolean };
  memory: {
    sampleEveryMs: number;
    samples: number;
    rssBeforeMiB: number;
    peakReadMiB: number;
    peakWriteMiB: number;
    peakMiB: number;
  };
  /** Measured apart from the import, to locate its cost: the plan, and the rows built for Neo4j. */
  diagnostics: { planSeconds: number; nodeRowsSeconds: number; relationRowsSeconds: number; loadAverage1m: number };
  benchmarkSeconds: number;
}

async function startNeo4j(log: (m: string) => void) {
  const neo4j = new ManagedNeo4j({ dataDir: DATA_DIR, boltPort: BOLT_PORT, heap: HEAP, pageCache: PAGE_CACHE, log });
  const running = neo4j.running();
  if (running)
    throw new Error(
      `a Neo4j already runs on the benchmark's store (pid ${running.pid}, ${neo4j.home}); stop it before benchmarking`,
    );
  // A fresh store every run: every import meets the same empty database.
  rmSync(neo4j.home, { recursive: true, force: true });
  const started = performance.now();
  const credentials = await neo4j.start({ attached: true });
  return { neo4j, credentials, startSeconds: seconds(performance.now() - started) };
}

/** The import benchmark; `benchmarkSeconds` is the whole of it (files, Neo4j start and stop, baseline). */
export async function importBenchmark(quick: boolean): Promise<ImportBenchResult> {
  const began = performance.now();
  const result = await measure(quick);
  result.benchmarkSeconds = seconds(performance.now() - began);
  return result;
}

type Size = ImportBenchSize;
type Log = (message: string) => void;

interface TimedImport {
  set: ImportSet;
  readSeconds: number;
  writeSeconds: number;
  totalMs: number;
  writeMs: number;
  phases: Record<string, number>;
  rssBefore: number;
  peakRead: number;
  peakWrite: number;
}

/** Seconds of each write phase, from the times the progress callback last heard of each. */
function phaseSeconds(phaseEnds: ReadonlyMap<string, number>, readEnd: number, end: number): Record<string, number> {
  const phases: Record<string, number> = {};
  let from = readEnd;
  const nodesEnd = phaseEnds.get('nodes');
  const relationsEnd = phaseEnds.get('relations');
  const switchStart = phaseEnds.get('switch');
  if (nodesEnd !== undefined) {
    phases['plan, sources and nodes'] = seconds(nodesEnd - from);
    from = nodesEnd;
  }
  if (relationsEnd !== undefined) {
    phases.relations = seconds(relationsEnd - from);
    from = relationsEnd;
  }
  if (switchStart !== undefined) {
    phases['change record'] = seconds(switchStart - from);
    phases['switch (counts, history)'] = seconds(end - switchStart);
  }
  return phases;
}

/** The import: read, then write (mode new), each timed; RSS peaks per half; the result checked. */
async function timedImport(
  db: Database,
  paths: string[],
  dataset: string,
  size: Size,
  sampler: ReturnType<typeof rssSampler>,
  log: Log,
): Promise<TimedImport> {
  const rssBefore = sampler.take();
  log('reading');
  const t0 = performance.now();
  const set = await readImport(paths.map((p) => ({ name: path.basename(p), bytes: readFileSync(p) })));
  const t1 = performance.now();
  const peakRead = sampler.take();
  if (set.problems.length > 0)
    throw new Error(`the import files have ${set.problems.length} problem(s), e.g. ${set.problems[0]?.message}`);
  log(`read ${set.nodes.length} nodes, ${set.relations.length} relations in ${seconds(t1 - t0)} s; writing`);
  const progress = progressLine();
  const phaseEnds = new Map<string, number>();
  await runImport(db, set, {
    dataset,
    mode: 'new',
    dryRun: false,
    by: 'bench (npm run bench)',
    title: `Synthetic import benchmark (${size.nodes} nodes)`,
    synthetic: true,
    onProgress: (phase, done, total) => {
      phaseEnds.set(phase, performance.now());
      progress.update(phase, done, total);
    },
  });
  const t2 = performance.now();
  progress.end();
  const peakWrite = sampler.take();
  const [row] = (await db.read('datasets-list')).filter((r) => r.name === dataset);
  if (Number(row?.nodes) !== set.nodes.length || Number(row?.relations) !== set.relations.length)
    throw new Error(
      `the imported dataset holds ${row?.nodes} nodes and ${row?.relations} relations, not ${set.nodes.length} and ${set.relations.length}`,
    );
  return {
    set,
    readSeconds: seconds(t1 - t0),
    writeSeconds: seconds(t2 - t1),
    totalMs: t2 - t0,
    writeMs: t2 - t1,
    phases: phaseSeconds(phaseEnds, t1, t2),
    rssBefore,
    peakRead,
    peakWrite,
  };
}

interface BaselineRun {
  sample: ReturnType<typeof baselineSample>;
  nodeMs: number[];
  relationMs: number[];
  nodeSeconds: number;
  relationSeconds: number;
  warmupSeconds: number;
  nodesPerSecond: number;
  relationsPerSecond: number;
}

/** The baseline: the same statements, one row per write transaction, on a sample. */
async function baselineRun(db: Database, set: ImportSet, size: Size, sourceId: string, log: Log): Promise<BaselineRun> {
  const sample = baselineSample(set, {
    nodes: size.baselineNodes,
    relations: size.baselineRelations,
    warmupNodes: size.warmupNodes,
    warmupRelations: size.warmupRelations,
  });
  const key = `bench-import-baseline@${Date.now().toString(36)}`;
  log(
    `baseline: ${sample.nodes.length} nodes, then ${sample.relations.length} relations, one per transaction ` +
      `(after ${sample.warmupNodes.length} and ${sample.warmupRelations.length} untimed)`,
  );
  await inBatches(sample.setup, BATCH, (batch) =>
    db.writeTx((tx) => db.runIn(tx, 'import-nodes', { key, rows: batch.map((n) => nodeRow(n, sourceId)) })),
  );
  const timed = async (statement: 'import-nodes' | 'import-relations', row: Row) => {
    const started = performance.now();
    await db.writeTx((tx) => db.runIn(tx, statement, { key, rows: [row] }));
    return performance.now() - started;
  };
  const writeNode = (node: ImportNode) => timed('import-nodes', nodeRow(node, sourceId));
  const writeRelation = (relation: ImportRelation) => timed('import-relations', relationRow(relation, sourceId));
  const nodeMs: number[] = [];
  const relationMs: number[] = [];
  const w0 = performance.now();
  for (const node of sample.warmupNodes) await writeNode(node);
  const b0 = performance.now();
  for (const node of sample.nodes) nodeMs.push(await writeNode(node));
  const b1 = performance.now();
  for (const relation of sample.warmupRelations) await writeRelation(relation);
  const w1 = performance.now();
  for (const relation of sample.relations) relationMs.push(await writeRelation(relation));
  const b2 = performance.now();
  const written = await db.readTx(async (tx) => ({
    nodes: (await db.runIn(tx, 'dataset-contents', { key })).length,
    relations: (await db.runIn(tx, 'dataset-relations', { key })).length,
  }));
  const nodesWritten = sample.warmupNodes.length + sample.nodes.length + sample.setup.length;
  if (written.nodes !== nodesWritten || written.relations !== sample.warmupRelations.length + sample.relations.length)
    throw new Error(`the baseline wrote ${written.nodes} nodes and ${written.relations} relations, not the sample's`);
  return {
    sample,
    nodeMs,
    relationMs,
    nodeSeconds: seconds(b1 - b0),
    relationSeconds: seconds(b2 - w1),
    warmupSeconds: seconds(b0 - w0 + (w1 - b1)),
    nodesPerSecond: sample.nodes.length / ((b1 - b0) / 1000),
    relationsPerSecond: sample.relations.length / ((b2 - w1) / 1000),
  };
}

/** Diagnostics, apart from the timed import: the plan and the rows alone. */
function diagnostics(set: ImportSet, sourceId: string): ImportBenchResult['diagnostics'] {
  const d0 = performance.now();
  planImport(set, { nodes: [], relations: [] });
  const d1 = performance.now();
  for (const n of set.nodes) nodeRow(n, sourceId);
  const d2 = performance.now();
  for (const r of set.relations) relationRow(r, sourceId);
  const d3 = performance.now();
  return {
    planSeconds: seconds(d1 - d0),
    nodeRowsSeconds: seconds(d2 - d1),
    relationRowsSeconds: seconds(d3 - d2),
    loadAverage1m: round(loadavg()[0] ?? 0, 2),
  };
}

function baselineResult(run: BaselineRun, whole: ReturnType<typeof extrapolatedRate>): ImportBenchResult['baseline'] {
  const { sample } = run;
  return {
    method:
      'import-nodes / import-relations with a one-element $rows list, one write transaction per row, ' +
      `timed on ${sample.nodes.length} nodes and ${sample.relations.length} relations (edges.csv from relation ${sample.warmupRelations.length + 1} on, ` +
      `and ends of those relations) after an untimed warm-up of ${sample.warmupNodes.length} nodes and ${sample.warmupRelations.length} relations ` +
      `written the same way (the other ${sample.setup.length} ends written beforehand in batches), in a storage key of its own, ` +
      'after the import, on the same server; the rate of each kind extrapolated to the whole set',
    sampleNodes: sample.nodes.length,
    sampleRelations: sample.relations.length,
    warmupNodes: sample.warmupNodes.length,
    warmupRelations: sample.warmupRelations.length,
    nodeSeconds: run.nodeSeconds,
    relationSeconds: run.relationSeconds,
    warmupSeconds: run.warmupSeconds,
    nodeTransactionMs: txLatency(run.nodeMs),
    relationTransactionMs: txLatency(run.relationMs),
    nodesPerSecond: Math.round(run.nodesPerSecond),
    relationsPerSecond: Math.round(run.relationsPerSecond),
    extrapolatedSeconds: whole.seconds,
    rowsPerSecond: whole.rowsPerSecond,
  };
}

async function measure(quick: boolean): Promise<ImportBenchResult> {
  const size = quick ? QUICK_SIZE : FULL_SIZE;
  const dataset = datasetName(size.nodes);
  const filesDir = path.join(DATA_DIR, 'files', dataset);
  const log = (m: string) => console.error(`  [import] ${m}`);

  log(`generating ${dataset}: ${size.nodes} nodes, ${size.nodes * size.relationsPerNode} relations (seed ${SEED})`);
  const generateSeconds = generateFiles(filesDir, size);
  const paths = ['nodes.csv', 'edges.csv'].map((f) => path.join(filesDir, f));

  const { neo4j, credentials, startSeconds } = await startNeo4j(log);
  const db = new Database({
    ...credentials,
    database: 'neo4j',
    queryTimeoutMs: 60_000,
    logger: pino({ level: 'warn' }),
  });
  let succeeded = false;
  const sampler = rssSampler();
  try {
    await db.applySchema();
    const imported = await timedImport(db, paths, dataset, size, sampler, log);
    const { set } = imported;
    const sourceId = importSourceId(set.files[0]?.sha256 ?? '');
    const baseline = await baselineRun(db, set, size, sourceId, log);
    const rows = set.nodes.length + set.relations.length;
    const whole = extrapolatedRate({ nodes: set.nodes.length, relations: set.relations.length }, baseline);
    const rowsPerSecond = Math.round(rows / (imported.totalMs / 1000));
    const writeRowsPerSecond = Math.round(rows / (imported.writeMs / 1000));
    const importVsBaseline = round(rowsPerSecond / whole.rowsPerSecond, 1);
    const result: ImportBenchResult = {
      dataset,
      nodes: set.nodes.length,
      relations: set.relations.length,
      rows,
      files: paths.map((p) => ({ name: path.basename(p), bytes: statSync(p).size })),
      generateSeconds,
      neo4j: { heap: HEAP, pageCache: PAGE_CACHE, startSeconds },
      import: {
        readSeconds: imported.readSeconds,
        writeSeconds: imported.writeSeconds,
        totalSeconds: seconds(imported.totalMs),
        rowsPerSecond,
        writeRowsPerSecond,
        phases: imported.phases,
      },
      baseline: baselineResult(baseline, whole),
      ratio: {
        importVsBaseline,
        writeVsBaseline: round(writeRowsPerSecond / whole.rowsPerSecond, 1),
        target: TARGET_RATIO,
        meetsTarget: importVsBaseline >= TARGET_RATIO,
      },
      memory: {
        sampleEveryMs: RSS_SAMPLE_MS,
        samples: sampler.samples(),
        rssBeforeMiB: mib(imported.rssBefore),
        peakReadMiB: mib(imported.peakRead),
        peakWriteMiB: mib(imported.peakWrite),
        peakMiB: mib(Math.max(imported.peakRead, imported.peakWrite)),
      },
      diagnostics: diagnostics(set, sourceId),
      benchmarkSeconds: 0,
    };
    succeeded = true;
    return result;
  } finally {
    await sampler.stop();
    await db.close();
    await neo4j.stop();
    // The store is only the benchmark's; a failed run keeps it (and its logs) to look into. The
    // files stay: `npm run import -- <dir>/nodes.csv <dir>/edges.csv` imports them by hand.
    if (succeeded) rmSync(neo4j.home, { recursive: true, force: true });
  }
}

// `node --import tsx bench/import.ts --write-files DIR NODES RELATIONS_PER_NODE`: the child process.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [flag, dir, nodes, perNode] = process.argv.slice(2);
  if (flag !== '--write-files' || !dir || !nodes || !perNode)
    throw new Error('usage: bench/import.ts --write-files DIR NODES RELATIONS_PER_NODE');
  writeFiles(dir, Number(nodes), Number(perNode));
}

// Writes an ImportSet into a dataset, all or nothing: everything goes under a fresh storage key
// (a merge first copies the dataset there), and only when it is complete is the dataset's name
// switched to it, in one transaction with its counts and a record of what changed. Until then
// readers see the previous state; a failure or a killed process leaves it served and intact
// (the staged key is removed on failure, and by the next start if the process died).
import { createHash } from 'node:crypto';
import { CURATED_DATASET } from '../../domain/ids.ts';
import { hasHan, searchKeys } from '../../domain/search-keys.ts';
import type { Database, Row } from '../db/database.ts';
import { inBatches, removeStorage } from '../db/load.ts';
import { ApiError } from '../errors.ts';
import type { ImportNode, ImportRelation, ImportSet } from './model.ts';
import { planImport, planSummary, type ExistingNode, type ExistingRelation, type ImportPlan } from './plan.ts';

export type ImportMode = 'new' | 'replace' | 'merge';

export interface ImportRequest {
  dataset: string;
  mode: ImportMode;
  dryRun: boolean;
  /** Who asked: "cli (user)" or "api (admin token)". */
  by: string;
  title?: string;
  /** Generated data (a benchmark's): the dataset is marked synthetic, as the seed's generator marks its own. */
  synthetic?: boolean;
  onProgress?: (phase: 'copy' | 'nodes' | 'relations' | 'switch' | 'cleanup', done: number, total: number) => void;
}

export interface DatasetChange {
  dataset: string;
  at: string;
  action: ImportMode;
  by: string;
  files: string[];
  sha256: string[];
  nodes_added: number;
  nodes_removed: number;
  nodes_changed: number;
  relations_added: number;
  relations_removed: number;
  relations_changed: number;
  conflicts: number;
}

export interface ImportResult {
  dataset: string;
  mode: ImportMode;
  dryRun: boolean;
  summary: ReturnType<typeof planSummary>;
  /** The first conflicts (matched nodes whose type or properties differ, ambiguous names). */
  conflicts: ImportPlan['conflicts'];
  change?: DatasetChange;
}

const NODE_BATCH = 5_000;
const RELATION_BATCH = 10_000;
const COPY_BATCH = 2_000;
const HISTORY_KEPT = 50;
/** A staged writer beats this often; one silent for STALE_MS was killed (see removeStaleStaging). */
const HEARTBEAT_MS = 5_000;
const STALE_MS = 60_000;

/**
 * Removes what killed imports left under their staged keys (never a dataset's served data, and
 * never a key whose writer is still beating, e.g. the CLI's beside a running server).
 */
export async function removeStaleStaging(db: Database): Promise<string[]> {
  const stale = await db.read('staging-stale', { before: Date.now() - STALE_MS });
  for (const { key } of stale) {
    await removeStorage(db, String(key));
    await db.writeTx((tx) => db.runIn(tx, 'staging-end', { key }));
  }
  return stale.map((row) => String(row.key));
}

/**
 * Properties the explorer itself sets (the export leaves them out of a record's own properties);
 * imported data columns of these names are kept under `data_<name>`.
 */
export const EXPLORER_PROPERTIES: ReadonlySet<string> = new Set([
  'dataset',
  'id',
  'type',
  'name_zh',
  'name_en',
  'aliases',
  'aliases_zh',
  'aliases_en',
  'sources',
  'evidence',
  'pinyin',
  'pinyin_initials',
  'pinyin_words',
  'name_en_lower',
  'synthetic',
  'source_url',
  'original_id',
]);

function dataProps(properties: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(properties))
    out[EXPLORER_PROPERTIES.has(key) ? `data_${key}` : key] = value;
  return out;
}

/** The source record of an imported file; its id is what every imported fact's evidence names. */
export function importSourceId(sha256: string): string {
  return `import/${sha256.slice(0, 16)}`;
}

/** The source record of a document whose accepted proposals were written (its text's hash). */
export function documentSourceId(sha256: string): string {
  return `doc/${sha256.slice(0, 16)}`;
}

function sourceIdOf(file: ImportSet['files'][number] | undefined): string {
  if (file?.format === 'document') return documentSourceId(file.sha256);
  return importSourceId(file?.sha256 ?? '');
}

interface Provenance {
  sourceId: string;
  by: string;
  at: string;
}

/** Where a fact without a quote of its own comes from: its file and line or element. */
function locator(origin: ImportNode['origin']): string {
  return origin.line !== undefined ? `${origin.file}, line ${origin.line}` : `${origin.file}, ${origin.path ?? ''}`;
}

export function nodeRow(node: ImportNode, sourceId: string): Row {
  const name_zh = node.name_zh ?? node.name_en ?? node.id;
  const name_en = node.name_en ?? node.name_zh ?? node.id;
  const props: Row = {
    ...dataProps(node.properties),
    name_zh,
    name_en,
    aliases: node.aliases,
    aliases_zh: node.aliases.filter(hasHan),
    aliases_en: node.aliases.filter((a) => !hasHan(a)),
    sources: [sourceId],
    evidence: [node.evidence ?? locator(node.origin)],
    ...searchKeys(name_zh, name_en, node.aliases),
  };
  if (node.source_url) props.source_url = node.source_url;
  if (node.originalId) props.original_id = node.originalId;
  return { id: node.id, type: node.type, props };
}

export function relationRow(relation: ImportRelation, sourceId: string): Row {
  const props: Row = {
    ...dataProps(relation.properties),
    sources: [sourceId],
    evidence: [relation.evidence ?? locator(relation.origin)],
  };
  if (relation.source_url) props.source_url = relation.source_url;
  return {
    id: relation.id ?? `${relation.source}~${relation.type}~${relation.target}`,
    type: relation.type,
    source: relation.source,
    target: relation.target,
    props,
  };
}

/** The file an imported fact comes from (the first file: imports of a pair name both). */
function sourceRows(set: ImportSet, prov: Provenance): Row[] {
  return set.files.map((file) => (file.format === 'document' ? documentRow(file, prov) : importRow(set, file, prov)));
}

/** A document's record: its text is the document, which the evidence quotes verbatim. */
function documentRow(file: ImportSet['files'][number], prov: Provenance): Row {
  return {
    id: documentSourceId(file.sha256),
    title: file.name,
    date: prov.at.slice(0, 10),
    language: hasHan(file.document?.text ?? '') ? 'zh' : 'en',
    kind: 'document',
    checksum: `sha256:${file.sha256}`,
    bytes: file.bytes,
    format: file.document?.format ?? 'text',
    imported_at: prov.at,
    imported_by: prov.by,
    text: file.document?.text ?? '',
  };
}

function importRow(set: ImportSet, file: ImportSet['files'][number], prov: Provenance): Row {
  return {
    id: importSourceId(file.sha256),
    title: file.name,
    date: prov.at.slice(0, 10),
    language: set.nodes.some((n) => n.name_zh && hasHan(n.name_zh)) ? 'zh' : 'en',
    kind: 'import',
    checksum: `sha256:${file.sha256}`,
    bytes: file.bytes,
    format: file.format,
    ...(file.encoding ? { encoding: file.encoding } : {}),
    imported_at: prov.at,
    imported_by: prov.by,
    text: `Imported from ${file.name} (${file.format}${file.encoding ? `, ${file.encoding}` : ''}, ${file.bytes} bytes, sha256 ${file.sha256}) on ${prov.at} by ${prov.by}.`,
  };
}

async function readExisting(db: Database, key: string) {
  const [nodes, relations] = await db.readTx(async (tx) => [
    await db.runIn(tx, 'dataset-contents', { key }),
    await db.runIn(tx, 'dataset-relations', { key }),
  ]);
  return {
    nodes: nodes as unknown as ExistingNode[],
    relations: relations as unknown as (ExistingRelation & { props: Record<string, unknown> })[],
  };
}

export function contentDigest(set: ImportSet): string {
  return createHash('sha256')
    .update(set.files.map((f) => f.sha256).join(','))
    .digest('hex');
}

/** Refuses what would lose data or surprise: see the README's import section. */
function checkRequest(set: ImportSet, req: ImportRequest, exists: boolean): void {
  if (set.problems.length > 0)
    throw new ApiError(422, 'invalid_import', `${set.problems.length} problem(s) in the files; nothing was written`, {
      problems: set.problems,
      unknownTypes: set.unknownTypes,
    });
  if (req.dataset === CURATED_DATASET && req.mode !== 'merge')
    throw new ApiError(
      409,
      'curated_dataset',
      `"${CURATED_DATASET}" is the curated dataset: only a merge into it is allowed (--merge ${CURATED_DATASET})`,
    );
  if (req.mode === 'new' && exists)
    throw new ApiError(
      409,
      'dataset_exists',
      `dataset "${req.dataset}" exists: choose --replace or --merge ${req.dataset}`,
    );
  if (req.mode === 'merge' && !exists)
    throw new ApiError(404, 'not_found', `dataset "${req.dataset}" does not exist to merge into`, { field: 'dataset' });
}

/** Each dataset's writes in this process, one after another (the last one's end). */
const writing = new Map<string, Promise<unknown>>();

/**
 * Writes (or with dryRun, plans) an import. Two writes into one dataset never overlap in this
 * process: the second waits for the first and merges into its result; a write from another
 * process that switched the dataset meanwhile makes this one fail with 409, writing nothing.
 */
export function runImport(db: Database, set: ImportSet, req: ImportRequest): Promise<ImportResult> {
  if (req.dryRun) return importNow(db, set, req);
  const before = writing.get(req.dataset) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(() => importNow(db, set, req));
  const settled = mine.catch(() => undefined);
  writing.set(req.dataset, settled);
  void settled.then(() => {
    if (writing.get(req.dataset) === settled) writing.delete(req.dataset);
  });
  return mine;
}

async function importNow(db: Database, set: ImportSet, req: ImportRequest): Promise<ImportResult> {
  const [current] = (await db.read('datasets-list')).filter((row) => row.name === req.dataset);
  checkRequest(set, req, current !== undefined);
  const previousKey = current ? String(current.key) : undefined;
  const existing = previousKey ? await readExisting(db, previousKey) : { nodes: [], relations: [] };
  const plan = planImport(set, req.mode === 'merge' ? existing : { nodes: [], relations: [] });
  const result: ImportResult = {
    dataset: req.dataset,
    mode: req.mode,
    dryRun: req.dryRun,
    summary: planSummary(plan),
    conflicts: plan.conflicts.slice(0, 500),
  };
  const blocking = plan.conflicts.filter((c) => c.field === 'name');
  if (blocking.length > 0 && !req.dryRun)
    throw new ApiError(409, 'ambiguous_match', `${blocking.length} imported node(s) match several existing nodes`, {
      conflicts: blocking.slice(0, 500),
    });
  if (req.dryRun) return result;
  const prov: Provenance = {
    sourceId: sourceIdOf(set.files[0]),
    by: req.by,
    at: new Date().toISOString(),
  };
  const key = `${req.dataset}@${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  await db.writeTx((tx) => db.runIn(tx, 'staging-begin', { key, dataset: req.dataset, at: Date.now() }));
  const heartbeat = setInterval(() => {
    void db.writeTx((tx) => db.runIn(tx, 'staging-touch', { key, at: Date.now() })).catch(() => undefined);
  }, HEARTBEAT_MS);
  try {
    if (req.mode === 'merge' && previousKey) await copyDataset(db, previousKey, key, existing.nodes, req);
    await writePlan(db, key, set, plan, prov, req);
  } catch (error) {
    clearInterval(heartbeat);
    await removeStorage(db, key).catch(() => undefined);
    await db.writeTx((tx) => db.runIn(tx, 'staging-end', { key })).catch(() => undefined);
    throw error;
  }
  clearInterval(heartbeat);
  result.change = changeRecord(set, req, prov, plan, existing);
  req.onProgress?.('switch', 0, 1);
  try {
    await switchTo(db, key, previousKey, current, set, req, result.change, prov);
  } catch (error) {
    await removeStorage(db, key).catch(() => undefined);
    await db.writeTx((tx) => db.runIn(tx, 'staging-end', { key })).catch(() => undefined);
    throw error;
  }
  if (previousKey && previousKey !== key) {
    req.onProgress?.('cleanup', 0, 1);
    await removeStorage(db, previousKey);
  }
  return result;
}

/** Points the dataset at the staged key, in one transaction with its counts and history. */
async function switchTo(
  db: Database,
  key: string,
  previousKey: string | undefined,
  current: Row | undefined,
  set: ImportSet,
  req: ImportRequest,
  change: DatasetChange,
  prov: Provenance,
): Promise<void> {
  await db.writeTx(async (tx) => {
    const [locked] = await db.runIn(tx, 'dataset-lock', { name: req.dataset, at: prov.at });
    const serving = locked?.key === null || locked?.key === undefined ? undefined : String(locked.key);
    if (serving !== previousKey)
      throw new ApiError(
        409,
        'conflict',
        `dataset "${req.dataset}" changed while this import was written (another writer); nothing was written — try again`,
      );
    await db.runIn(tx, 'dataset-upsert', {
      name: req.dataset,
      key,
      synthetic: req.synthetic ?? false,
      title_zh: current?.title_zh ?? req.title ?? req.dataset,
      title_en: current?.title_en ?? req.title ?? req.dataset,
      updated_at: prov.at,
      content_hash: contentDigest(set),
    });
    await db.runIn(tx, 'dataset-counts-set', { name: req.dataset });
    await db.runIn(tx, 'dataset-change-add', { change, keep: HISTORY_KEPT });
    await db.runIn(tx, 'staging-end', { key });
  });
}

async function copyDataset(db: Database, from: string, to: string, nodes: readonly ExistingNode[], req: ImportRequest) {
  const ids = nodes.map((n) => n.id);
  await db.writeTx((tx) => db.runIn(tx, 'dataset-copy-sources', { from, to }));
  let done = 0;
  await inBatches(ids, COPY_BATCH, async (batch) => {
    await db.writeTx((tx) => db.runIn(tx, 'dataset-copy-nodes', { from, to, ids: batch }));
    done += batch.length;
    req.onProgress?.('copy', done, ids.length * 2);
  });
  await inBatches(ids, COPY_BATCH, async (batch) => {
    await db.writeTx((tx) => db.runIn(tx, 'dataset-copy-relations', { from, to, ids: batch }));
    done += batch.length;
    req.onProgress?.('copy', done, ids.length * 2);
  });
}

async function writePlan(
  db: Database,
  key: string,
  set: ImportSet,
  plan: ImportPlan,
  prov: Provenance,
  req: ImportRequest,
) {
  await db.writeTx((tx) => db.runIn(tx, 'sources-upsert', { key, rows: sourceRows(set, prov) }));
  let done = 0;
  await inBatches(plan.addedNodes, NODE_BATCH, async (batch) => {
    const rows = batch.map((n) => nodeRow(n, prov.sourceId));
    await db.writeTx((tx) => db.runIn(tx, 'import-nodes', { key, rows }));
    done += batch.length;
    req.onProgress?.('nodes', done, plan.addedNodes.length);
  });
  const nodesById = new Map(set.nodes.map((n) => [n.id, n]));
  await inBatches(plan.matchedNodes, NODE_BATCH, async (batch) => {
    const rows = batch.map((m) => {
      const node = nodesById.get(m.imported);
      return {
        id: m.existing,
        props: dataProps(m.adds),
        source: prov.sourceId,
        quote: node ? (node.evidence ?? locator(node.origin)) : m.imported,
      };
    });
    await db.writeTx((tx) => db.runIn(tx, 'import-nodes-extend', { key, rows }));
  });
  done = 0;
  await inBatches(plan.addedRelations, RELATION_BATCH, async (batch) => {
    const rows = batch.map((r) => relationRow(r, prov.sourceId));
    await db.writeTx((tx) => db.runIn(tx, 'import-relations', { key, rows }));
    done += batch.length;
    req.onProgress?.('relations', done, plan.addedRelations.length);
  });
  // Ties the dataset held already: the import's evidence is theirs too.
  await inBatches(plan.extendedRelations, RELATION_BATCH, async (batch) => {
    const rows = batch.map(({ existing, imported }) => ({
      id: existing.id,
      source: existing.source,
      target: existing.target,
      from: prov.sourceId,
      quote: imported.evidence ?? locator(imported.origin),
    }));
    await db.writeTx((tx) => db.runIn(tx, 'import-relations-extend', { key, rows }));
  });
}

/** What the import changed, compared with what the dataset held before. */
function changeRecord(
  set: ImportSet,
  req: ImportRequest,
  prov: Provenance,
  plan: ImportPlan,
  existing: { nodes: readonly ExistingNode[]; relations: readonly ExistingRelation[] },
): DatasetChange {
  const base = {
    dataset: req.dataset,
    at: prov.at,
    action: req.mode,
    by: req.by,
    files: set.files.map((f) => f.name),
    sha256: set.files.map((f) => f.sha256),
    conflicts: plan.conflicts.length,
  };
  if (req.mode === 'merge')
    return {
      ...base,
      nodes_added: plan.addedNodes.length,
      nodes_removed: 0,
      nodes_changed: plan.matchedNodes.filter((m) => Object.keys(m.adds).length > 0).length,
      relations_added: plan.addedRelations.length,
      relations_removed: 0,
      relations_changed: 0,
    };
  return { ...base, ...replaceDiff(set, plan, existing) };
}

/** A replace's difference: ids added and removed, and nodes or relations whose content changed. */
function replaceDiff(
  set: ImportSet,
  plan: ImportPlan,
  existing: { nodes: readonly ExistingNode[]; relations: readonly ExistingRelation[] },
) {
  const oldNodes = new Map(existing.nodes.map((n) => [n.id, n]));
  const newIds = new Set(set.nodes.map((n) => n.id));
  let changed = 0;
  for (const node of set.nodes) {
    const old = oldNodes.get(node.id);
    if (!old) continue;
    const row = nodeRow(node, '');
    const same =
      old.type === node.type &&
      Object.entries(row.props as Row).every(
        ([k, v]) => k === 'sources' || k === 'evidence' || JSON.stringify(old.props[k]) === JSON.stringify(v),
      );
    if (!same) changed++;
  }
  const oldTies = new Set(existing.relations.map((r) => `${r.source}~${r.type}~${r.target}`));
  const newTies = new Set(plan.addedRelations.map((r) => `${r.source}~${r.type}~${r.target}`));
  return {
    nodes_added: set.nodes.filter((n) => !oldNodes.has(n.id)).length,
    nodes_removed: existing.nodes.filter((n) => !newIds.has(n.id)).length,
    nodes_changed: changed,
    relations_added: [...newTies].filter((t) => !oldTies.has(t)).length,
    relations_removed: [...oldTies].filter((t) => !newTies.has(t)).length,
    relations_changed: 0,
  };
}

// Writes a validated dataset into Neo4j. A curated dataset is small and is written in ONE
// write transaction: it lands whole or not at all, and MERGE + SET makes a rerun a no-op.
import { createHash } from 'node:crypto';

import type { Database, Row, Tx } from './database.ts';
import { hasHan, searchKeys } from '../../domain/search-keys.ts';
import type { NodeRecord, RelationRecord, SeedDataset } from '../../seed/schema.ts';
import { syncBuiltinStories } from '../stories/store.ts';

export const BATCH_SIZE = 2_000;

export interface LoadSummary {
  dataset: string;
  key: string;
  sources: number;
  nodes: number;
  relations: number;
}

function withoutUndefined(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined));
}

/** The stored properties of a node: the record, its evidence as parallel lists, search keys. */
export function nodeProperties(record: NodeRecord, synthetic = false): Row {
  const { id: _id, type: _type, evidence, aliases, ...rest } = record;
  return withoutUndefined({
    ...rest,
    aliases,
    aliases_zh: aliases.filter(hasHan),
    aliases_en: aliases.filter((a) => !hasHan(a)),
    sources: evidence.map((e) => e.source),
    evidence: evidence.map((e) => e.quote),
    synthetic,
    ...searchKeys(record.name_zh, record.name_en, aliases),
  });
}

export function relationProperties(record: RelationRecord, synthetic = false): Row {
  return withoutUndefined({
    note: record.note,
    sources: record.evidence.map((e) => e.source),
    evidence: record.evidence.map((e) => e.quote),
    synthetic,
  });
}

/** A digest of a dataset's content: equal for equal seed files. */
export function contentHash(data: SeedDataset): string {
  return createHash('sha256')
    .update(JSON.stringify([data.dataset, data.sources, data.nodes, data.relations]))
    .digest('hex');
}

/** Rows for nodes-upsert.cypher: the type (a whitelisted label) travels as a value. */
function nodeRows(batch: NodeRecord[], synthetic: boolean): Row[] {
  return batch.map((n) => ({ id: n.id, type: n.type, props: nodeProperties(n, synthetic) }));
}

/** Rows for relations-upsert.cypher. */
function relationRows(batch: RelationRecord[], synthetic: boolean): Row[] {
  return batch.map((r) => ({
    id: r.id,
    type: r.type,
    source: r.source,
    target: r.target,
    props: relationProperties(r, synthetic),
  }));
}

/** The stored fields of the source documents (the file name stays in the seed). */
function sourceRows(data: SeedDataset): Row[] {
  return data.sources.map((s) =>
    withoutUndefined({
      id: s.id,
      title: s.title,
      publisher: s.publisher,
      date: s.date,
      language: s.language,
      url: s.url,
      text: s.text,
    }),
  );
}

export async function inBatches<T>(rows: T[], size: number, run: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await run(rows.slice(i, i + size));
}

async function writeAll(db: Database, tx: Tx, data: SeedDataset, key: string, synthetic: boolean) {
  const { dataset } = data;
  await db.runIn(tx, 'sources-upsert', {
    key,
    rows: sourceRows(data),
  });
  await db.runIn(tx, 'sources-delete-missing', { key, ids: data.sources.map((s) => s.id) });
  await inBatches(data.nodes, BATCH_SIZE, (batch) =>
    db.runIn(tx, 'nodes-upsert', {
      key,
      rows: nodeRows(batch, synthetic),
    }),
  );
  await db.runIn(tx, 'nodes-delete-missing', { key, ids: data.nodes.map((n) => n.id) });
  await inBatches(data.relations, BATCH_SIZE, (batch) =>
    db.runIn(tx, 'relations-upsert', {
      key,
      rows: relationRows(batch, synthetic),
    }),
  );
  await db.runIn(tx, 'relations-delete-missing', { key, ids: data.relations.map((r) => r.id) });
  await db.runIn(tx, 'dataset-upsert', {
    name: dataset.name,
    key,
    synthetic,
    title_zh: dataset.title_zh,
    title_en: dataset.title_en,
    updated_at: new Date().toISOString(),
    content_hash: contentHash(data),
  });
}

/**
 * Loads (or re-syncs) a dataset in one transaction under the storage key equal to its name, with
 * its built-in stories (when the seed has a stories folder). A dataset that a merge had moved to
 * another key comes back to its own, and that key is removed.
 */
export async function loadDataset(db: Database, data: SeedDataset, { synthetic = false } = {}): Promise<LoadSummary> {
  const key = data.dataset.name;
  const [previous] = (await db.read('datasets-list')).filter((row) => row.name === key);
  await db.writeTx(async (tx) => {
    await writeAll(db, tx, data, key, synthetic);
    await db.runIn(tx, 'dataset-counts-set', { name: key });
    if (data.stories) await syncBuiltinStories(db, tx, data.dataset.name, data.stories);
  });
  if (previous && previous.key !== key) await removeStorage(db, String(previous.key));
  return {
    dataset: data.dataset.name,
    key,
    sources: data.sources.length,
    nodes: data.nodes.length,
    relations: data.relations.length,
  };
}

/** Removes a dataset: its registry entry first (readers stop seeing it), then its nodes in batches. */
export async function removeDataset(db: Database, name: string, key: string): Promise<void> {
  await db.writeTx((tx) => db.runIn(tx, 'dataset-remove', { name }));
  await removeStorage(db, key);
}

export async function removeStorage(db: Database, key: string): Promise<void> {
  for (;;) {
    const [row] = await db.writeTx((tx) => db.runIn(tx, 'dataset-delete-batch', { key, batch: 10_000 }));
    if (!row || Number(row.deleted) === 0) break;
  }
  await db.writeTx((tx) => db.runIn(tx, 'dataset-delete-sources', { key }));
}

export interface StagedLoadOptions {
  synthetic?: boolean;
  nodeBatch?: number;
  relationBatch?: number;
  onProgress?: (phase: 'nodes' | 'relations' | 'switch' | 'cleanup', done: number, total: number) => void;
}

/**
 * Loads a large dataset all or nothing: everything is written under a fresh storage key in
 * batches (each its own transaction), then the dataset's name is switched to that key in one
 * transaction, then the previous storage is removed. Readers see the old data or the new, never
 * a mix; if anything fails before the switch, the staged data is removed and nothing changed.
 */
export async function loadDatasetStaged(
  db: Database,
  data: SeedDataset,
  options: StagedLoadOptions = {},
): Promise<LoadSummary> {
  const synthetic = options.synthetic ?? false;
  const nodeBatch = options.nodeBatch ?? 5_000;
  const relationBatch = options.relationBatch ?? 10_000;
  const name = data.dataset.name;
  const key = `${name}@${Date.now().toString(36)}`;
  const [previous] = (await db.read('datasets-list')).filter((row) => row.name === name);
  try {
    await db.writeTx((tx) =>
      db.runIn(tx, 'sources-upsert', {
        key,
        rows: sourceRows(data),
      }),
    );
    let done = 0;
    await inBatches(data.nodes, nodeBatch, async (batch) => {
      await db.writeTx((tx) =>
        db.runIn(tx, 'nodes-upsert', {
          key,
          rows: nodeRows(batch, synthetic),
        }),
      );
      done += batch.length;
      options.onProgress?.('nodes', done, data.nodes.length);
    });
    done = 0;
    await inBatches(data.relations, relationBatch, async (batch) => {
      await db.writeTx((tx) =>
        db.runIn(tx, 'relations-upsert', {
          key,
          rows: relationRows(batch, synthetic),
        }),
      );
      done += batch.length;
      options.onProgress?.('relations', done, data.relations.length);
    });
  } catch (error) {
    await removeStorage(db, key).catch(() => undefined);
    throw error;
  }
  options.onProgress?.('switch', 0, 1);
  await db.writeTx(async (tx) => {
    await db.runIn(tx, 'dataset-upsert', {
      name,
      key,
      synthetic,
      title_zh: data.dataset.title_zh,
      title_en: data.dataset.title_en,
      updated_at: new Date().toISOString(),
      content_hash: contentHash(data),
    });
    await db.runIn(tx, 'dataset-counts-set', { name });
  });
  if (previous && previous.key !== key) {
    options.onProgress?.('cleanup', 0, 1);
    await removeStorage(db, String(previous.key));
  }
  return {
    dataset: name,
    key,
    sources: data.sources.length,
    nodes: data.nodes.length,
    relations: data.relations.length,
  };
}

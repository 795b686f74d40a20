// Writes a validated dataset into Neo4j. A curated dataset is small and is written in ONE
// write transaction: it lands whole or not at all, and MERGE + SET makes a rerun a no-op.
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database, Row } from '../server/db/database.ts';
import { hasHan, searchKeys } from './search-keys.ts';
import type { NodeRecord, RelationRecord, SeedDataset } from './schema.ts';

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

export async function inBatches<T>(rows: T[], size: number, run: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await run(rows.slice(i, i + size));
}

async function writeAll(db: Database, tx: ManagedTransaction, data: SeedDataset, key: string, synthetic: boolean) {
  const { dataset } = data;
  await db.runIn(tx, 'sources-upsert', {
    key,
    rows: data.sources.map((s) =>
      withoutUndefined({
        id: s.id,
        title: s.title,
        publisher: s.publisher,
        date: s.date,
        language: s.language,
        url: s.url,
        text: s.text,
      }),
    ),
  });
  await db.runIn(tx, 'sources-delete-missing', { key, ids: data.sources.map((s) => s.id) });
  await inBatches(data.nodes, BATCH_SIZE, (batch) =>
    db.runIn(tx, 'nodes-upsert', {
      key,
      rows: batch.map((n) => ({ id: n.id, type: n.type, props: nodeProperties(n, synthetic) })),
    }),
  );
  await db.runIn(tx, 'nodes-delete-missing', { key, ids: data.nodes.map((n) => n.id) });
  await inBatches(data.relations, BATCH_SIZE, (batch) =>
    db.runIn(tx, 'relations-upsert', {
      key,
      rows: batch.map((r) => ({
        id: r.id,
        type: r.type,
        source: r.source,
        target: r.target,
        props: relationProperties(r, synthetic),
      })),
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
  });
}

/** Loads (or re-syncs) a dataset in one transaction under the storage key equal to its name. */
export async function loadDataset(db: Database, data: SeedDataset, { synthetic = false } = {}): Promise<LoadSummary> {
  const key = data.dataset.name;
  await db.writeTx((tx) => writeAll(db, tx, data, key, synthetic));
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

// A dataset's nodes by every name they answer to (Chinese, English, aliases): the extractor's
// gazetteer (a proposal that matches one is a merge) and what an accepted proposal is matched
// against. Read by the review endpoints and by `npm run extract -- --dataset`.
import type { GazetteerEntry } from '../../domain/extraction.ts';
import type { Database } from '../db/database.ts';

export async function readDatasetNames(db: Database, key: string): Promise<GazetteerEntry[]> {
  const rows = await db.readTx((tx) => db.runIn(tx, 'dataset-contents', { key }));
  return rows.map((row) => ({
    id: String(row.id),
    type: String(row.type),
    names: [row.name_zh, row.name_en, ...((row.aliases as unknown[] | null) ?? [])].filter(
      (n): n is string => typeof n === 'string' && n.trim() !== '',
    ),
  }));
}

// Dataset names → storage keys. A dataset's nodes carry its current storage key in `dataset`;
// a staged load writes under a fresh key and then repoints the name (see server/db/load.ts), so
// readers always see a whole dataset. Resolved names are cached briefly and dropped on writes.
import { CURATED_DATASET, isDatasetName } from '../../domain/ids.ts';
import type { Database } from '../db/database.ts';
import { ApiError, notFound } from '../errors.ts';

export interface DatasetInfo {
  name: string;
  key: string;
  synthetic: boolean;
  title_zh: string | null;
  title_en: string | null;
  updated_at: string | null;
  nodes: number;
  relations: number;
}

const CACHE_MS = 2_000;

export class DatasetRegistry {
  private cache: { at: number; byName: Map<string, DatasetInfo> } | undefined;

  constructor(private readonly db: Database) {}

  invalidate(): void {
    this.cache = undefined;
  }

  async list(): Promise<DatasetInfo[]> {
    const now = Date.now();
    if (!this.cache || now - this.cache.at > CACHE_MS) {
      const rows = await this.db.read('datasets-list');
      const byName = new Map<string, DatasetInfo>();
      for (const row of rows) {
        byName.set(String(row.name), {
          name: String(row.name),
          key: String(row.key),
          synthetic: row.synthetic === true,
          title_zh: (row.title_zh as string | null) ?? null,
          title_en: (row.title_en as string | null) ?? null,
          updated_at: (row.updated_at as string | null) ?? null,
          nodes: Number(row.nodes),
          relations: Number(row.relations),
        });
      }
      this.cache = { at: now, byName };
    }
    return [...this.cache.byName.values()];
  }

  /** The dataset a request names (the curated one when omitted); 404 when it does not exist. */
  async resolve(name: string | undefined): Promise<DatasetInfo> {
    const wanted = name ?? CURATED_DATASET;
    if (!isDatasetName(wanted)) {
      throw new ApiError(400, 'bad_request', `invalid dataset name "${wanted}"`, { field: 'dataset' });
    }
    await this.list();
    const found = this.cache?.byName.get(wanted);
    if (!found)
      throw notFound(`dataset "${wanted}"`, { field: 'dataset', available: [...(this.cache?.byName.keys() ?? [])] });
    return found;
  }
}

// Dataset names → storage keys. A dataset's nodes carry its current storage key in `dataset`;
// a staged load writes under a fresh key and then repoints the name (see server/db/load.ts), so
// readers always see a whole dataset. The list is read for every request — it is a read of the
// :Dataset nodes, whose counts are kept as data — so that a write made by another process (an
// import from the CLI beside the server) is seen at once; concurrent requests share one query.
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
  /** The dataset's own node type → sector mapping for the analytics (PUT /datasets/:name/sectors). */
  sectorOverrides: Record<string, string>;
}

/**
 * By default the list is never reused once read (only shared by the requests waiting for it):
 * a cached list would go stale when another process writes.
 */
const CACHE_MS = 0;

interface Snapshot {
  at: number;
  byName: Map<string, DatasetInfo>;
}

/** The part of the database the registry reads through. */
export type DatasetSource = Pick<Database, 'read'>;

export class DatasetRegistry {
  private cache: Snapshot | undefined;
  /** The one query in flight; every miss meanwhile waits for it instead of starting its own. */
  private pending: Promise<Snapshot> | undefined;
  /** Bumped by `invalidate`: a query started before a write may not fill the cache after it. */
  private generation = 0;

  private readonly cacheMs: number;

  constructor(
    private readonly db: DatasetSource,
    options: { cacheMs?: number } = {},
  ) {
    this.cacheMs = options.cacheMs ?? CACHE_MS;
  }

  invalidate(): void {
    this.generation++;
    this.cache = undefined;
    this.pending = undefined;
  }

  async list(): Promise<DatasetInfo[]> {
    return [...(await this.snapshot()).byName.values()];
  }

  private snapshot(): Promise<Snapshot> {
    if (this.cache && Date.now() - this.cache.at < this.cacheMs) return Promise.resolve(this.cache);
    if (this.pending) return this.pending;
    const generation = this.generation;
    const pending = this.fetch().then(
      (snapshot) => {
        if (this.generation === generation) this.cache = snapshot;
        if (this.pending === pending) this.pending = undefined;
        return snapshot;
      },
      (error: unknown) => {
        if (this.pending === pending) this.pending = undefined;
        throw error;
      },
    );
    this.pending = pending;
    return pending;
  }

  private async fetch(): Promise<Snapshot> {
    const at = Date.now();
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
        sectorOverrides: parseSectorMap(row.sector_map),
      });
    }
    return { at, byName };
  }

  /** The dataset a request names (the curated one when omitted); 404 when it does not exist. */
  async resolve(name: string | undefined): Promise<DatasetInfo> {
    const wanted = name ?? CURATED_DATASET;
    if (!isDatasetName(wanted)) {
      throw new ApiError(400, 'bad_request', `invalid dataset name "${wanted}"`, { field: 'dataset' });
    }
    const { byName } = await this.snapshot();
    const found = byName.get(wanted);
    if (!found) throw notFound(`dataset "${wanted}"`, { field: 'dataset', available: [...byName.keys()] });
    return found;
  }
}

/** The stored mapping is written only by the sectors endpoint; anything unreadable means none. */
function parseSectorMap(value: unknown): Record<string, string> {
  if (typeof value !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(value);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return {};
  }
}

// The offline bundle (`npm run export:bundle`): one dataset as the web app's static data source
// reads it, written by the server's CLI into `data.js`. Declared once here: the CLI writes it,
// the web app reads it. Pure: no I/O.
import type {
  DatasetSummary,
  GapsPayload,
  GraphPayload,
  MetricsReady,
  NodeDetails,
  PartnersPayload,
  SchemaPayload,
  SourceDocument,
  SourcesPayload,
} from './api-types.ts';
import type { SearchCandidate } from './search-rank.ts';
import type { Story } from './story.ts';

export const BUNDLE_FORMAT = 'laoshan-explorer-bundle';
export const BUNDLE_VERSION = 1;

/**
 * `data.js` assigns the bundle to this property of `window`: a page opened from file:// may not
 * fetch a JSON file, but it may run a classic script beside it.
 */
export const BUNDLE_GLOBAL = '__EXPLORER_BUNDLE__';

/** A node's search keys, computed at export time (so pinyin-pro stays out of the browser). */
export type SearchEntry = Omit<SearchCandidate, 'fulltext'> & { aliases: string[] };

export interface OfflineBundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  /** ISO time of the export. */
  createdAt: string;
  dataset: DatasetSummary;
  schema: SchemaPayload;
  /** The whole dataset with the server's stored layout (`positions: 'stored'`). */
  graph: GraphPayload;
  /** Every node's details (properties, relations, evidence), as `GET /api/nodes/:id` answers. */
  details: Record<string, NodeDetails>;
  /** Every source document an evidence quote names, with its full text. */
  sources: Record<string, SourceDocument>;
  /** The dataset's sources without their text, as `GET /api/sources` lists them (a slide's footnote). */
  sourceList: SourcesPayload | null;
  search: SearchEntry[];
  /** The server's metrics, sectors and brokers (null: not computed for this copy). */
  metrics: MetricsReady | null;
  gaps: GapsPayload | null;
  /** Per actor, its partner suggestions of any type (null: not offered in this copy). */
  partners: Record<string, PartnersPayload> | null;
  /** Read-only: the dataset's stories, or the one `--story` named. */
  stories: Story[];
}

/** Whether a value looks like a bundle this version of the app can read. */
export function isOfflineBundle(value: unknown): value is OfflineBundle {
  if (typeof value !== 'object' || value === null) return false;
  const bundle = value as Partial<OfflineBundle>;
  return bundle.format === BUNDLE_FORMAT && bundle.version === BUNDLE_VERSION && typeof bundle.graph === 'object';
}

// The metrics table's order: every node of the dataset ranked by a column, of which only the
// first rows are drawn (a 100k-node dataset would make a table no one reads and the page slow).
// Pure: no DOM, testable in Node.
import type { MetricInfo, MetricsReady } from '../../../../domain/api-types.ts';
import { parseSort, type SortOrder } from './slice.ts';

/** Rows drawn at most; a note says how many there are. */
export const TABLE_ROWS = 200;

/** Metrics ranked by first, when the view names no order. */
const PREFERRED = ['betweenness', 'pagerank', 'degree'];

export function defaultSort(metrics: readonly MetricInfo[]): SortOrder {
  const ranked = metrics.filter((m) => m.kind !== 'category');
  const column = PREFERRED.find((id) => ranked.some((m) => m.id === id)) ?? ranked[0]?.id;
  return column ? { column, descending: true } : { column: 'name', descending: false };
}

export function sortOrder(metricsSort: string | undefined, metrics: readonly MetricInfo[]): SortOrder {
  return metricsSort === undefined ? defaultSort(metrics) : parseSort(metricsSort);
}

/** A header click: the same column turns around; another starts high-first (names: A first). */
export function nextSort(current: SortOrder, column: string): SortOrder {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: column !== 'name' && column !== 'type' };
}

export interface Ranking {
  /** Indices into the payload's `ids`, in the table's order, at most `limit`. */
  indices: number[];
  total: number;
}

/**
 * The first `limit` nodes in the given order. A metric column ranks by value (nodes without a
 * finite value last, whichever the direction); a text column ranks the nodes that have a text
 * (the ones the view holds) and puts the rest after them. Ties keep the server's order.
 */
export function rank(
  payload: Pick<MetricsReady, 'ids' | 'values'>,
  order: SortOrder,
  text: (column: string, id: string) => string | undefined,
  compareText: (a: string, b: string) => number,
  limit = TABLE_ROWS,
): Ranking {
  const n = payload.ids.length;
  const indices = Array.from({ length: n }, (_, i) => i);
  const sign = order.descending ? -1 : 1;
  const values = payload.values[order.column];
  if (values) {
    const key = (i: number) => {
      const v = values[i];
      return v !== undefined && Number.isFinite(v) ? v : undefined;
    };
    indices.sort((a, b) => compareMissingLast(key(a), key(b), (x, y) => sign * (x - y)) || a - b);
  } else {
    const keys = payload.ids.map((id) => text(order.column, id));
    indices.sort((a, b) => compareMissingLast(keys[a], keys[b], (x, y) => sign * compareText(x, y)) || a - b);
  }
  return { indices: indices.slice(0, limit), total: n };
}

function compareMissingLast<T>(a: T | undefined, b: T | undefined, compare: (a: T, b: T) => number): number {
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  return compare(a, b);
}

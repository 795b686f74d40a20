// The analytics endpoints answer `status: 'computing'` (with progress) while the server computes
// a dataset's metrics; the views that read them show the progress and ask again.
import type { MetricsComputing } from './types.ts';

/** How long a view waits before asking again while the metrics are being computed. */
export const COMPUTING_POLL_MS = 1_000;

export function isComputing(payload: object): payload is MetricsComputing {
  return 'status' in payload && payload.status === 'computing';
}

/** The progress as a whole percentage (0 when the total is not known yet). */
export function progressPercent(computing: MetricsComputing): number {
  const { done, total } = computing.progress;
  return total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
}

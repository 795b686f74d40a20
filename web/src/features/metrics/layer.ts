// The display layer that sizes and colours nodes by metrics. Its maps are computed once when the
// metrics or the choice change; sigma's reducer only looks a node up and writes into the copy it
// is handed. Nodes without a value (loaded after the metrics, or without a finite value) keep
// their default look. Pure: no DOM.
import type { NodeDisplayData } from 'sigma/types';
import type { MetricsReady } from '../../../../domain/api-types.ts';
import type { DisplayLayer } from '../../core/layers.ts';
import { colorsBy, sizesBy } from './scales.ts';

const NO_SIZES: ReadonlyMap<string, number> = new Map();
const NO_COLORS: ReadonlyMap<string, string> = new Map();

export class MetricStyles implements DisplayLayer {
  readonly id = 'metrics';
  private sizes = NO_SIZES;
  private colors = NO_COLORS;
  private shown: { payload?: MetricsReady; sizeBy?: string; colorBy?: string } = {};

  /** Brings the maps in line with the metrics and the choice; true if they changed. */
  update(payload: MetricsReady | undefined, sizeBy: string | undefined, colorBy: string | undefined): boolean {
    const shown = this.shown;
    if (shown.payload === payload && shown.sizeBy === sizeBy && shown.colorBy === colorBy) return false;
    if (shown.payload !== payload || shown.sizeBy !== sizeBy)
      this.sizes = payload && sizeBy ? sizesBy(payload, sizeBy) : NO_SIZES;
    if (shown.payload !== payload || shown.colorBy !== colorBy) {
      const categorical = payload?.metrics.find((m) => m.id === colorBy)?.kind === 'category';
      this.colors = payload && colorBy ? colorsBy(payload, colorBy, categorical) : NO_COLORS;
    }
    this.shown = { payload, sizeBy, colorBy };
    return true;
  }

  styleNode(node: string, data: Partial<NodeDisplayData>): void {
    const size = this.sizes.get(node);
    if (size !== undefined) data.size = size;
    const color = this.colors.get(node);
    if (color !== undefined) data.color = color;
  }

  /** The size and colour the layer gives a node, if any (for tests). */
  styleOf(node: string): { size?: number; color?: string } {
    return { size: this.sizes.get(node), color: this.colors.get(node) };
  }
}

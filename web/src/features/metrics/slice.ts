// The metrics feature's slice of the view and the link: the metric nodes are sized by (`size`),
// the one they are coloured by (`color`) and the column the metrics table is ranked by
// (`msort`: a column, `-` in front for descending). Metric ids are checked for their shape when
// read; once the server has answered with the dataset's metrics, names it does not know are
// dropped (`known`). Pure: no DOM, testable in Node.
import { readOne, writeOne, type Slice } from '../../core/codec.ts';
import type { CoreState } from '../../core/state.ts';

export interface MetricsState {
  /** The metric node sizes follow (a count or a score), or none: sized by degree. */
  sizeBy: string | undefined;
  /** The metric node colours follow (communities get categorical colours), or none: by type. */
  colorBy: string | undefined;
  /** The metrics table's order: a column ('name', 'type' or a metric), '-' first: descending. */
  metricsSort: string | undefined;
}

export type MetricKind = 'count' | 'score' | 'category';

/** The dataset's metrics and their kinds once the server has computed them; else undefined. */
export type KnownMetrics = (dataset: string) => ReadonlyMap<string, MetricKind> | undefined;

/** Columns of the table that are not metrics. */
export const TEXT_COLUMNS = ['name', 'type'] as const;

export function isMetricId(value: string): boolean {
  return /^[a-z][a-z0-9_]{0,40}$/.test(value);
}

function isSort(value: string): boolean {
  return isMetricId(value.startsWith('-') ? value.slice(1) : value);
}

export interface SortOrder {
  column: string;
  descending: boolean;
}

export function parseSort(value: string): SortOrder {
  return value.startsWith('-') ? { column: value.slice(1), descending: true } : { column: value, descending: false };
}

export function writeSort(order: SortOrder): string {
  return `${order.descending ? '-' : ''}${order.column}`;
}

/** What of a metrics choice the dataset's metrics confirm (size needs a magnitude). */
export function validateMetrics(
  state: Pick<MetricsState, 'sizeBy' | 'colorBy' | 'metricsSort'>,
  known: ReadonlyMap<string, MetricKind>,
): Pick<MetricsState, 'sizeBy' | 'colorBy' | 'metricsSort'> {
  const { sizeBy, colorBy, metricsSort } = state;
  const column = metricsSort === undefined ? undefined : parseSort(metricsSort).column;
  const textColumn = (TEXT_COLUMNS as readonly (string | undefined)[]).includes(column);
  return {
    sizeBy: sizeBy !== undefined && known.has(sizeBy) && known.get(sizeBy) !== 'category' ? sizeBy : undefined,
    colorBy: colorBy !== undefined && known.has(colorBy) ? colorBy : undefined,
    metricsSort: column !== undefined && (textColumn || known.has(column)) ? metricsSort : undefined,
  };
}

export function metricsSlice<S extends CoreState & MetricsState>(known: KnownMetrics = () => undefined): Slice<S> {
  return {
    id: 'metrics',
    keys: ['sizeBy', 'colorBy', 'metricsSort'],
    params: ['size', 'color', 'msort'],
    defaults: () => ({ sizeBy: undefined, colorBy: undefined, metricsSort: undefined }) as Partial<S>,
    parse: (params) =>
      ({
        sizeBy: readOne(params, 'size', isMetricId),
        colorBy: readOne(params, 'color', isMetricId),
        metricsSort: readOne(params, 'msort', isSort),
      }) as Partial<S>,
    write(state, out) {
      writeOne(out, 'size', state.sizeBy);
      writeOne(out, 'color', state.colorBy);
      writeOne(out, 'msort', state.metricsSort);
    },
    // Until the metrics are computed the choice is kept as the link gave it.
    validate(state) {
      const metrics = known(state.dataset);
      return (metrics ? validateMetrics(state, metrics) : {}) as Partial<S>;
    },
  };
}

// The metrics panel: while the server computes, its progress; then the size and colour choices,
// the colour legend (communities by size, named by their best-connected members, or the scale),
// the sector mixing report and the ranked table (the first rows; a header click sorts, a row
// selects its node). Names from data are text, never markup.
import type { MetricInfo, MetricsComputing, MetricsReady } from '../../../../domain/api-types.ts';
import { h } from '../../core/dom.ts';
import { t, type Lang } from '../../i18n.ts';
import { categories, COMMUNITY_COLORS, extentOf, SEQUENTIAL_STOPS, type Category } from './scales.ts';
import { coefficient, formatValue, percent } from './format.ts';
import { SECTOR_TEXT, sectorName } from './sectors.ts';
import type { SortOrder } from './slice.ts';

export interface MetricsRow {
  id: string;
  name: string;
  otherName: string;
  type: string;
  index: number;
}

export interface MetricsViewModel {
  lang: Lang;
  payload: MetricsReady;
  sizeBy: string | undefined;
  colorBy: string | undefined;
  order: SortOrder;
  selected: string | undefined;
  rows: MetricsRow[];
}

export interface MetricsHandlers {
  onSize(metric: string | undefined): void;
  onColor(metric: string | undefined): void;
  onSort(column: string): void;
  onSelect(id: string): void;
  onClose(): void;
}

function head(lang: Lang, onClose: () => void): HTMLElement[] {
  const close = h('button', { class: 'close', type: 'button', 'aria-label': t(lang, 'close') }, '×');
  close.addEventListener('click', onClose);
  return [close, h('h2', {}, t(lang, 'metrics'))];
}

/** Before the first answer (`progress` undefined) and while the server computes. */
export function renderProgress(
  root: HTMLElement,
  progress: MetricsComputing | undefined,
  lang: Lang,
  onClose: () => void,
): void {
  const bar = h('progress', { id: 'metrics-progress' });
  if (progress && progress.progress.total > 0) {
    bar.max = progress.progress.total;
    bar.value = Math.min(progress.progress.done, progress.progress.total);
  }
  const line = progress ? t(lang, 'metricsProgress', { ...progress.progress }) : t(lang, 'metricsAsking');
  root.replaceChildren(...head(lang, onClose), h('p', { id: 'metrics-status', role: 'status' }, line), bar);
  root.hidden = false;
}

export function renderMetrics(root: HTMLElement, view: MetricsViewModel, handlers: MetricsHandlers): void {
  const { lang, payload } = view;
  const summary = {
    nodes: payload.nodes,
    relations: payload.relations,
    seconds: (payload.durationMs / 1_000).toFixed(1),
  };
  root.replaceChildren(
    ...head(lang, handlers.onClose),
    h('p', { class: 'hint', id: 'metrics-summary' }, t(lang, 'metricsSummary', summary)),
    controls(view, handlers),
    ...legend(view),
    sectors(payload, lang),
    table(view, handlers),
  );
  root.hidden = false;
}

export function metricName(metric: MetricInfo, lang: Lang): string {
  return lang === 'zh' ? metric.name_zh : metric.name_en;
}

function choice(
  id: string,
  label: string,
  metrics: readonly MetricInfo[],
  view: MetricsViewModel,
  chosen: { value: string | undefined; none: string; onChange(metric: string | undefined): void },
): HTMLElement {
  const select = h(
    'select',
    { id },
    h('option', { value: '' }, chosen.none),
    ...metrics.map((m) => h('option', { value: m.id, title: m.description }, metricName(m, view.lang))),
  );
  select.value = chosen.value ?? '';
  select.addEventListener('change', () => chosen.onChange(select.value || undefined));
  return h('label', { class: 'metrics-choice' }, h('span', {}, label), select);
}

function controls(view: MetricsViewModel, handlers: MetricsHandlers): HTMLElement {
  const { lang, payload } = view;
  const magnitudes = payload.metrics.filter((m) => m.kind !== 'category');
  return h(
    'div',
    { class: 'metrics-controls' },
    choice('metrics-size', t(lang, 'metricsSizeBy'), magnitudes, view, {
      value: view.sizeBy,
      none: t(lang, 'metricsSizeDefault'),
      onChange: handlers.onSize,
    }),
    choice('metrics-color', t(lang, 'metricsColorBy'), payload.metrics, view, {
      value: view.colorBy,
      none: t(lang, 'metricsColorDefault'),
      onChange: handlers.onColor,
    }),
  );
}

/** The colour legend, when nodes are coloured by a metric. */
function legend(view: MetricsViewModel): HTMLElement[] {
  const metric = view.payload.metrics.find((m) => m.id === view.colorBy);
  const values = metric && view.payload.values[metric.id];
  if (!metric || !values) return [];
  if (metric.kind === 'category') return [categoryLegend(view, categories(values))];
  const extent = extentOf(values);
  const bar = h('span', { class: 'metrics-ramp', 'aria-hidden': 'true' });
  bar.style.background = `linear-gradient(to right, ${SEQUENTIAL_STOPS.join(', ')})`;
  return [
    h(
      'div',
      { id: 'metrics-legend', class: 'metrics-legend' },
      h('span', {}, formatValue(extent?.min ?? 0)),
      bar,
      h('span', {}, formatValue(extent?.max ?? 0)),
    ),
  ];
}

/** Communities largest first, each named by its best-connected members; the rest summed up. */
function categoryLegend(view: MetricsViewModel, all: Category[]): HTMLElement {
  const { lang, payload } = view;
  const shown = all.slice(0, COMMUNITY_COLORS.length);
  const info = new Map(payload.communities.map((c) => [c.id, c]));
  const items = shown.map((c) => {
    const top = info.get(c.value)?.top ?? [];
    const names = top.slice(0, 3).map((m) => (lang === 'zh' ? m.name_zh : m.name_en));
    const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = c.color;
    return h(
      'li',
      { 'data-community': String(c.value) },
      swatch,
      h('span', { class: 'name' }, names.length > 0 ? names.join(lang === 'zh' ? '、' : ', ') : `#${c.value}`),
      h('span', { class: 'count' }, c.count),
    );
  });
  const rest = all.length - shown.length;
  return h(
    'div',
    { id: 'metrics-legend', class: 'metrics-legend categories' },
    h('h3', {}, t(lang, 'metricsCommunities', { n: all.length })),
    h('ul', {}, ...items),
    rest > 0 ? h('p', { class: 'hint' }, t(lang, 'metricsOtherCommunities', { n: rest })) : null,
  );
}

function sectors(payload: MetricsReady, lang: Lang): HTMLElement {
  const report = payload.sectors;
  const names = report.sectors.map((s) => sectorName(s, lang));
  const rows = report.matrix.map((row, i) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, names[i] ?? ''),
      ...row.map((n, j) => h('td', { class: i === j ? 'num within' : 'num' }, n)),
    ),
  );
  return h(
    'section',
    { id: 'metrics-sectors', class: 'metrics-sectors' },
    h('h3', {}, t(lang, 'metricsSectors')),
    h(
      'div',
      { class: 'metrics-table-scroll' },
      h(
        'table',
        { id: 'sector-matrix' },
        h('thead', {}, h('tr', {}, h('th', {}), ...names.map((n) => h('th', { scope: 'col' }, n)))),
        h('tbody', {}, ...rows),
      ),
    ),
    h('p', { class: 'hint' }, SECTOR_TEXT.matrix[lang]),
    measure('sector-cross', t(lang, 'metricsCrossShare'), percent(report.crossSectorShare), SECTOR_TEXT.cross[lang]),
    measure(
      'sector-assortativity',
      t(lang, 'metricsAssortativity'),
      coefficient(report.assortativity),
      SECTOR_TEXT.assortativity[lang],
    ),
  );
}

function measure(id: string, label: string, value: string, explanation: string): HTMLElement {
  return h(
    'div',
    { class: 'metrics-measure', id },
    h('p', {}, h('strong', {}, `${label}: `), h('span', { class: 'value' }, value)),
    h('p', { class: 'hint' }, explanation),
  );
}

function table(view: MetricsViewModel, handlers: MetricsHandlers): HTMLElement {
  const { lang, payload, order } = view;
  const header = (column: string, label: string, title?: string) => {
    const sorted = order.column === column;
    const button = h('button', { type: 'button', 'data-sort': column, title }, label);
    if (sorted) button.append(order.descending ? ' ▼' : ' ▲');
    button.addEventListener('click', () => handlers.onSort(column));
    const ariaSort = sorted ? (order.descending ? 'descending' : 'ascending') : 'none';
    return h('th', { scope: 'col', 'aria-sort': ariaSort }, button);
  };
  const columns = payload.metrics.map((m) => payload.values[m.id] ?? []);
  const body = h('tbody', {}, ...view.rows.map((row) => tableRow(row, columns, view.selected, handlers)));
  const total = payload.ids.length;
  return h(
    'section',
    { class: 'metrics-ranking' },
    h('h3', {}, t(lang, 'metricsRanking')),
    h('p', { class: 'hint', id: 'metrics-rows-note' }, t(lang, 'metricsRows', { shown: view.rows.length, total })),
    h(
      'div',
      { class: 'metrics-table-scroll' },
      h(
        'table',
        { id: 'metrics-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            header('name', t(lang, 'name')),
            header('type', t(lang, 'type')),
            ...payload.metrics.map((m) => header(m.id, metricName(m, lang), m.description)),
          ),
        ),
        body,
      ),
    ),
  );
}

function tableRow(
  row: MetricsRow,
  columns: readonly (readonly number[])[],
  selected: string | undefined,
  handlers: MetricsHandlers,
): HTMLElement {
  const tr = h(
    'tr',
    { tabindex: '0', 'data-node': row.id, 'aria-selected': row.id === selected ? 'true' : 'false' },
    h('td', {}, h('span', { class: 'primary' }, row.name), h('span', { class: 'secondary' }, row.otherName)),
    h('td', {}, row.type),
    ...columns.map((values) => h('td', { class: 'num' }, formatValue(values[row.index]))),
  );
  tr.addEventListener('click', () => handlers.onSelect(row.id));
  tr.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      handlers.onSelect(row.id);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling;
      (next as HTMLElement | null)?.focus();
    }
  });
  return tr;
}

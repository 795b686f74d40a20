// Metrics: the dataset's per-node measures from the server (asked again every second, with
// progress, while it computes them). Nodes can be sized and coloured by any of them (communities
// in categorical colours with a legend), every node ranked in a sortable table whose rows select
// their node, and the sector mixing report read. Owns the `size`, `color` and `msort` link
// parameters, the 'metrics' panel with its entry in the Analysis menu and its key (m), and the
// styling layer.
import type { MetricsComputing, MetricsReady } from '../../../../domain/api-types.ts';
import { h } from '../../core/dom.ts';
import type { Feature, FeatureContext, FeatureHooks } from '../../core/feature.ts';
import type { CoreState } from '../../core/state.ts';
import { DataSourceError } from '../../data/source.ts';
import { t, type Lang } from '../../i18n.ts';
import { addAnalysisView } from '../analysis-menu/analysis-menu.ts';
import { askSlideScale } from '../export/slide-commands.ts';
import type { SelectionState } from '../selection/slice.ts';
import { selectNode } from '../selection/selection.ts';
import { MetricsFeed } from './feed.ts';
import { MetricStyles } from './layer.ts';
import { renderMetrics, renderProgress, type MetricsHandlers, type MetricsRow } from './metrics-view.ts';
import { nextSort, rank, sortOrder } from './rank.ts';
import { slideScale } from './slide-scale.ts';
import { metricsSlice, writeSort, type MetricKind, type MetricsState } from './slice.ts';

export const METRICS_PANEL = 'metrics';

type State = CoreState & MetricsState & SelectionState;
type Kinds = Map<string, ReadonlyMap<string, MetricKind>>;

export function metricsFeature<S extends State>(): Feature<S> {
  // The metrics the server named for the dataset shown: the slice drops choices of others.
  const kinds: Kinds = new Map();
  return {
    id: 'metrics',
    slice: metricsSlice<S>((dataset) => kinds.get(dataset)),
    mount: (ctx) => mountMetrics(ctx, kinds),
  };
}

function mountMetrics<S extends State>(ctx: FeatureContext<S>, kinds: Kinds): FeatureHooks {
  const { store } = ctx;
  const element = h('aside', { id: 'metrics-panel', class: 'panel details metrics-panel', 'aria-live': 'polite' });
  const styles = new MetricStyles();
  const layer = ctx.addLayer(styles);
  const actions = viewActions(store);
  const restyle = () => {
    const s = store.get();
    if (styles.update(source.feed.current(s.dataset), s.sizeBy, s.colorBy)) layer.changed('style');
  };
  const source = metricsSource(ctx, kinds, {
    restyle,
    progress: (progress) => {
      if (store.get().panel === METRICS_PANEL) renderProgress(element, progress, store.get().lang, actions.close);
    },
  });
  // Its entry in the toolbar's Analysis menu (the header has no room for a button per view).
  void ctx.commands.run(addAnalysisView, { panel: METRICS_PANEL, label: (lang) => t(lang, 'metrics'), order: 10 });
  registerPanel(ctx, element, source.feed, tableHandlers(ctx, actions), actions.close);
  // A slide's legend shows the scale the nodes are drawn with.
  ctx.commands.handle(askSlideScale, (lang, answer) => {
    const s = store.get();
    const scale = slideScale(source.feed.current(s.dataset), s, lang);
    if (scale) answer(scale);
  });
  const unsubscribe = store.subscribe((next, previous) => {
    if (next.dataset !== previous.dataset || next.sizeBy !== previous.sizeBy || next.colorBy !== previous.colorBy)
      restyle();
    source.sync();
  });
  return {
    loaded: () => {
      source.start();
      restyle();
    },
    unloaded: () => {
      source.stop();
      restyle();
    },
    keys: [{ key: 'm', run: actions.toggle }],
    automation: metricsAutomation(ctx, source.feed, styles),
    dispose() {
      source.dispose();
      unsubscribe();
    },
  };
}

type Update<S> = (patch: Partial<S> | ((s: S) => Partial<S>), history?: 'push' | 'replace') => void;

/** Opening and closing the panel (closing returns to the selection's details, if any). */
function viewActions<S extends State>(store: FeatureContext<S>['store']) {
  const update: Update<S> = (patch, history = 'push') => store.update(patch, history);
  const back = (s: S) => (s.selected ? 'details' : undefined);
  return {
    update,
    close: () => update((s) => ({ panel: back(s) }) as Partial<S>),
    toggle: () => update((s) => ({ panel: s.panel === METRICS_PANEL ? back(s) : METRICS_PANEL }) as Partial<S>),
  };
}

/**
 * The dataset's metrics, loaded while something wants them: the panel (which shows progress and
 * errors itself) or a size or colour choice (a failure is then a notice, retried when passing).
 * When they arrive, the link's choices are checked against them and the nodes restyled.
 */
function metricsSource<S extends State>(
  { store, source, chrome }: FeatureContext<S>,
  kinds: Kinds,
  on: { restyle(): void; progress(progress: MetricsComputing): void },
) {
  let loaded = false;
  let disposed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const wanted = (dataset: string) => {
    const s = store.get();
    return !disposed && s.dataset === dataset && (s.panel === METRICS_PANEL || !!s.sizeBy || !!s.colorBy);
  };
  const feed = new MetricsFeed({
    fetch: (dataset) => source.metrics(dataset),
    wanted,
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    onProgress: on.progress,
    onReady: (ready) => {
      kinds.set(ready.dataset, new Map(ready.metrics.map((m) => [m.id, m.kind])));
      on.restyle();
      // The link's choices are checked against the metrics now known (the slice's validation).
      store.update({}, 'replace');
    },
  });
  const failed = (dataset: string, error: unknown) => {
    if (disposed || store.get().panel === METRICS_PANEL) return;
    chrome.showNotice(t(store.get().lang, 'metricsFailed', { message: (error as Error).message }));
    if (error instanceof DataSourceError && error.transient && wanted(dataset))
      retry = setTimeout(sync, error.retryAfterMs ?? 2_000);
  };
  const sync = () => {
    const { dataset } = store.get();
    if (!loaded || !wanted(dataset) || feed.current(dataset)) return;
    feed.load(dataset).catch((error: unknown) => failed(dataset, error));
  };
  const stop = () => {
    loaded = false;
    clearTimeout(retry);
    feed.forget();
    kinds.clear();
  };
  return {
    feed,
    sync,
    start: () => {
      loaded = true;
      sync();
    },
    stop,
    dispose: () => {
      disposed = true;
      stop();
    },
  };
}

/** What the panel's controls do: choices go into the view; a row selects its node. */
function tableHandlers<S extends State>(
  { store, commands, renderer }: FeatureContext<S>,
  { update, close }: { update: Update<S>; close: () => void },
): (ready: MetricsReady) => MetricsHandlers {
  return (ready) => ({
    onSize: (sizeBy) => update({ sizeBy } as Partial<S>),
    onColor: (colorBy) => update({ colorBy } as Partial<S>),
    // Sorting is part of the link, but Back does not walk through every header click.
    onSort: (column) =>
      update(
        (s) => ({ metricsSort: writeSort(nextSort(sortOrder(s.metricsSort, ready.metrics), column)) }) as Partial<S>,
        'replace',
      ),
    onSelect: async (id) => {
      // The selection's own command (it loads a node beyond the overview); the table stays open.
      await commands.run(selectNode, id, false);
      if (store.get().selected !== id) return;
      update({ panel: METRICS_PANEL } as Partial<S>, 'replace');
      await renderer()?.flyTo(id);
    },
    onClose: close,
  });
}

function registerPanel<S extends State>(
  ctx: FeatureContext<S>,
  element: HTMLElement,
  feed: MetricsFeed,
  handlers: (ready: MetricsReady) => MetricsHandlers,
  close: () => void,
): void {
  const rows = tableRows(ctx);
  ctx.panels.register({
    name: METRICS_PANEL,
    element,
    key: (s) => `${s.dataset}|${s.sizeBy}|${s.colorBy}|${s.metricsSort}|${s.selected}`,
    async render(state, run) {
      let ready = feed.current(state.dataset);
      if (!ready) {
        renderProgress(element, feed.progress, state.lang, close);
        ready = await feed.load(state.dataset);
      }
      if (!ready || !run.current()) return;
      const order = sortOrder(state.metricsSort, ready.metrics);
      renderMetrics(
        element,
        { ...state, payload: ready, order, rows: rows(ready, order, state.lang) },
        handlers(ready),
      );
    },
  });
}

/** The table's rows (the first of the ranking), kept until the metrics, order or language change. */
function tableRows<S extends State>({ model }: FeatureContext<S>) {
  const collator = new Intl.Collator(['zh-Hans-CN-u-co-pinyin', 'en'], { numeric: true });
  let kept: { key: unknown[]; rows: MetricsRow[] } | undefined;
  const text = (lang: Lang) => (column: string, id: string) => {
    if (!model.graph.hasNode(id)) return undefined;
    const a = model.graph.getNodeAttributes(id);
    if (column === 'type') return model.typeName(a.nodeType, lang);
    return lang === 'zh' ? a.name_zh : a.name_en;
  };
  return (ready: MetricsReady, order: { column: string; descending: boolean }, lang: Lang): MetricsRow[] => {
    const key = [ready, order.column, order.descending, lang, model.graph.order];
    if (kept && kept.key.every((k, i) => k === key[i])) return kept.rows;
    const { indices } = rank(ready, order, text(lang), (a, b) => collator.compare(a, b));
    const rows = indices.map((index) => {
      const id = ready.ids[index] as string;
      const held = model.graph.hasNode(id) ? model.graph.getNodeAttributes(id) : undefined;
      return {
        id,
        index,
        name: held ? (lang === 'zh' ? held.name_zh : held.name_en) : id,
        otherName: held ? (lang === 'zh' ? held.name_en : held.name_zh) : '',
        type: held ? model.typeName(held.nodeType, lang) : '',
      };
    });
    kept = { key, rows };
    return rows;
  };
}

function metricsAutomation<S extends State>(
  { store, renderer }: FeatureContext<S>,
  feed: MetricsFeed,
  styles: MetricStyles,
): Record<string, (...args: never[]) => unknown> {
  const payload = () => feed.current(store.get().dataset);
  return {
    metricsStatus: () => feed.status,
    metricIds: () => payload()?.metrics.map((m) => m.id) ?? [],
    metricValue: (id: string, metric: string) => {
      const ready = payload();
      const index = ready ? ready.ids.indexOf(id) : -1;
      return ready && index >= 0 ? ready.values[metric]?.[index] : undefined;
    },
    metricSizeBy: () => store.get().sizeBy,
    metricColorBy: () => store.get().colorBy,
    /** What the metrics layer gives the node (its drawn colour: nodeColor). */
    metricStyle: (id: string) => styles.styleOf(id),
    nodeColor: (id: string) => renderer()?.sigma.getNodeDisplayData(id)?.color,
  };
}

// Export of the view: PNG at 1×, 2× or 4× and SVG, as drawn (filters and highlights included,
// with title and legend, in the theme's colours); 16:9 slides (slide.ts); the visible subgraph as
// JSON, GEXF or CSV. Owns the toolbar's export menu.
import { h } from '../../core/dom.ts';
import type { Feature, FeatureContext } from '../../core/feature.ts';
import type { CoreState } from '../../core/state.ts';
import { t } from '../../i18n.ts';
import type { ThemeState } from '../theme/slice.ts';
import { download, toCsv, toJson, visibleSubgraph } from './files.ts';
import { toGexf } from './gexf.ts';
import { renderPng, renderSvg, type PictureFrame } from './image.ts';
import { mountSlides, SLIDE_KINDS } from './slide.ts';

const KINDS: [kind: string, label: string][] = [
  ['png1', 'PNG 1×'],
  ['png2', 'PNG 2×'],
  ['png4', 'PNG 4×'],
  ['svg', 'SVG'],
  ['json', 'JSON'],
  ['gexf', 'GEXF'],
  ['csv', 'CSV'],
];

/** The whole dataset from the server, with every fact's evidence (the formats the importer reads). */
const DATASET_KINDS: [query: string, label: string][] = [
  ['format=json', 'JSON'],
  ['format=csv&part=nodes', 'CSV (nodes)'],
  ['format=csv&part=edges', 'CSV (edges)'],
  ['format=gexf', 'GEXF'],
  ['format=graphml', 'GraphML'],
];

type State = CoreState & ThemeState;

function pictureFrame<S extends State>({ store, model, layers }: FeatureContext<S>): PictureFrame {
  const { lang, theme, dataset } = store.get();
  const present = new Set<string>();
  model.graph.forEachNode((node, a) => {
    if (layers.isVisible(node)) present.add(a.nodeType);
  });
  const dark = theme === 'dark';
  return {
    background: dark ? '#0f1420' : '#ffffff',
    text: dark ? '#e8ecf3' : '#1d2330',
    muted: dark ? '#9aa4b5' : '#5b6475',
    title: t(lang, 'title'),
    subtitle: t(lang, 'exportSubtitle', {
      dataset,
      nodes: layers.visibleNodeCount(),
      edges: layers.visibleEdgeCount(),
      date: new Date().toISOString().slice(0, 10),
    }),
    legend: (model.schema?.nodeTypes ?? [])
      .filter((x) => present.has(x.type))
      .map((x) => ({ label: lang === 'zh' ? x.name_zh : x.name_en, color: x.color })),
  };
}

async function exportAs<S extends State>(ctx: FeatureContext<S>, kind: string): Promise<void> {
  const renderer = ctx.renderer();
  if (!renderer) return;
  const { dataset } = ctx.store.get();
  const base = `${dataset}-${new Date().toISOString().slice(0, 10)}`;
  const rows = () =>
    visibleSubgraph(ctx.model.graph, {
      isVisibleNode: (n) => ctx.layers.isVisible(n),
      isVisibleEdge: (e) => ctx.layers.isEdgeVisible(e),
    });
  if (kind.startsWith('png')) {
    const scale = Number(kind.slice(3));
    download(await renderPng(renderer.sigma, scale, pictureFrame(ctx)), `${base}@${scale}x.png`, 'image/png');
  } else if (kind === 'svg') download(renderSvg(renderer.sigma, pictureFrame(ctx)), `${base}.svg`, 'image/svg+xml');
  else if (kind === 'json')
    download(toJson(rows(), { dataset, exportedAt: new Date().toISOString() }), `${base}.json`, 'application/json');
  else if (kind === 'gexf') download(toGexf(rows()), `${base}.gexf`, 'application/xml');
  else if (kind === 'csv') {
    const csv = toCsv(rows());
    download(csv.nodes, `${base}-nodes.csv`, 'text/csv');
    download(csv.edges, `${base}-edges.csv`, 'text/csv');
  }
}

export function exportFeature<S extends State>(): Feature<S> {
  return {
    id: 'export',
    mount(ctx) {
      const label = h('summary', { id: 'export-label' });
      const items = KINDS.map(([kind, text]) => h('button', { type: 'button', 'data-export': kind }, text));
      const slideItems = SLIDE_KINDS.map(([kind, text]) => h('button', { type: 'button', 'data-slide': kind }, text));
      const viewHeading = h('p', { class: 'menu-heading' });
      const slideHeading = h('p', { class: 'menu-heading' });
      const datasetHeading = h('p', { class: 'menu-heading' });
      // The whole dataset downloads from the server: not offered where the source has no URL for it.
      const exportUrl = ctx.source.datasetExportUrl?.bind(ctx.source);
      const links = (exportUrl ? DATASET_KINDS : []).map(([query, text]) => ({
        link: h('a', { 'data-dataset-export': query, download: '' }, text),
        query,
      }));
      const menu = h(
        'details',
        { id: 'export-menu', class: 'menu' },
        label,
        h(
          'div',
          { class: 'menu-items' },
          viewHeading,
          ...items,
          slideHeading,
          ...slideItems,
          ...(exportUrl ? [datasetHeading] : []),
          ...links.map((l) => l.link),
        ),
      );
      ctx.chrome.place('toolbar', menu, 50);
      const slides = mountSlides(ctx);
      for (const item of slideItems) {
        item.addEventListener('click', () => {
          menu.open = false;
          slides
            .open(item.dataset.slide ?? '')
            .catch((error: unknown) => ctx.chrome.showNotice((error as Error).message));
        });
      }
      for (const item of items) {
        item.addEventListener('click', () => {
          menu.open = false;
          void exportAs(ctx, item.dataset.export ?? '').catch((error: unknown) =>
            ctx.chrome.showNotice((error as Error).message),
          );
        });
      }
      const relabel = () => {
        const { lang, dataset } = ctx.store.get();
        label.textContent = t(lang, 'export');
        viewHeading.textContent = t(lang, 'exportView');
        slideHeading.textContent = t(lang, 'exportSlides');
        datasetHeading.textContent = t(lang, 'exportDataset');
        for (const { link, query } of links) link.setAttribute('href', exportUrl?.(dataset, query) ?? '');
      };
      relabel();
      const unsubscribe = ctx.store.subscribe((next, previous) => {
        if (next.lang !== previous.lang || next.dataset !== previous.dataset) relabel();
      });
      return {
        dispose() {
          unsubscribe();
          slides.dispose();
        },
      };
    },
  };
}

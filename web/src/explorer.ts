// The explorer: loads a dataset through the data source, builds the graph, draws it with sigma,
// lays it out in a worker and wires the panels. Every interaction produces a new ViewState;
// applyView() brings the screen and the URL in line with it, and the back button replays
// earlier views. destroy() releases sigma and the worker.
import { DataSourceError, type GraphDataSource } from './data/source.ts';
import type { GraphPayload, NeighborhoodPayload, SchemaPayload } from './data/types.ts';
import {
  addEdges,
  ARROW_EDGE_LIMIT,
  buildNodesInSlices,
  curveParallelEdges,
  emptyGraph,
  nodeAttributes,
  relabel,
  resizeByDegree,
  type ExplorerGraph,
} from './graph/build.ts';
import { extentSize, graphExtent } from './graph/extent.ts';
import { LayoutController } from './graph/layout.ts';
import { restorePositions, savePositions } from './graph/positions.ts';
import { GraphRenderer } from './graph/renderer.ts';
import { t, type Lang } from './i18n.ts';
import { UrlState } from './state/url.ts';
import { DEFAULT_OVERVIEW_LIMIT, validateView, type ViewState } from './state/view.ts';
import { renderDetails } from './ui/details.ts';
import { byId } from './ui/dom.ts';
import { renderFilters, type Count, type Facet, type FacetOption } from './ui/filters.ts';
import { FIELD_NODE_TYPE } from '../../domain/ontology.ts';
import { ProgressView } from './ui/progress.ts';
import { SearchBox } from './ui/search.ts';
import { download, toCsv, toJson, visibleSubgraph } from './export/files.ts';
import { toGexf } from './export/gexf.ts';
import { renderPng, renderSvg, type PictureFrame } from './export/image.ts';
import { renderPaths } from './ui/paths-panel.ts';
import { renderSource } from './ui/source-panel.ts';
import { NodeTable, type TableRow } from './ui/table.ts';

export interface ExplorerOptions {
  source: GraphDataSource;
  /** The language when the URL names none (the browser's preference). */
  fallbackLang: Lang;
  storage?: Storage;
}

/** A small, stable surface for scripts and end-to-end tests (read-only views of the state). */
export interface ExplorerAutomation {
  /** 'loading' → 'layout' → 'ready' (or 'error'). */
  phase(): string;
  nodeIds(): string[];
  edgeCount(): number;
  visibleNodeCount(): number;
  /** The nodes drawn now (not filtered out or hidden). */
  visibleNodeIds(): string[];
  visibleEdgeCount(): number;
  highlighted(): string[];
  nodePosition(id: string): { x: number; y: number } | undefined;
  /** The nodes whose labels are drawn now. */
  displayedLabels(): string[];
  /** A node's label in the current language. */
  label(id: string): string;
  /** A node's drawn radius in CSS pixels. */
  nodeRadius(id: string): number | undefined;
  selected(): string | undefined;
  lang(): Lang;
  view(): ViewState;
  layoutRunning(): boolean;
  /** Whether positions came from the browser's store instead of a new layout. */
  positionsRestored(): boolean;
  /** Releases sigma and the layout worker (the lifecycle test checks nothing is left). */
  destroy(): void;
}

declare global {
  interface Window {
    explorer?: ExplorerAutomation;
  }
}

export interface Explorer {
  start(): Promise<void>;
  destroy(): void;
  automation: ExplorerAutomation;
}

/** Adds a neighbourhood's nodes and edges to a payload, without duplicates. */
function mergeInto(payload: GraphPayload, more: NeighborhoodPayload): void {
  const nodes = new Set(payload.nodes.map((n) => n.id));
  const edges = new Set(payload.edges.map((e) => e.id));
  for (const node of more.nodes) if (!nodes.has(node.id)) payload.nodes.push(node);
  for (const edge of more.edges) if (!edges.has(edge.id)) payload.edges.push(edge);
}

/** Nodes or edges added to the drawn graph per task while loading. */
const SLICE = 5_000;

/** Yields to the browser so that long work is split into separate tasks. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function createExplorer(options: ExplorerOptions): Explorer {
  const { source } = options;
  const storage = options.storage ?? window.localStorage;
  const url = new UrlState((next) => onNavigate(next), options.fallbackLang);
  let view = url.read();
  let phase = 'loading';
  let schema: SchemaPayload | undefined;
  let graph: ExplorerGraph | undefined;
  let renderer: GraphRenderer | undefined;
  let layout: LayoutController | undefined;
  let restored = false;
  /** Set when the overview holds only the best-connected part of the dataset. */
  let truncated: { shown: number; total: number } | undefined;
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  const notice = byId('notice');
  let panelRequest = 0;
  let cameraTimer: ReturnType<typeof setTimeout> | undefined;

  const progress = new ProgressView();
  const container = byId('graph-container');
  const detailsPanel = byId('details');
  const sourcePanel = byId('source-panel');
  const pathsPanel = byId('paths-panel');
  const tablePanel = byId('table-panel');
  const table = new NodeTable(tablePanel, {
    onSelect: (id) => {
      applyView({ ...view, selected: id, panel: 'table' }, 'push');
      void renderer?.flyTo(id);
    },
    onClose: () => applyView({ ...view, panel: view.selected ? 'details' : undefined }, 'push'),
  });
  byId('theme-toggle').addEventListener('click', () =>
    applyView({ ...view, theme: view.theme === 'dark' ? 'light' : 'dark' }, 'push'),
  );
  byId('table-toggle').addEventListener('click', () =>
    applyView({ ...view, panel: view.panel === 'table' ? undefined : 'table' }, 'push'),
  );
  const legendPanel = byId('legend');
  const errorBox = byId('error');
  const langButton = byId<HTMLButtonElement>('lang-toggle');
  const layoutButton = byId<HTMLButtonElement>('layout-toggle');

  const typeName = (type: string) => {
    const info = schema?.nodeTypes.find((x) => x.type === type);
    return info ? (view.lang === 'zh' ? info.name_zh : info.name_en) : type;
  };
  const search = new SearchBox({
    source,
    dataset: () => view.dataset,
    lang: () => view.lang,
    typeName,
    onChoose: (id) => void select(id, true),
  });
  byId('search-slot').replaceChildren(search.root);
  const pathEnd = (end: 'pathFrom' | 'pathTo') =>
    new SearchBox({
      source,
      dataset: () => view.dataset,
      lang: () => view.lang,
      typeName,
      idPrefix: end === 'pathFrom' ? 'path-from' : 'path-to',
      onChoose: (id) => applyView({ ...view, panel: 'paths', [end]: id }, 'push'),
    });
  const pathFromBox = pathEnd('pathFrom');
  const pathToBox = pathEnd('pathTo');
  const PATH_HOPS = 6;
  const PATH_COUNT = 5;

  const toolbarButtons: [string, () => void][] = [
    ['zoom-in', () => void renderer?.zoom(1.5)],
    ['zoom-out', () => void renderer?.zoom(1 / 1.5)],
    ['fit', () => void renderer?.fit()],
    ['fullscreen', () => void toggleFullscreen()],
  ];
  for (const [id, action] of toolbarButtons) byId(id).addEventListener('click', action);
  layoutButton.addEventListener('click', () => {
    if (!layout) return;
    if (layout.isRunning()) layout.stop();
    else layout.start();
    renderChrome();
  });
  langButton.addEventListener('click', () => applyView({ ...view, lang: view.lang === 'zh' ? 'en' : 'zh' }, 'push'));

  function pictureFrame(): PictureFrame {
    const lang = view.lang;
    const present = new Set<string>();
    graph?.forEachNode((node, a) => {
      if (renderer?.isVisible(node)) present.add(a.nodeType);
    });
    const dark = view.theme === 'dark';
    return {
      background: dark ? '#0f1420' : '#ffffff',
      text: dark ? '#e8ecf3' : '#1d2330',
      muted: dark ? '#9aa4b5' : '#5b6475',
      title: t(lang, 'title'),
      subtitle: t(lang, 'exportSubtitle', {
        dataset: view.dataset,
        nodes: renderer?.visibleNodeCount() ?? 0,
        edges: renderer?.visibleEdgeCount() ?? 0,
        date: new Date().toISOString().slice(0, 10),
      }),
      legend: (schema?.nodeTypes ?? [])
        .filter((x) => present.has(x.type))
        .map((x) => ({ label: lang === 'zh' ? x.name_zh : x.name_en, color: x.color })),
    };
  }

  /** Exports the current view: pictures as drawn, data as the visible subgraph. */
  async function exportAs(kind: string): Promise<void> {
    if (!graph || !renderer) return;
    const r = renderer;
    const base = `${view.dataset}-${new Date().toISOString().slice(0, 10)}`;
    const rows = () =>
      visibleSubgraph(graph as ExplorerGraph, {
        isVisibleNode: (n) => r.isVisible(n),
        isVisibleEdge: (e) => r.isEdgeVisible(e),
      });
    if (kind.startsWith('png')) {
      const scale = Number(kind.slice(3));
      download(await renderPng(r.sigma, scale, pictureFrame()), `${base}@${scale}x.png`, 'image/png');
    } else if (kind === 'svg') download(renderSvg(r.sigma, pictureFrame()), `${base}.svg`, 'image/svg+xml');
    else if (kind === 'json')
      download(
        toJson(rows(), { dataset: view.dataset, exportedAt: new Date().toISOString() }),
        `${base}.json`,
        'application/json',
      );
    else if (kind === 'gexf') download(toGexf(rows()), `${base}.gexf`, 'application/xml');
    else if (kind === 'csv') {
      const csv = toCsv(rows());
      download(csv.nodes, `${base}-nodes.csv`, 'text/csv');
      download(csv.edges, `${base}-edges.csv`, 'text/csv');
    }
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('#export-menu [data-export]')) {
    button.addEventListener('click', () => {
      byId<HTMLDetailsElement>('export-menu').open = false;
      void exportAs(button.dataset.export ?? '').catch((error: unknown) => showError((error as Error).message));
    });
  }

  async function toggleFullscreen(): Promise<void> {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await byId('app').requestFullscreen();
  }

  function renderChrome(): void {
    const lang = view.lang;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.documentElement.dataset.theme = view.theme;
    renderer?.setTheme(view.theme);
    byId('theme-toggle').textContent = t(lang, view.theme === 'dark' ? 'themeLight' : 'themeDark');
    byId('title').textContent = t(lang, 'title');
    langButton.textContent = t(lang, 'switchLanguage');
    const labels: Record<string, Parameters<typeof t>[1]> = {
      'zoom-in': 'zoomIn',
      'zoom-out': 'zoomOut',
      fit: 'fit',
      fullscreen: 'fullscreen',
    };
    for (const [id, key] of Object.entries(labels)) {
      const button = byId(id);
      button.title = t(lang, key);
      button.setAttribute('aria-label', t(lang, key));
    }
    byId('fullscreen').textContent = t(lang, 'fullscreen');
    byId('export-label').textContent = t(lang, 'export');
    byId('table-toggle').textContent = t(lang, 'table');
    byId('table-toggle').setAttribute('aria-pressed', view.panel === 'table' ? 'true' : 'false');
    layoutButton.textContent = t(lang, layout?.isRunning() ? 'layoutStop' : 'layoutStart');
    layoutButton.setAttribute('aria-pressed', layout?.isRunning() ? 'true' : 'false');
    const badge = byId('dataset-badge');
    badge.hidden = !schema?.synthetic;
    badge.textContent = t(lang, 'synthetic');
    search.relabel();
    pathFromBox.relabel();
    pathToBox.relabel();
  }

  /** The legend and its filters: one facet per filterable property, with live counts. */
  function renderLegend(): void {
    if (!schema || !graph || !renderer) return;
    const g = graph;
    const r = renderer;
    const lang = view.lang;
    const toggle = <T>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
    const bump = <K>(map: Map<K, Count>, key: K, visible: boolean) => {
      const count = map.get(key) ?? { visible: 0, total: 0 };
      count.total++;
      if (visible) count.visible++;
      map.set(key, count);
    };
    const nodesByType = new Map<string, Count>();
    const edgesByType = new Map<string, Count>();
    const byYear = new Map<number, Count>();
    const fields: FacetOption[] = [];
    g.forEachNode((node, a) => {
      const visible = r.isVisible(node);
      bump(nodesByType, a.nodeType, visible);
      if (a.year !== undefined) bump(byYear, a.year, visible);
      if (a.nodeType !== FIELD_NODE_TYPE) return;
      const count = { visible: 0, total: 0 };
      g.forEachNeighbor(node, (neighbor) => {
        count.total++;
        if (r.isVisible(neighbor)) count.visible++;
      });
      fields.push({
        value: node,
        label: lang === 'zh' ? a.name_zh : a.name_en,
        count,
        checked: view.fields.includes(node),
      });
    });
    g.forEachEdge((edge, a) => bump(edgesByType, a.relType, r.isEdgeVisible(edge)));
    fields.sort((a, b) => b.count.total - a.count.total || a.label.localeCompare(b.label));
    /** Node or relation types present in the view, as filter options (ticked: shown). */
    const typeOptions = <T extends { type: string; name_zh: string; name_en: string }>(
      types: readonly T[],
      counts: ReadonlyMap<string, Count>,
      hidden: readonly string[],
      swatch: (type: T) => FacetOption['swatch'],
    ): FacetOption[] =>
      types.flatMap((x) => {
        const count = counts.get(x.type);
        if (!count) return [];
        const label = lang === 'zh' ? x.name_zh : x.name_en;
        return [{ value: x.type, label, swatch: swatch(x), count, checked: !hidden.includes(x.type) }];
      });
    const facets: Facet[] = [
      {
        id: 'type',
        title: t(lang, 'legend'),
        options: typeOptions(schema.nodeTypes, nodesByType, view.hiddenTypes, (x) => ({ color: x.color })),
        onToggle: (type) => applyView({ ...view, hiddenTypes: toggle(view.hiddenTypes, type) }, 'push'),
      },
      {
        id: 'rel',
        title: t(lang, 'relations'),
        options: typeOptions(schema.relationTypes, edgesByType, view.hiddenRelTypes, () => 'line'),
        onToggle: (type) => applyView({ ...view, hiddenRelTypes: toggle(view.hiddenRelTypes, type) }, 'push'),
      },
      {
        id: 'field',
        title: t(lang, 'fields'),
        hint: t(lang, 'fieldsHint'),
        options: fields,
        onToggle: (id) => applyView({ ...view, fields: toggle(view.fields, id) }, 'push'),
      },
      {
        id: 'year',
        title: t(lang, 'years'),
        options: [...byYear]
          .sort(([a], [b]) => a - b)
          .map(([year, count]) => ({
            value: String(year),
            label: String(year),
            count,
            checked: !view.hiddenYears.includes(year),
          })),
        onToggle: (year) => applyView({ ...view, hiddenYears: toggle(view.hiddenYears, Number(year)) }, 'push'),
      },
    ];
    const filtered =
      view.hiddenTypes.length +
      view.hiddenRelTypes.length +
      view.hiddenNodes.length +
      view.fields.length +
      view.hiddenYears.length;
    renderFilters(legendPanel, facets, { nodes: r.visibleNodeCount(), edges: r.visibleEdgeCount() }, lang, {
      active: filtered > 0,
      onReset: () =>
        applyView(
          { ...view, hiddenTypes: [], hiddenRelTypes: [], hiddenNodes: [], fields: [], hiddenYears: [] },
          'push',
        ),
    });
  }

  function showError(message: string): void {
    phase = 'error';
    progress.hide();
    errorBox.hidden = false;
    errorBox.textContent = t(view.lang, 'loadFailed', { message });
  }

  function nodeName(id: string | undefined): string {
    if (!id || !graph?.hasNode(id)) return '';
    const attrs = graph.getNodeAttributes(id);
    return view.lang === 'zh' ? attrs.name_zh : attrs.name_en;
  }

  async function renderPanels(): Promise<void> {
    const request = ++panelRequest;
    const lang = view.lang;
    if (view.panel !== 'paths') {
      pathsPanel.hidden = true;
      renderer?.setPaths(undefined);
    }
    if (view.panel !== 'table') tablePanel.hidden = true;
    if (view.panel === 'table' && graph && renderer) {
      detailsPanel.hidden = true;
      sourcePanel.hidden = true;
      const r = renderer;
      const g = graph;
      const rows: TableRow[] = [];
      g.forEachNode((id, a) => {
        if (!r.isVisible(id)) return;
        let degree = 0;
        g.forEachEdge(id, (edge, _attrs, source, target) => {
          if (r.isEdgeVisible(edge) && r.isVisible(source) && r.isVisible(target)) degree++;
        });
        rows.push({
          id,
          name: lang === 'zh' ? a.name_zh : a.name_en,
          otherName: lang === 'zh' ? a.name_en : a.name_zh,
          type: typeName(a.nodeType),
          degree,
        });
      });
      table.render(rows, lang, view.selected);
      return;
    }
    if (view.panel === 'paths') {
      detailsPanel.hidden = true;
      sourcePanel.hidden = true;
      pathFromBox.setValue(nodeName(view.pathFrom));
      pathToBox.setValue(nodeName(view.pathTo));
      pathFromBox.relabel();
      pathToBox.relabel();
      const handlers = {
        onSelectNode: (id: string) => void select(id, true),
        onClose: () =>
          applyView(
            { ...view, panel: view.selected ? 'details' : undefined, pathFrom: undefined, pathTo: undefined },
            'push',
          ),
      };
      if (!view.pathFrom || !view.pathTo) {
        renderer?.setPaths(undefined);
        renderPaths(pathsPanel, { from: pathFromBox.root, to: pathToBox.root }, undefined, PATH_HOPS, lang, handlers);
        return;
      }
      try {
        const result = await source.paths(view.dataset, view.pathFrom, view.pathTo, PATH_HOPS, PATH_COUNT);
        if (request !== panelRequest) return;
        renderer?.setPaths({
          nodes: result.paths.flatMap((p) => p.nodes.map((n) => n.id)),
          edges: result.paths.flatMap((p) => p.edges.map((e) => e.id)),
        });
        renderPaths(
          pathsPanel,
          { from: pathFromBox.root, to: pathToBox.root },
          result.paths,
          PATH_HOPS,
          lang,
          handlers,
        );
      } catch (error) {
        if (request === panelRequest) showError((error as Error).message);
      }
      return;
    }
    if (view.panel === 'source' && view.source) {
      try {
        const doc = await source.source(view.dataset, view.source);
        if (request !== panelRequest) return;
        detailsPanel.hidden = true;
        renderSource(sourcePanel, doc, view.quote, lang, () =>
          applyView(
            { ...view, panel: view.selected ? 'details' : undefined, source: undefined, quote: undefined },
            'push',
          ),
        );
      } catch (error) {
        if (request === panelRequest) showError((error as Error).message);
      }
      return;
    }
    sourcePanel.hidden = true;
    if (view.panel === 'details' && view.selected && schema) {
      try {
        const details = await source.node(view.dataset, view.selected);
        if (request !== panelRequest || !schema) return;
        renderDetails(detailsPanel, details, schema.nodeTypes, lang, view.depth, {
          onSelectNode: (next) => void select(next, true),
          onClose: () => applyView({ ...view, selected: undefined, panel: undefined }, 'push'),
          onOpenSource: (sourceId, quote) => applyView({ ...view, panel: 'source', source: sourceId, quote }, 'push'),
          onHide: (id) =>
            applyView(
              { ...view, hiddenNodes: [...view.hiddenNodes, id], selected: undefined, panel: undefined },
              'push',
            ),
          onDepth: (depth) => applyView({ ...view, depth }, 'push'),
          onPathsFrom: (id) => applyView({ ...view, panel: 'paths', pathFrom: id, pathTo: undefined }, 'push'),
          onExpand: (id) => void expand(id),
        });
      } catch (error) {
        if (request === panelRequest) showError((error as Error).message);
      }
      return;
    }
    detailsPanel.hidden = true;
    delete detailsPanel.dataset.node;
  }

  function applyFilters(): void {
    renderer?.setFilters({
      hiddenTypes: new Set(view.hiddenTypes),
      hiddenRelTypes: new Set(view.hiddenRelTypes),
      hiddenNodes: new Set(view.hiddenNodes),
      fields: new Set(view.fields),
      hiddenYears: new Set(view.hiddenYears),
    });
  }

  /** Brings the screen (and, unless navigating, the URL) in line with `next`. */
  function applyView(next: ViewState, history: 'push' | 'replace' | 'none'): void {
    const previous = view;
    view = graph && schema ? validateView(next, domain()) : next;
    if (graph && previous.lang !== view.lang) relabel(graph, view.lang);
    const filtersChanged =
      previous.hiddenTypes.join() !== view.hiddenTypes.join() ||
      previous.hiddenRelTypes.join() !== view.hiddenRelTypes.join() ||
      previous.hiddenNodes.join() !== view.hiddenNodes.join() ||
      previous.fields.join() !== view.fields.join() ||
      previous.hiddenYears.join() !== view.hiddenYears.join();
    if (filtersChanged || history === 'none') applyFilters();
    renderer?.setSelection(view.selected, view.depth);
    if (history === 'none' && view.camera) renderer?.setCamera({ ...view.camera, angle: 0 });
    renderChrome();
    renderLegend();
    void renderPanels();
    if (history !== 'none') url.write(view, history);
  }

  function domain() {
    const g = graph;
    const years = new Set<number>();
    g?.forEachNode((_node, a) => {
      if (a.year !== undefined) years.add(a.year);
    });
    return {
      hasNode: (id: string) => g?.hasNode(id) ?? false,
      nodeTypes: new Set(schema?.nodeTypes.map((x) => x.type) ?? []),
      relationTypes: new Set(schema?.relationTypes.map((x) => x.type) ?? []),
      isField: (id: string) => g?.getNodeAttribute(id, 'nodeType') === FIELD_NODE_TYPE,
      years,
    };
  }

  function onNavigate(next: ViewState): void {
    if (next.dataset !== view.dataset) {
      window.location.reload();
      return;
    }
    applyView(next, 'none');
  }

  async function select(id: string, fly: boolean): Promise<void> {
    // A search result beyond the overview is loaded with its neighbourhood first.
    if (graph && !graph.hasNode(id)) await expand(id);
    if (!graph?.hasNode(id)) return;
    // A node chosen from search or a relation is shown even if a filter had hidden it.
    const type = graph.getNodeAttribute(id, 'nodeType');
    applyView(
      {
        ...view,
        selected: id,
        panel: 'details',
        source: undefined,
        quote: undefined,
        hiddenTypes: view.hiddenTypes.filter((x) => x !== type),
        hiddenNodes: view.hiddenNodes.filter((x) => x !== id),
      },
      'push',
    );
    if (fly) await renderer?.flyTo(id);
  }

  function onCamera(): void {
    if (cameraTimer !== undefined) clearTimeout(cameraTimer);
    cameraTimer = setTimeout(() => {
      if (!renderer) return;
      const { x, y, ratio } = renderer.camera();
      view = { ...view, camera: { x, y, ratio } };
      url.write(view, 'replace');
    }, 400);
  }

  // Keyboard: "/" focuses the search box (as in many tools), unless typing elsewhere.
  function onKey(event: KeyboardEvent): void {
    if (event.key === '/' && !(event.target instanceof HTMLInputElement)) {
      event.preventDefault();
      search.focus();
    }
  }

  /** A layout over the current graph; `budgetMs` is shorter when only a few nodes are new. */
  function createLayout(g: ExplorerGraph, budgetMs?: number): LayoutController {
    return new LayoutController(g, {
      budgetMs,
      extentFractionPerPixel: () => renderer?.extentFractionPerPixel() ?? 0,
      onProgress: ({ fraction, running }) => {
        renderer?.setLayoutRunning(running);
        if (running) progress.show(t(view.lang, 'layout'), fraction);
      },
      onSettled: () => {
        progress.hide();
        savePositions(storage, view.dataset, g);
        void becomeReady(g);
      },
    });
  }

  /**
   * Ready means drawn: between a position update and sigma's next frame, the positions sigma
   * reports are not yet fitted to the screen, so automation and tests wait for that frame.
   */
  async function becomeReady(g: ExplorerGraph): Promise<void> {
    await renderer?.drawn();
    if (graph !== g) return;
    phase = 'ready';
    renderChrome();
  }

  function showNotice(message?: string): void {
    if (noticeTimer !== undefined) clearTimeout(noticeTimer);
    noticeTimer = undefined;
    const text = message ?? (truncated ? t(view.lang, 'overviewTruncated', truncated) : undefined);
    notice.hidden = !text;
    notice.textContent = text ?? '';
    // A passing message (expansions) gives way to the standing one after a few seconds.
    if (message) noticeTimer = setTimeout(() => showNotice(), 6_000);
  }

  /**
   * Loads a node's neighbours from the server into the view: new nodes start around it, the
   * layout runs briefly from the current positions (every frame drawn, so the map moves rather
   * than jumps), and neighbours the user had hidden come back.
   */
  async function expand(id: string): Promise<void> {
    if (!graph || !schema || !renderer) return;
    const g = graph;
    const types = schema.nodeTypes;
    let neighbourhood;
    try {
      neighbourhood = await source.neighbors(view.dataset, id);
    } catch (error) {
      showError((error as Error).message);
      return;
    }
    const bounds = graphExtent(g) ?? { minX: -50, maxX: 50, minY: -50, maxY: 50 };
    const centre = g.hasNode(id)
      ? g.getNodeAttributes(id)
      : { x: (bounds.minX + bounds.maxX) / 2, y: (bounds.minY + bounds.maxY) / 2 };
    const around = { x: centre.x, y: centre.y, spread: Math.max(1, extentSize(bounds) / 25) };
    let added = 0;
    for (const node of neighbourhood.nodes) {
      if (g.hasNode(node.id)) continue;
      g.addNode(node.id, nodeAttributes(node, types, view.lang, around));
      added++;
    }
    const addedEdges = addEdges(g, neighbourhood.edges, g.size > ARROW_EDGE_LIMIT ? 'line' : 'arrow');
    if (addedEdges > 0) curveParallelEdges(g);
    const ids = new Set(neighbourhood.nodes.map((n) => n.id));
    if (added + addedEdges > 0) resizeByDegree(g);
    showNotice(added > 0 ? t(view.lang, 'expanded', { count: added }) : t(view.lang, 'expandedNone'));
    applyView(
      {
        ...view,
        expanded: view.expanded.includes(id) ? view.expanded : [...view.expanded, id],
        hiddenNodes: view.hiddenNodes.filter((x) => !ids.has(x)),
        selected: id,
        panel: 'details',
      },
      'push',
    );
    if (added + addedEdges === 0) return;
    // The graph changed: filters and highlights are recomputed, and the layout starts again.
    renderer.graphChanged();
    renderLegend();
    layout?.kill();
    layout = createLayout(g, 3_000);
    phase = 'layout';
    layout.start();
    renderChrome();
  }

  async function start(): Promise<void> {
    url.listen();
    document.addEventListener('keydown', onKey);
    renderChrome();
    try {
      progress.show(t(view.lang, 'loadingSchema'));
      schema = await source.schema(view.dataset);
      // Sigma starts on an empty graph, before the graph is asked for: its start-up (three WebGL
      // contexts, 60–190 ms with software WebGL) is then a task of its own, at a moment when
      // neither the page nor the server has anything else to do. Nodes and edges arrive later,
      // in slices, so no single step blocks the page.
      const g: ExplorerGraph = emptyGraph();
      performance.mark('explorer:sigma:start');
      renderer = new GraphRenderer(g, container, {
        onClickNode: (id) => void select(id, false),
        onClickStage: () => {
          if (view.selected || view.panel)
            applyView({ ...view, selected: undefined, panel: undefined, source: undefined, quote: undefined }, 'push');
        },
        onCameraChange: onCamera,
      });
      performance.measure('explorer:sigma', 'explorer:sigma:start');
      await nextTask();
      progress.show(t(view.lang, 'loadingGraph'));
      const overview = await source.graph(view.dataset, {
        limit: view.limit ?? DEFAULT_OVERVIEW_LIMIT,
        onProgress: (bytes) => progress.show(t(view.lang, 'loadedBytes', { kb: Math.round(bytes / 1024) })),
      });
      // A shared link brings its expansions: their neighbourhoods join the overview before the
      // layout, so that stored positions (kept for the whole set) apply again.
      const payload = { ...overview, nodes: [...overview.nodes], edges: [...overview.edges] };
      const expanded: string[] = [];
      for (const id of view.expanded) {
        const neighbourhood = await source.neighbors(view.dataset, id).catch((error: unknown) => {
          if (error instanceof DataSourceError && error.status === 404) return undefined;
          throw error;
        });
        if (!neighbourhood) continue;
        expanded.push(id);
        mergeInto(payload, neighbourhood);
      }
      view = { ...view, expanded };
      truncated = overview.truncated
        ? { shown: overview.nodes.length, total: schema.nodeTypes.reduce((sum, x) => sum + x.count, 0) }
        : undefined;
      progress.show(t(view.lang, 'building'));
      graph = g;
      const nodes = await buildNodesInSlices(payload, schema.nodeTypes, view.lang, SLICE, async () => {
        await nextTask();
        performance.mark('explorer:build:start');
      });
      restored = restorePositions(storage, view.dataset, nodes);
      performance.measure('explorer:build', 'explorer:build:start');
      const entries = nodes.nodes();
      for (let from = 0; from < entries.length; from += SLICE) {
        await nextTask();
        const started = performance.now();
        for (const id of entries.slice(from, from + SLICE)) g.addNode(id, nodes.getNodeAttributes(id));
        performance.measure('explorer:nodes', { start: started, end: performance.now() });
      }
      if (!restored) renderer.setLayoutRunning(true, payload.edges.length);
      const edgeType = payload.edges.length > ARROW_EDGE_LIMIT ? 'line' : 'arrow';
      for (let from = 0; from < payload.edges.length; from += SLICE) {
        await nextTask();
        const started = performance.now();
        addEdges(g, payload.edges.slice(from, from + SLICE), edgeType);
        performance.measure('explorer:edges', { start: started, end: performance.now() });
        progress.show(t(view.lang, 'building'), Math.min(1, (from + SLICE) / payload.edges.length));
      }
      await nextTask();
      curveParallelEdges(g);
      await nextTask();
      performance.mark('explorer:layout:start');
      layout = createLayout(g);
      performance.measure('explorer:layout', 'explorer:layout:start');
      await nextTask();
      performance.mark('explorer:view:start');
      applyView(view, 'none');
      url.write(view, 'replace');
      performance.measure('explorer:view', 'explorer:view:start');
      if (restored) {
        progress.hide();
        void becomeReady(g);
      } else {
        phase = 'layout';
        layout.start();
      }
      showNotice();
      renderChrome();
    } catch (error) {
      showError((error as Error).message);
    }
  }

  function destroy(): void {
    if (cameraTimer !== undefined) clearTimeout(cameraTimer);
    url.dispose();
    document.removeEventListener('keydown', onKey);
    layout?.kill();
    renderer?.kill();
    layout = undefined;
    renderer = undefined;
  }

  const automation: ExplorerAutomation = {
    phase: () => phase,
    nodeIds: () => graph?.nodes() ?? [],
    edgeCount: () => graph?.size ?? 0,
    visibleNodeCount: () => renderer?.visibleNodeCount() ?? 0,
    visibleNodeIds: () => graph?.filterNodes((id) => renderer?.isVisible(id) ?? false) ?? [],
    visibleEdgeCount: () => renderer?.visibleEdgeCount() ?? 0,
    highlighted: () => renderer?.highlightedNodes() ?? [],
    nodePosition: (id) => renderer?.viewportPosition(id),
    nodeRadius: (id) => renderer?.viewportRadius(id),
    displayedLabels: () => renderer?.displayedLabels() ?? [],
    label: (id) => (graph?.hasNode(id) ? graph.getNodeAttribute(id, 'label') : ''),
    selected: () => renderer?.selection,
    lang: () => view.lang,
    view: () => view,
    layoutRunning: () => layout?.isRunning() ?? false,
    positionsRestored: () => restored,
    destroy,
  };

  return { start, destroy, automation };
}

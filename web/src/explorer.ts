// The explorer: loads a dataset through the data source, builds the graph, draws it with
// sigma, lays it out in a worker and wires the panels. destroy() releases sigma and the worker.
import type { GraphDataSource } from './data/source.ts';
import type { SchemaPayload } from './data/types.ts';
import { buildGraph, relabel, type ExplorerGraph } from './graph/build.ts';
import { LayoutController } from './graph/layout.ts';
import { GraphRenderer } from './graph/renderer.ts';
import { t, type Lang } from './i18n.ts';
import { renderDetails } from './ui/details.ts';
import { byId } from './ui/dom.ts';
import { renderLegend } from './ui/legend.ts';
import { ProgressView } from './ui/progress.ts';

export interface ExplorerOptions {
  source: GraphDataSource;
  lang: Lang;
  dataset: string;
}

/** A small, stable surface for scripts and end-to-end tests (read-only views of the state). */
export interface ExplorerAutomation {
  /** 'loading' → 'layout' → 'ready' (or 'error'). */
  phase(): string;
  nodeIds(): string[];
  edgeCount(): number;
  nodePosition(id: string): { x: number; y: number } | undefined;
  selected(): string | undefined;
  lang(): Lang;
  layoutRunning(): boolean;
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

export function createExplorer(options: ExplorerOptions): Explorer {
  const { source, dataset } = options;
  let lang = options.lang;
  let phase = 'loading';
  let schema: SchemaPayload | undefined;
  let graph: ExplorerGraph | undefined;
  let renderer: GraphRenderer | undefined;
  let layout: LayoutController | undefined;
  let detailsRequest = 0;

  const progress = new ProgressView();
  const container = byId('graph-container');
  const detailsPanel = byId('details');
  const legendPanel = byId('legend');
  const errorBox = byId('error');
  const langButton = byId<HTMLButtonElement>('lang-toggle');

  const renderChrome = () => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    byId('title').textContent = t(lang, 'title');
    langButton.textContent = t(lang, 'switchLanguage');
    const badge = byId('dataset-badge');
    badge.hidden = !schema?.synthetic;
    badge.textContent = t(lang, 'synthetic');
    if (schema && graph) renderLegend(legendPanel, schema.nodeTypes, lang, { nodes: graph.order, edges: graph.size });
  };

  const showError = (message: string) => {
    phase = 'error';
    progress.hide();
    errorBox.hidden = false;
    errorBox.textContent = t(lang, 'loadFailed', { message });
  };

  const closeDetails = () => {
    detailsRequest++;
    detailsPanel.hidden = true;
    delete detailsPanel.dataset.node;
    renderer?.setSelected(undefined);
  };

  const select = async (id: string) => {
    if (!graph?.hasNode(id) || !schema) return;
    renderer?.setSelected(id);
    const request = ++detailsRequest;
    try {
      const details = await source.node(dataset, id);
      if (request !== detailsRequest || !schema) return;
      renderDetails(detailsPanel, details, schema.nodeTypes, lang, {
        onSelectNode: (next) => void select(next),
        onClose: closeDetails,
      });
    } catch (error) {
      if (request === detailsRequest) showError((error as Error).message);
    }
  };

  langButton.addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    if (graph) relabel(graph, lang);
    renderChrome();
    const open = detailsPanel.dataset.node;
    if (open) void select(open);
  });

  const start = async () => {
    renderChrome();
    try {
      progress.show(t(lang, 'loadingSchema'));
      schema = await source.schema(dataset);
      progress.show(t(lang, 'loadingGraph'));
      const payload = await source.graph(dataset, (bytes) =>
        progress.show(t(lang, 'loadedBytes', { kb: Math.round(bytes / 1024) })),
      );
      progress.show(t(lang, 'building'));
      graph = buildGraph(payload, schema.nodeTypes, lang);
      renderer = new GraphRenderer(graph, container, {
        onClickNode: (id) => void select(id),
        onClickStage: closeDetails,
      });
      renderChrome();
      phase = 'layout';
      layout = new LayoutController(graph, {
        onProgress: ({ fraction, running }) => {
          if (running) progress.show(t(lang, 'layout'), fraction);
        },
        onSettled: () => {
          progress.hide();
          phase = 'ready';
        },
      });
      layout.start();
    } catch (error) {
      showError((error as Error).message);
    }
  };

  const destroy = () => {
    layout?.kill();
    renderer?.kill();
    layout = undefined;
    renderer = undefined;
  };

  const automation: ExplorerAutomation = {
    phase: () => phase,
    nodeIds: () => graph?.nodes() ?? [],
    edgeCount: () => graph?.size ?? 0,
    nodePosition: (id) => renderer?.viewportPosition(id),
    selected: () => renderer?.selection,
    lang: () => lang,
    layoutRunning: () => layout?.isRunning() ?? false,
    destroy: () => destroy(),
  };

  return { start, destroy, automation };
}

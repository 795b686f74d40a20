// The explorer's core: a view store, the URL codec composed of the features' slices, the graph
// model, the renderer with the display layers features contribute, the panel and legend hosts
// and the header. It knows features only through the Feature interface: main.ts registers
// them. start() loads the dataset; destroy() releases sigma and every feature.
import type { GraphDataSource } from '../data/source.ts';
import { t, type Lang } from '../i18n.ts';
import { Chrome } from './chrome.ts';
import { composeCodec, type Slice } from './codec.ts';
import { Commands } from './commands.ts';
import { byId } from './dom.ts';
import { CanvasEvents } from './events.ts';
import { FacetHost } from './facets.ts';
import type { Feature, FeatureContext, FeatureHooks } from './feature.ts';
import { KeyMap } from './keys.ts';
import { LayerStack } from './layers.ts';
import { loadGraph } from './loader.ts';
import { GraphModel } from './model.ts';
import { PanelHost } from './panels.ts';
import { Phase } from './phase.ts';
import { GraphRenderer } from './renderer.ts';
import { coreSlice, type CoreState } from './state.ts';
import { ViewStore } from './store.ts';
import { UrlSync } from './url-sync.ts';

export interface AppOptions<S extends CoreState> {
  features: readonly Feature<S>[];
  source: GraphDataSource;
  /** The language when the URL names none (the browser's preference). */
  fallbackLang: Lang;
  storage?: Storage;
}

export type Automation = Record<string, (...args: never[]) => unknown>;

export interface ExplorerApp {
  start(): Promise<void>;
  destroy(): void;
  automation: Automation;
}

export function createApp<S extends CoreState>(options: AppOptions<S>): ExplorerApp {
  const parts = createParts(options);
  const { codec, store, model, layers, panels, facets, chrome, keys } = parts;
  let renderer: GraphRenderer | undefined;
  let loaded = false;
  let started = false;
  let destroyed = false;
  /** Bumped by every load: a load overtaken by another (a quick second switch) stops. */
  let generation = 0;
  const phase = new Phase(() => renderer?.drawn() ?? Promise.resolve());
  const ctx = featureContext(parts, options, {
    renderer: () => renderer,
    busy: (name) => phase.busy(name),
    // The same dataset again (it was just imported into): loaded afresh, its view kept.
    switchDataset: (dataset) =>
      dataset === store.get().dataset ? void load() : store.update(codec.forDataset(store.get(), dataset), 'push'),
  });

  // Before the features hear of a change: labels follow the language; another dataset is loaded
  // in place (switcher, Back, a link), its graph, layout and panels afresh.
  store.subscribe((next, previous) => {
    model.setLang(next.lang);
    if (next.dataset !== previous.dataset && started) void load();
  });
  const hooks: FeatureHooks[] = options.features.map((feature) => feature.mount(ctx));
  // After them: the header, the legend's counts and the open panel.
  wireShell(parts, hooks, () => loaded, renderShell);
  const url = new UrlSync(store, codec);

  function renderShell(state: S): void {
    chrome.relabel(state.lang, model.schema?.synthetic ?? false);
    facets.render(totals(layers), state.lang);
    panels.show(state);
  }

  function startRenderer(): void {
    renderer ??= newRenderer(parts);
  }

  async function start(): Promise<void> {
    started = true;
    document.addEventListener('keydown', keys.listener);
    chrome.relabel(store.get().lang, false);
    await load();
  }

  /** Loads the view's dataset, dropping the one shown before (if any). */
  async function load(): Promise<void> {
    const current = ++generation;
    if (loaded) unload();
    const { dataset, limit } = store.get();
    try {
      await loadGraph({
        dataset,
        limit,
        lang: () => store.get().lang,
        source: options.source,
        model,
        chrome,
        hooks,
        startRenderer,
        isCancelled: () => destroyed || current !== generation,
      });
      if (!destroyed && current === generation) showLoaded();
    } catch (error) {
      if (current !== generation) return;
      phase.fail();
      chrome.showFatal(store.get().lang, (error as Error).message);
    }
  }

  function unload(): void {
    loaded = false;
    phase.restart();
    for (const h of hooks) h.unloaded?.();
    forgetDataset(parts);
  }

  /** The graph is in: the view is validated against it, and every feature brings the screen in line. */
  function showLoaded(): void {
    loaded = true;
    performance.mark('explorer:view:start');
    // A view of another dataset (Back to it, a link) waits for that dataset's data to be checked.
    const dataset = store.get().dataset;
    store.setValidator((state) => (state.dataset === dataset ? codec.validate(state, model.domain()) : state));
    chrome.setStandingNotice(() =>
      model.truncated ? t(store.get().lang, 'overviewTruncated', model.truncated) : undefined,
    );
    store.update({}, 'none');
    url.write(store.get(), 'replace');
    performance.measure('explorer:view', 'explorer:view:start');
    for (const h of hooks) h.loaded?.();
    chrome.progress.hide();
    phase.loaded();
  }

  function destroy(): void {
    if (destroyed) return;
    destroyed = true;
    document.removeEventListener('keydown', keys.listener);
    url.dispose();
    for (const h of hooks) h.dispose?.();
    panels.dispose();
    chrome.dispose();
    renderer?.kill();
    renderer = undefined;
    store.dispose();
  }

  const automation = composeAutomation(
    coreAutomation(model, layers, () => renderer, {
      phase: () => phase.current(),
      view: () => store.get(),
      destroy,
    }),
    hooks,
  );
  return { start, destroy, automation };
}

type Parts<S extends CoreState> = ReturnType<typeof createParts<S>>;

const totals = (layers: LayerStack) => ({ nodes: layers.visibleNodeCount(), edges: layers.visibleEdgeCount() });

/** What the core hands each feature. */
function featureContext<S extends CoreState>(
  parts: Parts<S>,
  options: AppOptions<S>,
  app: Pick<FeatureContext<S>, 'renderer' | 'busy' | 'switchDataset'>,
): FeatureContext<S> {
  return {
    ...parts,
    ...app,
    source: options.source,
    storage: options.storage ?? window.localStorage,
    addLayer: (layer) => parts.layers.add(layer),
    viewQuery: (state) => parts.codec.serialize(state),
    parseView: (query) => parts.codec.parse(query),
  };
}

/** Sigma, started on the model's graph, its canvas events passed to the features. */
function newRenderer<S extends CoreState>({ model, layers, canvas }: Parts<S>): GraphRenderer {
  return new GraphRenderer(model.graph, byId('graph-container'), layers, {
    onClickNode: (id) => canvas.emit('clickNode', id),
    onClickStage: () => canvas.emit('clickStage', undefined),
    onHoverNode: (id) => canvas.emit('hoverNode', id),
    onCameraChange: (camera) => canvas.emit('camera', camera),
  });
}

/** What keeps the shell in step once features have heard of a change: legend, panels, keys. */
function wireShell<S extends CoreState>(
  { store, model, layers, facets, keys }: Parts<S>,
  hooks: readonly FeatureHooks[],
  loaded: () => boolean,
  renderShell: (state: S) => void,
): void {
  store.subscribe((next) => {
    if (loaded()) renderShell(next);
  });
  layers.onChange((what) => {
    if (loaded() && what === 'hidden') facets.render(totals(layers), store.get().lang);
  });
  model.onChange((added) => {
    for (const h of hooks) h.graphChanged?.(added);
    layers.recompute('hidden');
    renderShell(store.get());
  });
  for (const h of hooks) for (const binding of h.keys ?? []) keys.add(binding);
}

/** The dataset shown is being replaced: its panels, graph and validation go. */
function forgetDataset<S extends CoreState>({ store, panels, model, layers }: Parts<S>): void {
  panels.show({ ...store.get(), panel: undefined });
  model.reset();
  store.setValidator((state) => state);
  layers.recompute('hidden');
}

/** The core's parts: the URL codec composed of the slices, the store it fills, model and hosts. */
function createParts<S extends CoreState>(options: AppOptions<S>) {
  const panels = new PanelHost<S>();
  const slices: Slice<S>[] = [coreSlice<S>(() => panels.names())];
  for (const feature of options.features) if (feature.slice) slices.push(feature.slice);
  const codec = composeCodec(slices, { fallbackLang: options.fallbackLang });
  const store = new ViewStore<S>(codec.parse(window.location.search));
  const model = new GraphModel(store.get().lang);
  return {
    codec,
    store,
    model,
    layers: new LayerStack(model.graph),
    panels,
    facets: new FacetHost(byId('legend'), (patch) => store.update(patch as Partial<S>, 'push')),
    chrome: new Chrome(),
    canvas: new CanvasEvents(),
    commands: new Commands(),
    keys: new KeyMap(),
  };
}

/** What the core itself tells scripts and tests: the graph held, what is drawn and where. */
function coreAutomation(
  model: GraphModel,
  layers: LayerStack,
  renderer: () => GraphRenderer | undefined,
  app: { phase(): string; view(): object; destroy(): void },
): Automation {
  return {
    ...app,
    nodeIds: () => model.graph.nodes(),
    edgeCount: () => model.graph.size,
    visibleNodeCount: () => layers.visibleNodeCount(),
    visibleNodeIds: () => model.graph.filterNodes((id) => layers.isVisible(id)),
    visibleEdgeCount: () => layers.visibleEdgeCount(),
    highlighted: () => renderer()?.highlightedNodes() ?? [],
    nodePosition: (id: string) => renderer()?.viewportPosition(id),
    nodeRadius: (id: string) => renderer()?.viewportRadius(id),
    displayedLabels: () => renderer()?.displayedLabels() ?? [],
    label: (id: string) => (model.graph.hasNode(id) ? model.graph.getNodeAttribute(id, 'label') : ''),
  };
}

/** The core's functions plus every feature's; two features may not claim one name. */
function composeAutomation(core: Automation, hooks: readonly FeatureHooks[]): Automation {
  const out: Automation = { ...core };
  for (const h of hooks) {
    for (const [name, fn] of Object.entries(h.automation ?? {})) {
      if (name in out) throw new Error(`automation function ${name} is defined twice`);
      out[name] = fn;
    }
  }
  return out;
}

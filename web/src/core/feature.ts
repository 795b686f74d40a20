// What a feature is: a module that owns its panel, its slice of the view and the URL, its keys,
// its display layer and its automation hooks, and is registered once in main.ts. The core hands
// it this context and knows it by nothing but this interface.
import type { GraphDataSource } from '../data/source.ts';
import type { GraphPayload } from '../data/types.ts';
import type { ExplorerGraph } from '../graph/build.ts';
import type { Chrome } from './chrome.ts';
import type { Slice } from './codec.ts';
import type { Commands } from './commands.ts';
import type { CanvasEvents } from './events.ts';
import type { FacetHost } from './facets.ts';
import type { KeyBinding } from './keys.ts';
import type { DisplayLayer, LayerHandle, LayerStack } from './layers.ts';
import type { Added, GraphModel } from './model.ts';
import type { PanelHost } from './panels.ts';
import type { GraphRenderer } from './renderer.ts';
import type { CoreState } from './state.ts';
import type { ViewStore } from './store.ts';

export interface FeatureContext<S extends CoreState> {
  readonly store: ViewStore<S>;
  readonly source: GraphDataSource;
  readonly model: GraphModel;
  readonly layers: LayerStack;
  readonly panels: PanelHost<S>;
  readonly facets: FacetHost;
  readonly chrome: Chrome;
  readonly commands: Commands;
  /** Clicks, hover and camera moves on the canvas. */
  readonly canvas: CanvasEvents;
  readonly storage: Storage;
  /** Sigma's owner; undefined until the graph view has started (and after destroy). */
  renderer(): GraphRenderer | undefined;
  addLayer(layer: DisplayLayer): LayerHandle;
  /**
   * Marks work that keeps the view from being ready (e.g. 'layout'); the release function ends
   * it. The phase is the name of the oldest unfinished work, else 'ready' once drawn.
   */
  busy(name: string): () => void;
  /**
   * Shows another dataset: the view starts from the defaults, but for what the slices keep
   * across datasets (language, theme); a push, so Back returns to the previous dataset.
   */
  switchDataset(dataset: string): void;
  /** The view as a shared link's query string (the URL codec's writing, without `?`). */
  viewQuery(state: S): string;
  /** A link's query string read as a view, as the URL codec reads the address bar (not validated). */
  parseView(query: string): S;
}

/** Hooks into the load of a dataset and later changes of the graph. */
export interface FeatureHooks {
  /**
   * Replaces the overview (e.g. a large dataset's aggregates); the first hook answering wins,
   * and the overview request is then not made.
   */
  replaceOverview?(dataset: string): Promise<GraphPayload | undefined>;
  /** Adds to the overview before it is built (e.g. the expansions named by a shared link). */
  extendOverview?(payload: GraphPayload): Promise<void>;
  /**
   * Sees the built nodes before they are drawn (e.g. restores kept positions); `stored`: they
   * already stand where the server's layout put them.
   */
  placeNodes?(nodes: ExplorerGraph, edgeCount: number, stored: boolean): void;
  /** The whole graph has been handed to the renderer. */
  loaded?(): void;
  /** Nodes or edges were merged into the loaded graph. */
  graphChanged?(added: Added): void;
  /** The dataset is being replaced by another: drop what belongs to it (a running layout, …). */
  unloaded?(): void;
  keys?: KeyBinding[];
  /** Read-only functions for scripts and end-to-end tests (window.explorer). */
  automation?: Record<string, (...args: never[]) => unknown>;
  dispose?(): void;
}

export interface Feature<S extends CoreState> {
  readonly id: string;
  readonly slice?: Slice<S>;
  mount(ctx: FeatureContext<S>): FeatureHooks;
}

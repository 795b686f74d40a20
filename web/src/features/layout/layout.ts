// Layout: ForceAtlas2 in a web worker (graph/layout.ts) with a start/stop button. A graph whose
// positions came from the server's stored layout is drawn as it is: the layout runs only when
// asked and briefly after the graph grew by nodes without stored positions (expand). Without stored positions (the server is still
// computing them) it runs on load, and its result is kept per dataset in the browser so that a
// reload does not reshuffle the map; the server's positions always win over the browser's.
import { button } from '../../core/dom.ts';
import type { Feature } from '../../core/feature.ts';
import type { CoreState } from '../../core/state.ts';
import type { ExplorerGraph } from '../../graph/build.ts';
import { LayoutController } from '../../graph/layout.ts';
import { restorePositions, savePositions } from '../../graph/positions.ts';
import { t } from '../../i18n.ts';

/** After a few nodes were added to a laid-out view, the layout runs this long. */
const GROWTH_BUDGET_MS = 3_000;

export function layoutFeature<S extends CoreState>(): Feature<S> {
  return {
    id: 'layout',
    mount({ store, chrome, model, renderer, busy, storage }) {
      let layout: LayoutController | undefined;
      let restored = false;
      /** The positions came from the server: a layout run here is never kept in the browser. */
      let stored = false;
      let release: (() => void) | undefined;
      const toggle = button('layout-toggle');
      chrome.place('toolbar', toggle, 10);
      const relabel = () => {
        const running = layout?.isRunning() ?? false;
        toggle.textContent = t(store.get().lang, running ? 'layoutStop' : 'layoutStart');
        toggle.setAttribute('aria-pressed', running ? 'true' : 'false');
      };
      const finish = () => {
        release?.();
        release = undefined;
        relabel();
      };
      /** A layout over the current graph; `budgetMs` is shorter when only a few nodes are new. */
      const run = (g: ExplorerGraph, budgetMs?: number) => {
        layout?.kill();
        release ??= busy('layout');
        layout = new LayoutController(g, {
          budgetMs,
          extentFractionPerPixel: () => renderer()?.extentFractionPerPixel() ?? 0,
          onProgress: ({ fraction, running }) => {
            renderer()?.setLayoutRunning(running);
            if (running) chrome.progress.show(t(store.get().lang, 'layout'), fraction);
          },
          onSettled: () => {
            chrome.progress.hide();
            if (!stored) savePositions(storage, store.get().dataset, g);
            finish();
          },
        });
        layout.start();
        relabel();
      };
      toggle.addEventListener('click', () => {
        if (layout?.isRunning()) {
          layout.stop();
          finish();
        } else if (layout) {
          // The same controller goes on from where it stopped (its copy of the graph is kept).
          release ??= busy('layout');
          layout.start();
          relabel();
        } else run(model.graph);
      });
      relabel();
      const unsubscribe = store.subscribe((next, previous) => {
        if (next.lang !== previous.lang) relabel();
      });
      return {
        placeNodes(nodes, edgeCount, fromServer) {
          stored = fromServer;
          restored = !stored && restorePositions(storage, store.get().dataset, nodes);
          // Without any positions a layout follows: a large graph's edges wait for its end.
          if (!stored && !restored) renderer()?.setLayoutRunning(true, edgeCount);
        },
        loaded() {
          if (!stored && !restored) run(model.graph);
        },
        // New nodes at their stored positions keep the stored picture; others are laid out briefly.
        graphChanged: (added) => {
          if (!added.placed) run(model.graph, GROWTH_BUDGET_MS);
        },
        unloaded() {
          layout?.kill();
          layout = undefined;
          release = undefined;
          restored = false;
          stored = false;
          renderer()?.setLayoutRunning(false);
          relabel();
        },
        automation: {
          layoutRunning: () => layout?.isRunning() ?? false,
          positionsRestored: () => restored,
          positionsStored: () => stored,
        },
        dispose() {
          unsubscribe();
          layout?.kill();
          layout = undefined;
        },
      };
    },
  };
}

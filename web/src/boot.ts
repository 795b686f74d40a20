// The app itself: created here and only here, with a data source and the registered features;
// the view comes from the URL. The page's entry chooses the source: the HTTP one (handed the
// answers main.ts asked for already), or the offline bundle's static one (bundle-main.ts).
import { createApp } from './core/app.ts';
import type { Prefetched } from './data/prefetch.ts';
import { HttpDataSource, type GraphDataSource } from './data/source.ts';
import { features } from './features/index.ts';
import type { ExplorerAutomation } from './automation.ts';
import { preferredLanguage } from './i18n.ts';
import { API_BASE } from './data/requests.ts';

export function boot(prefetched: Prefetched): void {
  startExplorer(new HttpDataSource(API_BASE, prefetched));
}

export function startExplorer(source: GraphDataSource): void {
  const app = createApp({
    features: features(),
    source,
    fallbackLang: preferredLanguage(navigator.languages),
  });
  window.explorer = app.automation as unknown as ExplorerAutomation;
  window.addEventListener('pagehide', () => app.destroy());
  void app.start();
}

// The app itself: created here and only here, with the HTTP data source (handed the answers the
// entry chunk asked for already) and the registered features; the view comes from the URL.
import { createApp } from './core/app.ts';
import type { Prefetched } from './data/prefetch.ts';
import { HttpDataSource } from './data/source.ts';
import { features } from './features/index.ts';
import type { ExplorerAutomation } from './automation.ts';
import { preferredLanguage } from './i18n.ts';
import { API_BASE } from './data/requests.ts';

export function boot(prefetched: Prefetched): void {
  const app = createApp({
    features: features(),
    source: new HttpDataSource(API_BASE, prefetched),
    fallbackLang: preferredLanguage(navigator.languages),
  });
  window.explorer = app.automation as unknown as ExplorerAutomation;
  window.addEventListener('pagehide', () => app.destroy());
  void app.start();
}

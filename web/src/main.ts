// Entry point: the explorer is created here and only here; modules have no side effects at
// import. The core (store, graph model, renderer, panel host) is wired with the features
// registered in features/index.ts; the view comes from the URL.
import { createApp } from './core/app.ts';
import { HttpDataSource } from './data/source.ts';
import { features } from './features/index.ts';
import type { ExplorerAutomation } from './automation.ts';
import { preferredLanguage } from './i18n.ts';

function boot(): void {
  const app = createApp({
    features: features(),
    source: new HttpDataSource(),
    fallbackLang: preferredLanguage(navigator.languages),
  });
  window.explorer = app.automation as unknown as ExplorerAutomation;
  window.addEventListener('pagehide', () => app.destroy());
  void app.start();
}

boot();

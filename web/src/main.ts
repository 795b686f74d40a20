// Entry point: the explorer is created here and only here; modules have no side effects at
// import. The view (dataset, language, selection, filters, camera) comes from the URL.
// The explorer (sigma, graphology, layouts) is a separate chunk: evaluating it is then a task of
// its own instead of part of the first paint's.
import { preferredLanguage } from './i18n.ts';

async function boot(): Promise<void> {
  const [{ createExplorer }, { HttpDataSource }] = await Promise.all([
    import('./explorer.ts'),
    import('./data/source.ts'),
  ]);
  const explorer = createExplorer({
    source: new HttpDataSource(),
    fallbackLang: preferredLanguage(navigator.languages),
  });
  window.explorer = explorer.automation;
  window.addEventListener('pagehide', () => explorer.destroy());
  await explorer.start();
}

void boot();

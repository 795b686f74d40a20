// Entry point: the explorer is created here and only here; modules have no side effects at
// import. The view (dataset, language, selection, filters, camera) comes from the URL.
import { createExplorer } from './explorer.ts';
import { HttpDataSource } from './data/source.ts';
import { preferredLanguage } from './i18n.ts';

const explorer = createExplorer({ source: new HttpDataSource(), fallbackLang: preferredLanguage(navigator.languages) });
window.explorer = explorer.automation;
void explorer.start();
window.addEventListener('pagehide', () => explorer.destroy());

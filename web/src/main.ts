// Entry point: wires the data source, the graph, the layout and the panels. The explorer is
// created here and only here; modules have no side effects at import.
import { createExplorer } from './explorer.ts';
import { HttpDataSource } from './data/source.ts';
import { preferredLanguage } from './i18n.ts';

const params = new URLSearchParams(window.location.search);
const lang =
  params.get('lang') === 'en' ? 'en' : params.get('lang') === 'zh' ? 'zh' : preferredLanguage(navigator.languages);
const explorer = createExplorer({ source: new HttpDataSource(), lang, dataset: params.get('dataset') ?? 'laoshan' });
window.explorer = explorer.automation;
void explorer.start();
window.addEventListener('pagehide', () => explorer.destroy());

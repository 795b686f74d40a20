// Entry point of the offline bundle (vite.bundle.config.ts builds it as one classic script, since
// a page opened from file:// may run neither ES modules nor fetch): the app as main.ts starts
// it, but with the static data source filled from the bundle `data.js` set on the page.
import './style.css';
import { startExplorer } from './boot.ts';
import { offlineBundle, StaticDataSource } from './data/static-source.ts';

/** The copy holds one dataset: the link names it, whatever an older link said. */
function pointLinkAt(dataset: string): void {
  const params = new URLSearchParams(window.location.search);
  if (params.get('dataset') === dataset) return;
  params.set('dataset', dataset);
  window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}${window.location.hash}`);
}

function main(): void {
  const bundle = offlineBundle(window);
  if (!bundle) {
    // Without its data nothing else can say so (data.js missing, or of another version).
    const box = document.getElementById('error');
    if (box) {
      box.textContent =
        '离线副本找不到数据(index.html 旁的 data.js)· The offline copy could not find its data (data.js beside index.html).';
      box.hidden = false;
    }
    return;
  }
  pointLinkAt(bundle.dataset.name);
  startExplorer(new StaticDataSource(bundle));
}

main();

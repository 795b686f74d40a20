// Entry point, kept tiny: it starts the page's first requests (schema and overview), then loads
// the app (boot.ts: sigma, the core and the features) as a chunk of its own, so that the data
// and the code arrive side by side instead of one after the other. Modules have no side effects
// at import.
import { prefetchFirstView } from './data/prefetch.ts';

function main(): void {
  const prefetched = prefetchFirstView(window.location.search);
  import('./boot.ts')
    .then(({ boot }) => boot(prefetched))
    .catch((error: unknown) => {
      // Without the app's code nothing else can say so.
      const box = document.getElementById('error');
      if (box) {
        box.textContent = `The explorer could not be loaded: ${(error as Error).message}`;
        box.hidden = false;
      }
    });
}

main();

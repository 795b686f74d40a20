// Camera: zoom, fit and fullscreen buttons, and the camera in the link (`cam`), restored on
// load and on Back. Camera moves refine the current link (replace), never add history.
import { button, byId } from '../../core/dom.ts';
import type { Feature } from '../../core/feature.ts';
import type { CoreState } from '../../core/state.ts';
import { t, type StringKey } from '../../i18n.ts';
import { cameraSlice, type CameraState } from './slice.ts';

const BUTTONS: [id: string, text: string, label: StringKey][] = [
  ['zoom-in', '+', 'zoomIn'],
  ['zoom-out', '−', 'zoomOut'],
  ['fit', '⤢', 'fit'],
  ['fullscreen', '', 'fullscreen'],
];

export function cameraFeature<S extends CoreState & CameraState>(): Feature<S> {
  return {
    id: 'camera',
    slice: cameraSlice<S>(),
    mount({ store, chrome, renderer, canvas }) {
      const actions: Record<string, () => void> = {
        'zoom-in': () => void renderer()?.zoom(1.5),
        'zoom-out': () => void renderer()?.zoom(1 / 1.5),
        fit: () => void renderer()?.fit(),
        fullscreen: () => void toggleFullscreen(),
      };
      const buttons = BUTTONS.map(([id, text, label], i) => {
        const b = button(id, text);
        b.addEventListener('click', () => actions[id]?.());
        chrome.place('toolbar', b, 20 + i);
        return { b, label };
      });
      const relabel = (state: S) => {
        for (const { b, label } of buttons) {
          b.title = t(state.lang, label);
          b.setAttribute('aria-label', t(state.lang, label));
        }
        byId('fullscreen').textContent = t(state.lang, 'fullscreen');
      };
      relabel(store.get());
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stopCamera = canvas.on('camera', () => {
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(() => {
          const r = renderer();
          if (!r) return;
          const { x, y, ratio } = r.camera();
          store.update({ camera: { x, y, ratio } } as Partial<S>, 'replace');
        }, 400);
      });
      const unsubscribe = store.subscribe((next, previous, history) => {
        if (next.lang !== previous.lang) relabel(next);
        if (history === 'none' && next.camera) renderer()?.setCamera({ ...next.camera, angle: 0 });
      });
      return {
        dispose() {
          if (timer !== undefined) clearTimeout(timer);
          stopCamera();
          unsubscribe();
        },
      };
    },
  };
}

async function toggleFullscreen(): Promise<void> {
  if (document.fullscreenElement) await document.exitFullscreen();
  else await byId('app').requestFullscreen();
}

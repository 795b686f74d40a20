// Time: the network as it grew, year by year. A bar under the canvas holds a slider over the
// years the nodes carry (founding, award, event years) and a play button that advances one year
// a second. `year` in the link shows the network as of the end of that year: nodes dated later
// are hidden by this feature's layer (their relations with them); undated nodes stay and are
// counted. Owns the `year` parameter, the bar, the `y` key and `window.explorer.timeline()`.
import type { Feature } from '../../core/feature.ts';
import type { CoreState } from '../../core/state.ts';
import type { HistoryMode } from '../../core/store.ts';
import { timelineSlice, type TimelineState } from './slice.ts';
import { TimebarView } from './timebar-view.ts';
import { countShown, datedAfter, nextYear, playbackStart, yearsOf } from './years.ts';

/** How long playback shows each year. */
export const PLAYBACK_STEP_MS = 1_000;

/** One year after another on a timer, stopped on pause, at the last year and on unload. */
class Playback {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The year playback showed last: a change to any other year (a link, Back, a story) stops it. */
  expected: number | undefined;

  constructor(
    private readonly years: () => readonly number[],
    private readonly show: (year: number, history: HistoryMode) => void,
    private readonly changed: () => void,
  ) {}

  get playing(): boolean {
    return this.timer !== undefined;
  }

  /** Shows `from` at once (one history entry for the whole run), then each later year. */
  start(from: number): void {
    this.expected = from;
    this.schedule();
    this.show(from, 'push');
    this.changed();
  }

  stop(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.changed();
  }

  private schedule(): void {
    this.timer = setTimeout(() => this.tick(), PLAYBACK_STEP_MS);
  }

  private tick(): void {
    const years = this.years();
    const next = nextYear(years, this.expected);
    if (next === undefined) return this.stop();
    this.expected = next;
    this.schedule();
    this.show(next, 'replace');
    if (next === years[years.length - 1]) this.stop();
  }
}

export function timelineFeature<S extends CoreState & TimelineState>(): Feature<S> {
  return {
    id: 'timeline',
    slice: timelineSlice<S>(),
    mount({ store, model, layers, addLayer, chrome }) {
      let years: number[] = [];
      let hidden = new Set<string>();
      const layer = addLayer({ id: 'timeline', hiddenNodes: () => hidden });
      const setYear = (year: number | undefined, history: HistoryMode) => store.update({ year } as Partial<S>, history);

      const playback = new Playback(
        () => years,
        (year, history) => setYear(year, history),
        () => render(),
      );
      const view = new TimebarView({
        slide(index, first) {
          playback.stop();
          setYear(years[index], first ? 'push' : 'replace');
        },
        togglePlay: () => togglePlay(),
        showAll() {
          playback.stop();
          setYear(undefined, 'push');
        },
      });
      chrome.place('graph-bottom', view.root, 0);

      function togglePlay(): void {
        if (playback.playing || years.length < 2) return playback.stop();
        const start = playbackStart(years, store.get().year);
        if (start !== undefined) playback.start(start);
      }
      function render(): void {
        const counts = countShown(model.graph, (node) => layers.isVisible(node));
        const { lang, year } = store.get();
        view.render({ lang, year, years, playing: playback.playing, ...counts });
      }
      /** The graph changed (loaded, expanded): its years and what the year hides. */
      function recompute(): void {
        years = yearsOf(model.graph);
        hidden = datedAfter(model.graph, store.get().year);
      }

      const unsubscribe = store.subscribe((next, previous, history) => {
        if (playback.playing && next.year !== playback.expected) playback.stop();
        if (history === 'none' || next.year !== previous.year) {
          recompute();
          layer.changed('hidden');
        } else if (next.lang !== previous.lang) render();
      });
      // A change of what any layer hides (this one's, types, fields) redraws the bar and its count.
      const stopCounting = layers.onChange((what) => {
        if (what === 'hidden') render();
      });
      return {
        loaded() {
          recompute();
          layer.changed('hidden');
        },
        graphChanged: recompute,
        unloaded() {
          playback.stop();
          years = [];
          hidden = new Set();
          render();
        },
        keys: [{ key: 'y', run: () => togglePlay() }],
        automation: {
          timeline: () => ({
            year: store.get().year,
            years: [...years],
            playing: playback.playing,
            ...countShown(model.graph, (node) => layers.isVisible(node)),
          }),
        },
        dispose() {
          playback.stop();
          stopCounting();
          unsubscribe();
        },
      };
    },
  };
}

// The time bar under the canvas: play/pause, a slider over the years the data holds, the first
// and last year beside it, what is shown, and a button back to all years. Rendering only: the
// timeline feature decides what it shows and hears what the user does.
import { h } from '../../core/dom.ts';
import { t, type Lang } from '../../i18n.ts';
import { yearIndex } from './years.ts';

export interface TimebarModel {
  lang: Lang;
  years: readonly number[];
  year: number | undefined;
  playing: boolean;
  shown: number;
  undated: number;
}

export interface TimebarActions {
  /** The slider moved to a position (an index into the years); `first`: the first move of a drag. */
  slide(index: number, first: boolean): void;
  togglePlay(): void;
  showAll(): void;
}

export class TimebarView {
  readonly root: HTMLElement;
  private readonly play = h('button', { id: 'timebar-play', type: 'button', class: 'timebar-play' });
  private readonly slider = h('input', { id: 'timebar-year', type: 'range', min: '0', step: '1' });
  private readonly first = h('span', { class: 'timebar-end', 'data-end': 'first' });
  private readonly last = h('span', { class: 'timebar-end', 'data-end': 'last' });
  private readonly label = h('span', { id: 'timebar-label', class: 'timebar-label' });
  private readonly all = h('button', { id: 'timebar-all', type: 'button', class: 'timebar-all' });

  constructor(actions: TimebarActions) {
    this.root = h(
      'div',
      { id: 'timebar', class: 'timebar', role: 'group' },
      this.play,
      this.first,
      this.slider,
      this.last,
      this.label,
      this.all,
    );
    this.root.hidden = true;
    // One history entry per drag: its first move is pushed, the rest refine it.
    let dragging = false;
    this.slider.addEventListener('input', () => {
      actions.slide(Number(this.slider.value), !dragging);
      dragging = true;
    });
    this.slider.addEventListener('change', () => (dragging = false));
    this.play.addEventListener('click', () => actions.togglePlay());
    this.all.addEventListener('click', () => actions.showAll());
  }

  render(m: TimebarModel): void {
    // Fewer than two years leave nothing to slide through.
    this.root.hidden = m.years.length < 2;
    if (m.year === undefined) delete this.root.dataset.year;
    else this.root.dataset.year = String(m.year);
    this.root.setAttribute('aria-label', t(m.lang, 'timeline'));
    const playLabel = t(m.lang, m.playing ? 'timelinePause' : 'timelinePlay');
    this.play.textContent = m.playing ? '❚❚' : '▶';
    this.play.title = `${playLabel} (Y)`;
    this.play.setAttribute('aria-label', playLabel);
    this.play.setAttribute('aria-pressed', m.playing ? 'true' : 'false');
    this.slider.max = String(Math.max(0, m.years.length - 1));
    this.slider.value = String(yearIndex(m.years, m.year));
    const asOf = m.year === undefined ? t(m.lang, 'timelineAllYears') : `≤ ${m.year}`;
    this.slider.setAttribute('aria-label', t(m.lang, 'timelineYear'));
    this.slider.setAttribute('aria-valuetext', asOf);
    this.first.textContent = String(m.years[0] ?? '');
    this.last.textContent = String(m.years[m.years.length - 1] ?? '');
    const counts = { shown: m.shown, undated: m.undated };
    this.label.textContent =
      m.year === undefined ? t(m.lang, 'timelineAll', counts) : t(m.lang, 'timelineAsOf', { ...counts, year: m.year });
    this.all.textContent = t(m.lang, 'timelineAllYears');
    this.all.hidden = m.year === undefined;
  }
}

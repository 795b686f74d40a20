// Play mode's band below the graph: the step's title and caption, large enough to read from the
// back of a room (sized by the viewport in CSS, never below 28 px), the step counter and the
// controls. It sits in the page's column under the graph, so nothing overlaps the picture.
import { h } from '../../core/dom.ts';
import { t, type Lang } from '../../i18n.ts';

/** The smallest caption size, in CSS pixels (readable at 1280×720 from the back of a room). */
export const MIN_CAPTION_PX = 28;
/** The band may take this share of the screen's height; a longer caption is set smaller first. */
const MAX_BAND_SHARE = 0.42;

export interface PlayControls {
  onPrevious(): void;
  onNext(): void;
  onExit(): void;
  onPresenter(): void;
}

export interface PlayBand {
  readonly root: HTMLElement;
  show(step: { title: string; caption: string; n: number; count: number }, lang: Lang): void;
  relabel(lang: Lang): void;
}

export function playBand(lang: Lang, controls: PlayControls): PlayBand {
  const title = h('h2', { id: 'story-title', class: 'story-title' });
  const caption = h('p', { id: 'story-caption', class: 'story-caption' });
  const counter = h('div', { id: 'story-counter', class: 'story-counter', 'aria-live': 'polite' });
  const make = (id: string, text: string, run: () => void) => {
    const b = h('button', { type: 'button', id, class: 'story-control' }, text);
    b.addEventListener('click', () => {
      run();
      // The keys go on moving between steps: a space must not press this button again.
      root.focus({ preventScroll: true });
    });
    return b;
  };
  const previous = make('story-previous', '←', controls.onPrevious);
  const next = make('story-next', '→', controls.onNext);
  const presenter = make('story-presenter', '', controls.onPresenter);
  const exit = make('story-exit', '', controls.onExit);
  const root = h(
    'section',
    { id: 'story-player', class: 'story-play', tabindex: '-1' },
    h('div', { class: 'story-text' }, title, caption),
    h(
      'div',
      { class: 'story-side' },
      counter,
      h('div', { id: 'story-controls', class: 'story-controls' }, previous, next, presenter, exit),
    ),
  );
  const relabel = (l: Lang) => {
    root.setAttribute('aria-label', t(l, 'storyPlaying'));
    previous.setAttribute('aria-label', t(l, 'storyPrevious'));
    previous.title = t(l, 'storyPrevious');
    next.setAttribute('aria-label', t(l, 'storyNext'));
    next.title = t(l, 'storyNext');
    presenter.textContent = t(l, 'storyPresenter');
    exit.textContent = t(l, 'storyExit');
  };
  relabel(lang);
  return {
    root,
    relabel,
    show(step, l) {
      title.textContent = step.title;
      caption.textContent = step.caption;
      caption.hidden = step.caption === '';
      counter.textContent = `${step.n} / ${step.count}`;
      previous.disabled = step.n <= 1;
      next.disabled = step.n >= step.count;
      relabel(l);
      fitCaption(root, caption);
    },
  };
}

/**
 * A long caption is set smaller, step by step, until the band fits its share of the screen or
 * the caption reaches the smallest readable size (the band then scrolls).
 */
function fitCaption(root: HTMLElement, caption: HTMLElement): void {
  caption.style.fontSize = '';
  const limit = window.innerHeight * MAX_BAND_SHARE;
  let size = parseFloat(getComputedStyle(caption).fontSize);
  while (root.scrollHeight > limit && size > MIN_CAPTION_PX) {
    size = Math.max(MIN_CAPTION_PX, size - 2);
    caption.style.fontSize = `${size}px`;
  }
}

// Play mode: the story one step at a time, the header and side panels out of sight (the page's
// `data-mode="play"`), full screen when a user started it (a link opens it without), the
// projector theme unless a step names its own, the caption large below the graph. The keys of
// a presentation clicker move between steps (→ ↓ PageDown space: next; ← ↑ PageUp Shift+space:
// previous; Home, End); Esc leaves, back to the view as it was before playing.
import type { Story } from '../../../../domain/story.ts';
import { byId } from '../../core/dom.ts';
import type { FeatureContext } from '../../core/feature.ts';
import type { Camera } from '../camera/slice.ts';
import type { StoryLibrary } from './library.ts';
import { stepText } from './model.ts';
import { playBand, type PlayBand } from './play-view.ts';
import { PresenterWindow } from './presenter.ts';
import type { StepShow, StoryViewState } from './show-step.ts';

type Move = 'next' | 'previous' | 'first' | 'last' | 'exit';

/** The keys of a keyboard or a presentation clicker (which sends PageUp/PageDown). */
export function playKey(event: Pick<KeyboardEvent, 'key' | 'shiftKey'>): Move | undefined {
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return 'next';
    case ' ':
      return event.shiftKey ? 'previous' : 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'exit';
    default:
      return undefined;
  }
}

export class StoryPlayer<S extends StoryViewState> {
  private active = false;
  /** The view and camera before playing, brought back on leaving. */
  private before: { state: S; camera: Camera | undefined } | undefined;
  private fullscreen = false;
  /** The step asked for last (a quick second key press counts from it, not from the view). */
  private target: number | undefined;
  private readonly band: PlayBand;
  private readonly presenter: PresenterWindow;

  constructor(
    private readonly ctx: FeatureContext<S>,
    private readonly library: StoryLibrary,
    private readonly steps: StepShow<S>,
  ) {
    const lang = ctx.store.get().lang;
    this.band = playBand(lang, {
      onPrevious: () => this.move('previous'),
      onNext: () => this.move('next'),
      onExit: () => this.exit(),
      onPresenter: () => this.presenter.open(),
    });
    this.presenter = new PresenterWindow((event) => this.onKey(event));
    byId('app').append(this.band.root);
  }

  playing(): boolean {
    return this.active;
  }

  /** Starts playing from a user's gesture (a button, a key): full screen, then step `n`. */
  start(story: string, n: number): void {
    const r = this.ctx.renderer();
    this.before = { state: this.ctx.store.get(), camera: r ? cameraOf(r.camera()) : undefined };
    const root = document.documentElement;
    if (root.requestFullscreen && !document.fullscreenElement)
      root.requestFullscreen().then(
        () => {
          this.fullscreen = true;
          // Left already (a quick Esc): the screen goes back too.
          if (!this.active) this.end();
        },
        () => undefined,
      );
    this.ctx.store.update({ story, storyStep: n, storyPlay: true } as Partial<S>, 'push');
  }

  /** Brings play mode in line with the view (a link, Back, a step chosen). */
  sync(next: S, previous: S): void {
    if (next.storyPlay && !this.active) this.begin(next);
    else if (!next.storyPlay && this.active) this.end();
    else if (
      this.active &&
      (next.lang !== previous.lang || next.storyStep !== previous.storyStep || next.story !== previous.story)
    )
      this.caption();
  }

  private begin(state: S): void {
    this.active = true;
    this.before ??= { state: { ...state, storyPlay: false }, camera: undefined };
    document.body.dataset.mode = 'play';
    window.addEventListener('keydown', this.onKey, true);
    document.addEventListener('fullscreenchange', this.onFullscreen);
    window.addEventListener('resize', this.onResize);
    (document.activeElement as HTMLElement | null)?.blur?.();
    this.band.root.focus({ preventScroll: true });
    const story = state.story;
    if (story === undefined) return;
    void this.library.load(state.dataset, story).then(
      () => this.go(state.storyStep ?? 1, 'replace'),
      (error: unknown) => {
        // Nothing to play: back to the explorer, which can show the message.
        this.exit();
        this.ctx.chrome.showNotice((error as Error).message);
      },
    );
  }

  private end(): void {
    this.active = false;
    this.target = undefined;
    delete document.body.dataset.mode;
    window.removeEventListener('keydown', this.onKey, true);
    document.removeEventListener('fullscreenchange', this.onFullscreen);
    window.removeEventListener('resize', this.onResize);
    if (this.fullscreen && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    this.fullscreen = false;
    this.before = undefined;
    this.presenter.close();
  }

  /** Leaves play mode: the view and the camera as they were before playing. */
  exit(): void {
    if (!this.active) return;
    const before = this.before;
    this.before = undefined;
    const state = before?.state ?? this.ctx.store.get();
    this.ctx.store.update({ ...state, storyPlay: false } as Partial<S>, 'push');
    if (before?.camera) void this.steps.restore(before.camera);
  }

  /** The story played, once loaded. */
  private story(): Story | undefined {
    const { dataset, story } = this.ctx.store.get();
    return story === undefined ? undefined : this.library.entry(dataset, story)?.story;
  }

  private move(move: Move): void {
    if (move === 'exit') return this.exit();
    const state = this.ctx.store.get();
    const story = this.story();
    if (!story) return;
    const count = story.steps.length;
    const from = this.target ?? state.storyStep ?? 1;
    const to = { next: from + 1, previous: from - 1, first: 1, last: count }[move];
    if (to < 1 || to > count || to === from) return;
    this.go(to, 'replace');
  }

  private go(n: number, history: 'push' | 'replace'): void {
    const story = this.story();
    if (!story) return;
    this.target = n;
    // The projector theme while playing where the theme feature has one, else the light theme.
    const theme = this.ctx.parseView('theme=projector').theme;
    void this.steps.show(story, n, { playing: true, history, theme });
    this.caption();
  }

  /** The step's title and caption in the view's language, the counter and the presenter's notes. */
  private caption(): void {
    const state = this.ctx.store.get();
    const story = this.story();
    const n = this.target ?? state.storyStep ?? 1;
    const step = story?.steps[n - 1];
    if (!story || !step) return;
    this.band.show({ ...stepText(step, state.lang), n, count: story.steps.length }, state.lang);
    this.presenter.show(story, n, state.lang);
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const move = playKey(event);
    if (!move) return;
    event.preventDefault();
    event.stopPropagation();
    this.move(move);
  };

  /** Leaving full screen (the browser's own Esc) leaves play mode too. */
  private readonly onFullscreen = (): void => {
    if (document.fullscreenElement || !this.fullscreen) return;
    this.fullscreen = false;
    this.exit();
  };

  private readonly onResize = (): void => this.caption();

  relabel(): void {
    this.band.relabel(this.ctx.store.get().lang);
  }

  dispose(): void {
    if (this.active) this.end();
    this.band.root.remove();
  }
}

function cameraOf(state: { x: number; y: number; ratio: number }): Camera {
  return { x: state.x, y: state.y, ratio: state.ratio };
}

// Stories: an ordered list of steps, each a saved view (the app's link) with a title and a
// caption in both languages and the speaker's notes, stored with their dataset on the server.
// Owns the `story`, `step`, `play` and `stories` link parameters, the stories panel (a column
// beside the graph, opened from the toolbar or with `s`), play mode and its presenter window,
// and the automation hooks that tests use to follow a story being played.
import { button } from '../../core/dom.ts';
import type { Feature, FeatureContext, FeatureHooks } from '../../core/feature.ts';
import { t } from '../../i18n.ts';
import { askSlideTitle } from '../export/slide-commands.ts';
import { StoryLibrary } from './library.ts';
import { stepText } from './model.ts';
import { StoriesPanel } from './panel.ts';
import { StoryPlayer } from './play.ts';
import { StepShow, type StoryViewState } from './show-step.ts';
import { storiesSlice } from './slice.ts';

export function storiesFeature<S extends StoryViewState>(): Feature<S> {
  // Each dataset's stories and their numbers of steps, once listed: the slice drops others.
  const known = new Map<string, Map<string, number>>();
  return {
    id: 'stories',
    slice: storiesSlice<S>((dataset) => known.get(dataset)),
    mount: (ctx) => mountStories(ctx, known),
  };
}

function mountStories<S extends StoryViewState>(
  ctx: FeatureContext<S>,
  known: Map<string, Map<string, number>>,
): FeatureHooks {
  const { store } = ctx;
  // A changed list or story: the link is checked again against what is now known.
  const library = new StoryLibrary(ctx.source, known, () => store.update({}, 'replace'));
  const steps = new StepShow(ctx);
  const player = new StoryPlayer(ctx, library, steps);
  const panel = new StoriesPanel(ctx, library, steps, (story, n) => player.start(story, n));
  const toggle = () =>
    store.update(
      (s) =>
        (StoriesPanel.open(s)
          ? { storiesOpen: false, story: undefined, storyStep: undefined }
          : { storiesOpen: true }) as Partial<S>,
      'push',
    );
  const open = button('stories-open');
  open.addEventListener('click', toggle);
  ctx.chrome.place('toolbar', open, 44);
  const relabel = () => {
    const state = store.get();
    open.textContent = t(state.lang, 'stories');
    open.setAttribute('aria-pressed', String(StoriesPanel.open(state)));
    player.relabel();
  };
  relabel();
  // A slide of a step carries the step's title (edits not yet saved included).
  ctx.commands.handle(askSlideTitle, (lang, answer) => {
    const { dataset, story, storyStep } = store.get();
    const step = story !== undefined ? library.entry(dataset, story)?.story.steps[(storyStep ?? 0) - 1] : undefined;
    if (step) answer(stepText(step, lang).title);
  });
  let loaded = false;
  const unsubscribe = store.subscribe((next, previous) => {
    if (next.lang !== previous.lang || next.storiesOpen !== previous.storiesOpen || next.story !== previous.story)
      relabel();
    if (!loaded) return;
    listWhenNamed(ctx, library);
    panel.sync();
    player.sync(next, previous);
  });
  return {
    loaded() {
      loaded = true;
      listWhenNamed(ctx, library);
      panel.sync(true);
      const state = store.get();
      player.sync(state, { ...state, storyPlay: false });
    },
    unloaded() {
      loaded = false;
    },
    keys: [{ key: 's', run: toggle }],
    automation: storiesAutomation(ctx, library, player, steps),
    dispose() {
      unsubscribe();
      steps.dispose();
      player.dispose();
      panel.dispose();
    },
  };
}

/** A link naming a story gets the dataset's list, so that an unknown story or step is dropped. */
function listWhenNamed<S extends StoryViewState>(ctx: FeatureContext<S>, library: StoryLibrary): void {
  const { story, dataset } = ctx.store.get();
  if (story !== undefined && !library.summaries(dataset))
    library.list(dataset).catch((error: unknown) => ctx.chrome.showNotice((error as Error).message));
}

function storiesAutomation<S extends StoryViewState>(
  ctx: FeatureContext<S>,
  library: StoryLibrary,
  player: StoryPlayer<S>,
  steps: StepShow<S>,
) {
  return {
    /** Whether play mode is on. */
    storyPlaying: () => player.playing(),
    /** The story and step shown (1-based) and the story's number of steps. */
    storyStep: () => {
      const { dataset, story, storyStep } = ctx.store.get();
      const entry = story !== undefined ? library.entry(dataset, story) : undefined;
      return story === undefined ? undefined : { story, step: storyStep, count: entry?.story.steps.length };
    },
    /** A move between steps (fade, camera) is under way. */
    storyMoving: () => steps.moving(),
    /** The ids of the dataset's stories, once listed. */
    storyIds: () => library.summaries(ctx.store.get().dataset)?.map((s) => s.id) ?? [],
  };
}

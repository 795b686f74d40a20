// The stories feature's slice of the view and the link: the story open (`story=<id>`), its step
// shown (`step=N`, 1-based), play mode (`play=1`) and the stories list open (`stories=1`). Each
// parameter is read on its own (parsing is total); validation drops a step or play mode without a
// story, and, once the dataset's stories are known (`known`), a story it does not have or a step
// beyond its last. Pure: no DOM, testable in Node.
import { STORY_ID, STORY_LIMITS } from '../../../../domain/story.ts';
import { readOne, writeOne, type Slice } from '../../core/codec.ts';
import type { CoreState } from '../../core/state.ts';

export interface StoriesState {
  /** The story open in the stories panel or played. */
  story: string | undefined;
  /** Its step shown, 1-based. */
  storyStep: number | undefined;
  /** Play mode: the story full screen, one step at a time. */
  storyPlay: boolean;
  /** The stories panel is open (also when no story is chosen yet). */
  storiesOpen: boolean;
}

/** Each story of a dataset with its number of steps, once listed (drafts included); else undefined. */
export type KnownStories = (dataset: string) => ReadonlyMap<string, number> | undefined;

/** The parameters the slice owns: a step's saved view never holds them. */
export const STORY_PARAMS = ['story', 'step', 'play', 'stories'] as const;

function readStep(value: string | null): number | undefined {
  if (value === null || !/^\d{1,3}$/.test(value)) return undefined;
  const step = Number(value);
  return step >= 1 && step <= STORY_LIMITS.steps ? step : undefined;
}

/** What of the stories part of a view holds: a step and play mode need a story the data has. */
export function validateStories(
  state: StoriesState,
  known: ReadonlyMap<string, number> | undefined,
): Pick<StoriesState, 'story' | 'storyStep' | 'storyPlay'> {
  const story = state.story !== undefined && (!known || known.has(state.story)) ? state.story : undefined;
  const count = story !== undefined ? known?.get(story) : undefined;
  const step =
    story !== undefined && state.storyStep !== undefined && (count === undefined || state.storyStep <= count)
      ? state.storyStep
      : undefined;
  // A story without steps cannot be played.
  return { story, storyStep: step, storyPlay: story !== undefined && state.storyPlay && count !== 0 };
}

export function storiesSlice<S extends CoreState & StoriesState>(known: KnownStories = () => undefined): Slice<S> {
  return {
    id: 'stories',
    keys: ['story', 'storyStep', 'storyPlay', 'storiesOpen'],
    params: [...STORY_PARAMS],
    defaults: () => ({ story: undefined, storyStep: undefined, storyPlay: false, storiesOpen: false }) as Partial<S>,
    parse: (params) =>
      ({
        story: readOne(params, 'story', (id) => STORY_ID.test(id)),
        storyStep: readStep(params.get('step')),
        storyPlay: params.get('play') === '1',
        storiesOpen: params.get('stories') === '1',
      }) as Partial<S>,
    write(state, out) {
      writeOne(out, 'story', state.story);
      if (state.storyStep !== undefined) out.set('step', String(state.storyStep));
      if (state.storyPlay) out.set('play', '1');
      if (state.storiesOpen) out.set('stories', '1');
    },
    validate: (state) => validateStories(state, known(state.dataset)) as Partial<S>,
  };
}

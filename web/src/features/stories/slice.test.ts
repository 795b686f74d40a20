// The stories slice: `story`, `step`, `play` and `stories` round-trip through the link, junk is
// dropped, and once the dataset's stories are listed an unknown story or a step beyond its last
// is dropped (with play mode).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeCodec, type ViewDomain } from '../../core/codec.ts';
import { coreSlice, type CoreState } from '../../core/state.ts';
import { languageSlice } from '../language/slice.ts';
import { storiesSlice, validateStories, type KnownStories, type StoriesState } from './slice.ts';

type S = CoreState & StoriesState;
const domain: ViewDomain = {
  hasNode: () => true,
  nodeType: () => undefined,
  nodeTypes: new Set(),
  relationTypes: new Set(),
  years: new Set(),
};
const codec = (known: KnownStories = () => undefined) =>
  composeCodec<S>([coreSlice<S>(() => new Set()), languageSlice<S>(), storiesSlice<S>(known)], {
    fallbackLang: 'en',
  });
const LAOSHAN: KnownStories = (dataset) =>
  dataset === 'laoshan'
    ? new Map([
        ['laoshan-arc', 8],
        ['empty', 0],
      ])
    : undefined;

describe('the stories slice', () => {
  it('round-trips story, step, play and the open list through the link', () => {
    const c = codec();
    fc.assert(
      fc.property(
        fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
        fc.boolean(),
        fc.boolean(),
        (story, storyStep, storyPlay, storiesOpen) => {
          const v = { ...c.defaults(), story, storyStep, storyPlay, storiesOpen };
          expect(c.parse(c.serialize(v))).toEqual(v);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes a short link: only what differs from the defaults', () => {
    const c = codec();
    expect(c.serialize({ ...c.defaults(), story: 'laoshan-arc', storyStep: 3, storyPlay: true })).toBe(
      'lang=en&story=laoshan-arc&step=3&play=1',
    );
    expect(c.serialize(c.defaults())).toBe('lang=en');
  });

  it('drops malformed values when reading a link', () => {
    expect(codec().parse('story=Not_An_Id&step=0&play=yes&stories=true')).toMatchObject({
      story: undefined,
      storyStep: undefined,
      storyPlay: false,
      storiesOpen: false,
    });
    expect(codec().parse('story=a&step=61')).toMatchObject({ story: 'a', storyStep: undefined });
    expect(codec().parse('story=a&step=2.5')).toMatchObject({ storyStep: undefined });
  });

  it('keeps the link as it is until the stories are listed, but a step needs a story', () => {
    const c = codec();
    const v = { ...c.defaults(), story: 'gone', storyStep: 9, storyPlay: true };
    expect(c.validate(v, domain)).toMatchObject({ story: 'gone', storyStep: 9, storyPlay: true });
    expect(c.validate({ ...v, story: undefined }, domain)).toMatchObject({ storyStep: undefined, storyPlay: false });
  });

  it('drops an unknown story, a step beyond the last, and play mode of a story without steps', () => {
    const c = codec(LAOSHAN);
    const base = { ...c.defaults(), storyPlay: true };
    expect(c.validate({ ...base, story: 'gone', storyStep: 2 }, domain)).toMatchObject({
      story: undefined,
      storyStep: undefined,
      storyPlay: false,
    });
    expect(c.validate({ ...base, story: 'laoshan-arc', storyStep: 9 }, domain)).toMatchObject({
      story: 'laoshan-arc',
      storyStep: undefined,
      storyPlay: true,
    });
    expect(c.validate({ ...base, story: 'laoshan-arc', storyStep: 8 }, domain)).toMatchObject({ storyStep: 8 });
    expect(c.validate({ ...base, story: 'empty' }, domain)).toMatchObject({ story: 'empty', storyPlay: false });
    // Another dataset's list says nothing about this one's stories.
    expect(c.validate({ ...base, dataset: 'other', story: 'gone' }, domain)).toMatchObject({ story: 'gone' });
  });

  it('validates without a list the same way the slice does', () => {
    const state = { story: undefined, storyStep: 3, storyPlay: true, storiesOpen: true };
    expect(validateStories(state, undefined)).toEqual({ story: undefined, storyStep: undefined, storyPlay: false });
  });
});

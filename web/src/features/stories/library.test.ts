// The stories the app holds: listed once per dataset, a story loaded once, unsaved stories listed
// beside the server's, and the slice's `known` map (story → number of steps) kept in step, so
// that links are checked against what the panel shows.
import { describe, expect, it, vi } from 'vitest';
import type { Story } from '../../../../domain/story.ts';
import { storySummary } from '../../../../domain/story.ts';
import type { GraphDataSource } from '../../data/source.ts';
import { StoryLibrary } from './library.ts';

const step = (id: string) => ({ id, view: '', title_zh: id, title_en: id, caption_zh: '', caption_en: '' });
const tour: Story = {
  id: 'tour',
  dataset: 'laoshan',
  title_zh: '导览',
  title_en: 'Tour',
  steps: [step('a'), step('b')],
};

function library(stories: () => Promise<Story[]>) {
  const source = {
    stories: vi.fn(async (dataset: string) => (await stories()).filter((s) => s.dataset === dataset).map(storySummary)),
    story: vi.fn(async (_dataset: string, id: string) => {
      const found = (await stories()).find((s) => s.id === id);
      if (!found) throw new Error('not found');
      return structuredClone(found);
    }),
  };
  const known = new Map<string, Map<string, number>>();
  const changed = vi.fn();
  return { lib: new StoryLibrary(source as unknown as GraphDataSource, known, changed), source, known, changed };
}

describe('the story library', () => {
  it('lists a dataset once and tells the slice each story’s number of steps', async () => {
    const { lib, source, known, changed } = library(async () => [tour]);
    await Promise.all([lib.list('laoshan'), lib.list('laoshan')]);
    await lib.list('laoshan');
    expect(source.stories).toHaveBeenCalledTimes(1);
    expect(known.get('laoshan')).toEqual(new Map([['tour', 2]]));
    expect(changed).toHaveBeenCalled();
    expect(lib.summaries('other')).toBeUndefined();
  });

  it('lists an unsaved story beside the server’s and follows its edits', async () => {
    const { lib, known } = library(async () => [tour]);
    await lib.list('laoshan');
    const draft = lib.put({ story: { ...tour, id: 'draft', steps: [] }, dirty: true, saved: false });
    expect(lib.summaries('laoshan')?.map((s) => s.id)).toEqual(['tour', 'draft']);
    expect(known.get('laoshan')?.get('draft')).toBe(0);
    draft.story.steps.push(step('c'));
    lib.edited(draft);
    expect(known.get('laoshan')?.get('draft')).toBe(1);
    lib.remove('laoshan', 'draft');
    expect(lib.has('laoshan', 'draft')).toBe(false);
    expect(known.get('laoshan')?.has('draft')).toBe(false);
  });

  it('loads a story once and keeps its edits', async () => {
    const { lib, source } = library(async () => [tour]);
    const entry = await lib.load('laoshan', 'tour');
    entry.story.title_en = 'Edited';
    expect((await lib.load('laoshan', 'tour')).story.title_en).toBe('Edited');
    expect(source.story).toHaveBeenCalledTimes(1);
  });

  it('does not ask again at once for a list that failed', async () => {
    let fail = true;
    const { lib, source } = library(async () => {
      if (fail) throw new Error('503');
      return [tour];
    });
    await expect(lib.list('laoshan')).rejects.toThrow('503');
    await expect(lib.list('laoshan')).rejects.toThrow('503');
    expect(source.stories).toHaveBeenCalledTimes(1);
    fail = false;
    vi.useFakeTimers({ now: Date.now() + 6_000 });
    try {
      await lib.list('laoshan');
    } finally {
      vi.useRealTimers();
    }
    expect(lib.summaries('laoshan')).toHaveLength(1);
  });
});

// What the stories panel does to a story: steps from the current link, moved, the export file
// read back (and a wrong one refused with the field named), free ids, the view a step shows, and
// the keys of a presentation clicker.
import { describe, expect, it } from 'vitest';
import type { Story } from '../../../../domain/story.ts';
import {
  copyStory,
  freeStoryId,
  moveStep,
  newStep,
  readStoryFile,
  stepPatch,
  stepText,
  stepView,
  storyFile,
} from './model.ts';
import { playKey } from './play.ts';
import { framingCamera } from './transitions.ts';

const story: Story = {
  id: 'tour',
  dataset: 'laoshan',
  title_zh: '导览',
  title_en: 'Tour',
  builtin: true,
  updated_at: '2024-05-01T00:00:00Z',
  steps: [
    { id: 'step-1', view: 'node=firm%2Fhaier', title_zh: '海尔', title_en: 'Haier', caption_zh: '一', caption_en: '' },
    { id: 'step-2', view: 'hide=Lab', title_zh: '', title_en: 'No labs', caption_zh: '', caption_en: 'two' },
    { id: 'step-3', view: '', title_zh: '三', title_en: 'Three', caption_zh: '', caption_en: '', notes: 'say it' },
  ],
};

describe('a step from the current view', () => {
  it('keeps the view and leaves out the stories’ own parameters, the dataset and the language', () => {
    expect(
      stepView(
        'dataset=laoshan&lang=en&node=firm%2Fhaier&panel=paths&from=a&to=b&cam=0.5,0.5,1&story=x&step=2&play=1&stories=1',
      ),
    ).toBe('node=firm%2Fhaier&panel=paths&from=a&to=b&cam=0.5%2C0.5%2C1');
  });

  it('gets an id its story does not use yet, its titles and empty captions', () => {
    const titles = { title_zh: '海尔', title_en: 'Haier' };
    expect(newStep(story.steps, 'a=1', titles)).toEqual({
      id: 'step-4',
      view: 'a=1',
      title_zh: '海尔',
      title_en: 'Haier',
      caption_zh: '',
      caption_en: '',
    });
    expect(newStep([{ ...story.steps[0]!, id: 'step-2' }], '', titles).id).toBe('step-3');
  });
});

describe('moving steps', () => {
  const ids = (steps: Story['steps']) => steps.map((s) => s.id);

  it('moves a step up or down and keeps it within the list', () => {
    expect(ids(moveStep(story.steps, 2, -1))).toEqual(['step-1', 'step-3', 'step-2']);
    expect(ids(moveStep(story.steps, 0, 1))).toEqual(['step-2', 'step-1', 'step-3']);
    expect(ids(moveStep(story.steps, 0, -1))).toEqual(['step-1', 'step-2', 'step-3']);
    expect(ids(moveStep(story.steps, 2, 1))).toEqual(['step-1', 'step-2', 'step-3']);
  });
});

describe('the story file', () => {
  const plain: Story = {
    ...story,
    builtin: false,
    updated_at: undefined,
    steps: story.steps.map((step) => ({ ...step, title_zh: step.title_zh || 'x', title_en: step.title_en || 'x' })),
  };
  delete plain.updated_at;

  it('is read back as the story it was written from, into the dataset shown', () => {
    expect(readStoryFile(JSON.stringify(storyFile(plain)), 'laoshan')).toEqual({ ok: true, story: plain });
    const other = readStoryFile(JSON.stringify(storyFile(plain)), 'other');
    expect(other.ok && other.story.dataset).toBe('other');
  });

  it('refuses a wrong file by the server’s rules, naming the field', () => {
    expect(readStoryFile('{', 'laoshan')).toEqual({ ok: false, problem: 'not JSON' });
    expect(readStoryFile('{"format":"other","version":1,"story":{}}', 'laoshan')).toMatchObject({ ok: false });
    const bad = structuredClone(storyFile(plain));
    (bad.story.steps[1] as unknown as Record<string, unknown>).caption_en = 7;
    expect(readStoryFile(JSON.stringify(bad), 'laoshan')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('story.steps.1.caption_en'),
    });
    const extra = { ...storyFile(plain), story: { ...plain, extra: '<script>' } };
    expect(readStoryFile(JSON.stringify(extra), 'laoshan')).toMatchObject({
      problem: expect.stringContaining('story.extra'),
    });
  });
});

describe('ids and copies', () => {
  it('finds a free id', () => {
    expect(freeStoryId('tour', new Set())).toBe('tour');
    expect(freeStoryId('tour', new Set(['tour', 'tour-2']))).toBe('tour-3');
    expect(freeStoryId('a'.repeat(64), new Set(['a'.repeat(64)]))).toBe(`${'a'.repeat(62)}-2`);
  });

  it('copies a built-in story as an ordinary one under the new id', () => {
    const copy = copyStory(story, 'tour-copy');
    expect(copy).toMatchObject({ id: 'tour-copy', title_en: 'Tour' });
    expect(copy.builtin).toBeUndefined();
    expect(copy.steps).not.toBe(story.steps);
  });
});

describe('the view a step shows', () => {
  type View = { dataset: string; lang: string; theme: string; limit: number | undefined; selected: string };
  const current: View = { dataset: 'laoshan', lang: 'en', theme: 'dark', limit: 500, selected: 'x' };
  const parsed: View = { dataset: 'laoshan', lang: 'zh', theme: 'light', limit: undefined, selected: 'firm/haier' };

  it('takes the step’s keys, but the presenter’s language and the playing theme where it names none', () => {
    expect(stepPatch(parsed, 'node=firm%2Fhaier', current, 'projector')).toEqual({
      dataset: 'laoshan',
      lang: 'en',
      theme: 'projector',
      limit: 500,
      selected: 'firm/haier',
    });
  });

  it('gives a step that names its language and theme both', () => {
    expect(stepPatch(parsed, 'lang=zh&theme=light', current, 'projector')).toMatchObject({
      lang: 'zh',
      theme: 'light',
    });
  });

  it('shows a caption in the language asked for, else in the other one', () => {
    expect(stepText(story.steps[0]!, 'en')).toEqual({ title: 'Haier', caption: '一' });
    expect(stepText(story.steps[1]!, 'zh')).toEqual({ title: 'No labs', caption: 'two' });
  });
});

describe('play mode', () => {
  it('reads the keys of a keyboard and of a presentation clicker', () => {
    const key = (k: string, shiftKey = false) => playKey({ key: k, shiftKey });
    expect(['ArrowRight', 'ArrowDown', 'PageDown', ' '].map((k) => key(k))).toEqual(Array(4).fill('next'));
    expect(['ArrowLeft', 'ArrowUp', 'PageUp'].map((k) => key(k))).toEqual(Array(3).fill('previous'));
    expect(key(' ', true)).toBe('previous');
    expect([key('Home'), key('End'), key('Escape'), key('a')]).toEqual(['first', 'last', 'exit', undefined]);
  });

  it('frames a group of nodes so that they fill most of the screen, a single node closer', () => {
    const screen = { width: 1000, height: 500 };
    const camera = framingCamera({ width: 180, height: 90 }, { x: 0.3, y: 0.6 }, screen);
    expect(camera.x).toBe(0.3);
    expect(camera.y).toBe(0.6);
    expect(camera.ratio).toBeCloseTo(0.25, 5);
    expect(framingCamera({ width: 0, height: 0 }, { x: 0.5, y: 0.5 }, screen).ratio).toBe(0.12);
    expect(framingCamera({ width: 5000, height: 10 }, { x: 0.5, y: 0.5 }, screen).ratio).toBe(1);
  });
});

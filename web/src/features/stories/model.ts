// What the stories panel does to a story, without the DOM: a step made from the current view,
// steps moved and removed, a free id for a copy, the JSON file a story is exported to and read
// back from, and the view a step shows. Pure: testable in Node.
import { parseStoryBody, storyFrom } from '../../../../domain/story-schema.ts';
import { STORY_LIMITS, type Story, type StoryFile, type StoryStep } from '../../../../domain/story.ts';
import { STORY_PARAMS } from './slice.ts';

/**
 * Parameters a step's view leaves out: the stories' own, the dataset (a story belongs to one) and
 * the language (the captions are in both; the audience's language is the presenter's choice, and
 * a step that names one, written by hand, still gets it).
 */
const NOT_IN_A_STEP: readonly string[] = [...STORY_PARAMS, 'dataset', 'lang'];

/** The current link's query string as a step's view. */
export function stepView(query: string): string {
  const params = new URLSearchParams(query);
  for (const name of NOT_IN_A_STEP) params.delete(name);
  return params.toString().slice(0, STORY_LIMITS.view);
}

/** A new step showing `view`, with an id its story does not use yet, its titles and empty captions. */
export function newStep(
  steps: readonly StoryStep[],
  view: string,
  titles: { title_zh: string; title_en: string },
): StoryStep {
  const used = new Set(steps.map((s) => s.id));
  let n = steps.length + 1;
  while (used.has(`step-${n}`)) n++;
  return { id: `step-${n}`, view, ...titles, caption_zh: '', caption_en: '' };
}

/** The steps with the one at `index` moved by `delta` places (kept within the list). */
export function moveStep(steps: readonly StoryStep[], index: number, delta: number): StoryStep[] {
  const to = Math.max(0, Math.min(steps.length - 1, index + delta));
  const out = [...steps];
  const [moved] = out.splice(index, 1);
  if (moved) out.splice(to, 0, moved);
  return out;
}

/** `wanted` if no story has it, else `wanted-2`, `wanted-3`, … (within the id's length). */
export function freeStoryId(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${wanted.slice(0, STORY_LIMITS.id - suffix.length)}${suffix}`;
    if (!taken.has(id)) return id;
  }
}

/** A copy of a story under another id, no longer built in (what "copy" saves). */
export function copyStory(story: Story, id: string): Story {
  const { builtin: _builtin, updated_at: _updated, ...rest } = structuredClone(story);
  return { ...rest, id };
}

export function storyFile(story: Story): StoryFile {
  const { updated_at: _updated, builtin: _builtin, ...rest } = story;
  return { format: 'laoshan-explorer-story', version: 1, story: rest };
}

export type ReadStory = { ok: true; story: Story } | { ok: false; problem: string };

/**
 * A story file read back (or a bare story), checked by the rules the server applies
 * (domain/story-schema.ts), so that a wrong file is refused, its fields named, before anything
 * is sent. Its id and dataset are the ones it is saved under (`dataset`; `id` when it has none).
 */
export function readStoryFile(text: string, dataset: string): ReadStory {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  const parsed = parseStoryBody(json);
  if (!parsed.ok) return { ok: false, problem: parsed.problems.map((p) => `${p.field} ${p.message}`).join('; ') };
  const id = parsed.story.id ?? 'imported';
  return { ok: true, story: storyFrom(parsed.story, { id, dataset, builtin: false }) };
}

/** A step's title and caption in a language, falling back on the other one where it is empty. */
export function stepText(step: StoryStep, lang: 'zh' | 'en'): { title: string; caption: string } {
  const other = lang === 'zh' ? 'en' : 'zh';
  return {
    title: step[`title_${lang}`] || step[`title_${other}`],
    caption: step[`caption_${lang}`] || step[`caption_${other}`],
  };
}

export function storyTitle(story: Pick<Story, 'title_zh' | 'title_en' | 'id'>, lang: 'zh' | 'en'): string {
  return (lang === 'zh' ? story.title_zh || story.title_en : story.title_en || story.title_zh) || story.id;
}

/**
 * The view a step shows, as a patch of the whole view: every key the step's link gives (absent
 * ones at their defaults, as a link would), but the language and the theme where the step names
 * none — then the presenter's language, and in play mode the theme chosen for playing.
 */
export function stepPatch<S extends object>(parsed: S, view: string, current: S, theme: unknown): Partial<S> {
  const params = new URLSearchParams(view);
  const now = current as Record<string, unknown>;
  const patch: Record<string, unknown> = { ...(parsed as Record<string, unknown>) };
  if (!params.has('lang')) patch.lang = now.lang;
  if (!params.has('theme')) patch.theme = theme;
  // The core's own keys that a step does not set: its dataset (the story's) and overview size.
  patch.dataset = now.dataset;
  if (!params.has('limit')) patch.limit = now.limit;
  return patch as Partial<S>;
}

// The rules a story must follow (domain/story.ts), as zod schemas written once: the server
// checks every story it is sent with them, the seed reader checks the built-in stories, and the
// web app can check a file before it sends it. Every refusal names its field path
// (`steps.2.title_en`). Pure: no I/O.
import { z } from 'zod';
import { datasetNameSchema, nodeIdSchema } from './ids.ts';
import { STORY_ID, STORY_LIMITS, type Story, type StoryFile } from './story.ts';

export const STORY_FILE_FORMAT = 'laoshan-explorer-story';
export const STORY_FILE_VERSION = 1;

/** Parameters a step's view may not hold: playing a step must not start another story. */
export const STEP_VIEW_FORBIDDEN_PARAMS = ['story', 'step', 'play'] as const;

/** "is required" for a missing field, "must be …" for a value of the wrong kind. */
const expected = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${what}`),
});

const longerThan = (max: number) => `is longer than ${max} characters`;

const title = z
  .string(expected('a text'))
  .trim()
  .min(1, 'must not be empty')
  .max(STORY_LIMITS.title, longerThan(STORY_LIMITS.title));

/** Captions and descriptions may be empty (a step can show the map alone). */
const caption = z.string(expected('a text')).trim().max(STORY_LIMITS.caption, longerThan(STORY_LIMITS.caption));

const notes = z.string(expected('a text')).trim().max(STORY_LIMITS.notes, longerThan(STORY_LIMITS.notes));

export const storyIdSchema = z
  .string(expected('a text'))
  .trim()
  // One problem for an overlong id, not two (the pattern bounds the length too).
  .max(STORY_LIMITS.id, { message: longerThan(STORY_LIMITS.id), abort: true })
  .regex(STORY_ID, 'is not a story id (lower-case letters, digits and hyphens, starting with a letter or digit)');

const decodeQueryPart = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));

/**
 * Why a step's view is not a query string the app can play, or undefined when it is: no
 * whitespace, control character or `#`, valid percent-encoding, named parameters, and none of
 * `story`, `step`, `play`.
 */
export function stepViewProblem(view: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f#]/.test(view)) {
    return 'is not a query string (spaces, line breaks and # must be percent-encoded)';
  }
  for (const part of view.split('&')) {
    if (part === '') continue;
    const [rawKey = '', ...rest] = part.split('=');
    let key: string;
    try {
      key = decodeQueryPart(rawKey);
      decodeQueryPart(rest.join('='));
    } catch {
      return `is not a query string ("${part.slice(0, 40)}" has a broken %-escape)`;
    }
    if (key === '') return `is not a query string ("${part.slice(0, 40)}" has no parameter name)`;
    if ((STEP_VIEW_FORBIDDEN_PARAMS as readonly string[]).includes(key)) {
      return `may not hold the parameter "${key}" (a step cannot start another story)`;
    }
  }
  return undefined;
}

/** The app's query string; a leading `?` (as copied from an address bar) is dropped. */
const view = z
  .string(expected('a query string'))
  .trim()
  .max(STORY_LIMITS.view, longerThan(STORY_LIMITS.view))
  .transform((value) => (value.startsWith('?') ? value.slice(1) : value))
  .superRefine((value, ctx) => {
    const problem = stepViewProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const storyEvidenceSchema = z.strictObject(
  {
    source: nodeIdSchema,
    quote: z
      .string(expected('a text'))
      .trim()
      .min(1, 'must not be empty')
      .max(STORY_LIMITS.caption, longerThan(STORY_LIMITS.caption)),
  },
  expected('{source, quote}'),
);

export const storyStepSchema = z.strictObject(
  {
    id: storyIdSchema,
    view,
    title_zh: title,
    title_en: title,
    caption_zh: caption,
    caption_en: caption,
    notes: notes.optional(),
    evidence: z
      .array(storyEvidenceSchema, expected('a list of {source, quote}'))
      .max(STORY_LIMITS.evidence, `holds more than ${STORY_LIMITS.evidence} quotes`)
      .optional(),
  },
  expected('a step {id, view, title_zh, title_en, caption_zh, caption_en, …}'),
);

const steps = z
  .array(storyStepSchema, expected('a list of steps'))
  .min(1, 'must hold at least one step')
  .max(STORY_LIMITS.steps, `holds more than ${STORY_LIMITS.steps} steps`)
  .superRefine((list, ctx) => {
    const first = new Map<string, number>();
    list.forEach((step, index) => {
      const earlier = first.get(step.id);
      if (earlier === undefined) first.set(step.id, index);
      else ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `repeats the id of step ${earlier}` });
    });
  });

const storyFields = {
  id: storyIdSchema,
  dataset: datasetNameSchema,
  title_zh: title,
  title_en: title,
  description_zh: caption.optional(),
  description_en: caption.optional(),
  /** Accepted (a downloaded file carries it) but never trusted: only the seed writes built-in stories. */
  builtin: z.boolean(expected('true or false')).optional(),
  steps,
  /** Accepted and ignored: the server sets it. */
  updated_at: z.string(expected('a text')).max(40, longerThan(40)).optional(),
};

/** A story as the API is sent it: its id and dataset come from the URL, so both may be left out. */
export const storyBodySchema = z.strictObject(
  { ...storyFields, id: storyIdSchema.optional(), dataset: datasetNameSchema.optional() },
  expected('a story {title_zh, title_en, steps, …}'),
);
export type StoryBody = z.output<typeof storyBodySchema>;

export const storyFileSchema = z.strictObject({
  format: z.literal(STORY_FILE_FORMAT, { error: `must be "${STORY_FILE_FORMAT}"` }),
  version: z.literal(STORY_FILE_VERSION, { error: `must be ${STORY_FILE_VERSION} (a newer file?)` }),
  story: storyBodySchema,
});

/** A built-in story in the seed (seed/<dataset>/stories/<id>.yaml): its dataset is the folder's. */
export const seedStorySchema = z.strictObject({
  id: storyIdSchema,
  title_zh: title,
  title_en: title,
  description_zh: caption.optional(),
  description_en: caption.optional(),
  steps,
});

export interface StoryProblem {
  /** The field's path in what was sent (`steps.2.title_en`; `story.…` inside a story file). */
  field: string;
  message: string;
}

/** zod's issues as field paths; an unknown field is named by its own path. */
export function storyProblems(error: z.ZodError): StoryProblem[] {
  return error.issues.flatMap((issue): StoryProblem[] => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...at, key].join('.'), message: 'is not a field of a story' }));
    }
    return [{ field: at.join('.') || 'body', message: issue.message }];
  });
}

export type StoryBodyResult =
  | { ok: true; story: StoryBody; /** Where the story sits in what was sent: '' or 'story.'. */ prefix: string }
  | { ok: false; problems: StoryProblem[] };

/** A story, or a story file (`{format, version, story}`: told apart by its `format`). */
export function parseStoryBody(body: unknown): StoryBodyResult {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, problems: [{ field: 'body', message: 'must be a story or a story file (a JSON object)' }] };
  }
  if ('format' in body) {
    const file = storyFileSchema.safeParse(body);
    return file.success
      ? { ok: true, story: file.data.story, prefix: 'story.' }
      : { ok: false, problems: storyProblems(file.error) };
  }
  const story = storyBodySchema.safeParse(body);
  return story.success
    ? { ok: true, story: story.data, prefix: '' }
    : { ok: false, problems: storyProblems(story.error) };
}

/** The file a story is downloaded as and imported from. */
export function storyFileOf(story: Story): StoryFile {
  return { format: STORY_FILE_FORMAT, version: STORY_FILE_VERSION, story };
}

export type SeedStory = z.output<typeof seedStorySchema>;

/**
 * The story as stored and served: the fields in one order, the id and dataset it is stored
 * under, whether it is built in, and (once written) when.
 */
export function storyFrom(
  input: StoryBody | SeedStory,
  fixed: { id: string; dataset: string; builtin: boolean; updated_at?: string },
): Story {
  return {
    id: fixed.id,
    dataset: fixed.dataset,
    title_zh: input.title_zh,
    title_en: input.title_en,
    ...(input.description_zh === undefined ? {} : { description_zh: input.description_zh }),
    ...(input.description_en === undefined ? {} : { description_en: input.description_en }),
    builtin: fixed.builtin,
    steps: input.steps.map((step) => ({
      id: step.id,
      view: step.view,
      title_zh: step.title_zh,
      title_en: step.title_en,
      caption_zh: step.caption_zh,
      caption_en: step.caption_en,
      ...(step.notes === undefined ? {} : { notes: step.notes }),
      ...(step.evidence === undefined
        ? {}
        : { evidence: step.evidence.map((e) => ({ source: e.source, quote: e.quote })) }),
    })),
    ...(fixed.updated_at === undefined ? {} : { updated_at: fixed.updated_at }),
  };
}

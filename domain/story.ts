// Stories: an ordered list of steps, each a saved view of the explorer with a title and a caption
// in both languages and the speaker's notes. One declaration, shared by the server (which stores
// and validates them), the web app (which plays them) and the offline bundle (which carries
// them). Pure: no I/O.

/** How long each text may be: enough for a slide, short enough to read from the back of a room. */
export const STORY_LIMITS = {
  id: 64,
  title: 120,
  caption: 600,
  notes: 4_000,
  /** A step's view: the app's query string (dataset, filters, selection, camera, …). */
  view: 4_000,
  steps: 60,
  evidence: 5,
} as const;

/** Story and step ids: lower-case letters, digits and hyphens, starting with a letter or digit. */
export const STORY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A sentence of a source that a caption rests on (the curated dataset's evidence, same shape). */
export interface StoryEvidence {
  source: string;
  quote: string;
}

export interface StoryStep {
  /** Unique within its story. */
  id: string;
  /**
   * The view as the app's query string without the leading `?` (for example
   * `sel=firm%2Fhaier&cam=0.5,0.5,1`): what a shared link holds. Played through the app's URL
   * codec, so it is validated against the data like any link; `dataset` in it is ignored (a
   * story belongs to one dataset).
   */
  view: string;
  title_zh: string;
  title_en: string;
  caption_zh: string;
  caption_en: string;
  /** Speaker notes (any language), shown in the presenter view only. */
  notes?: string;
  /** The source sentences the caption states (the built-in story gives them for every step). */
  evidence?: StoryEvidence[];
}

export interface Story {
  id: string;
  /** The dataset's name (stories outlive its versions; a step's missing nodes are dropped when played). */
  dataset: string;
  title_zh: string;
  title_en: string;
  description_zh?: string;
  description_en?: string;
  /** Written by the seed with the curated dataset; the API refuses to change it (copy it instead). */
  builtin?: boolean;
  steps: StoryStep[];
  /** ISO time of the last write (set by the server). */
  updated_at?: string;
}

/** What the list of a dataset's stories shows. */
export interface StorySummary {
  id: string;
  dataset: string;
  title_zh: string;
  title_en: string;
  steps: number;
  builtin: boolean;
  updated_at: string | null;
}

/** `GET /api/stories?dataset=`. */
export interface StoriesPayload {
  dataset: string;
  stories: StorySummary[];
}

/** The JSON file a story is exported to and imported from (`format` lets a reader refuse others). */
export interface StoryFile {
  format: 'laoshan-explorer-story';
  version: 1;
  story: Story;
}

export function storySummary(story: Story): StorySummary {
  return {
    id: story.id,
    dataset: story.dataset,
    title_zh: story.title_zh,
    title_en: story.title_en,
    steps: story.steps.length,
    builtin: story.builtin === true,
    updated_at: story.updated_at ?? null,
  };
}

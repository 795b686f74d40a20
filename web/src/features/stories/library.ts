// The stories the app holds: each dataset's list (as the server gave it, plus stories made here
// and not saved yet) and the stories opened, with their unsaved edits. It keeps the slice's
// `known` map in step (story id → number of steps), so that a link naming a story or step that
// does not exist is cleaned once the list has loaded.
import type { Story, StorySummary } from '../../../../domain/story.ts';
import { storySummary } from '../../../../domain/story.ts';
import type { GraphDataSource } from '../../data/source.ts';

export interface StoryEntry {
  story: Story;
  /** Edited since it was loaded or saved. */
  dirty: boolean;
  /** Stored on the server (a new story is not until saved). */
  saved: boolean;
}

const key = (dataset: string, id: string) => `${dataset}\u0000${id}`;
/** A list that could not be read is asked for again after this long. */
const RETRY_LIST_MS = 5_000;

export class StoryLibrary {
  private readonly lists = new Map<string, StorySummary[]>();
  private readonly listing = new Map<string, Promise<void>>();
  private readonly entries = new Map<string, StoryEntry>();
  private readonly loading = new Map<string, Promise<StoryEntry>>();
  private readonly failures = new Map<string, { at: number; error: unknown }>();

  constructor(
    private readonly source: GraphDataSource,
    private readonly known: Map<string, Map<string, number>>,
    /** The list or a story changed (the view is validated again, the panel redrawn). */
    private readonly changed: () => void,
  ) {}

  /** The dataset's stories: the server's list with this session's unsaved ones; undefined until listed. */
  summaries(dataset: string): StorySummary[] | undefined {
    const listed = this.lists.get(dataset);
    if (!listed) return undefined;
    const out = new Map(listed.map((s) => [s.id, s]));
    for (const entry of this.entries.values())
      if (entry.story.dataset === dataset) out.set(entry.story.id, storySummary(entry.story));
    return [...out.values()];
  }

  /**
   * Lists the dataset's stories once. A failure is thrown to the caller, and the same failure to
   * those who ask within a few seconds (every change of the view asks while a link names a story).
   */
  list(dataset: string): Promise<void> {
    if (this.lists.has(dataset)) return Promise.resolve();
    const failed = this.failures.get(dataset);
    if (failed && Date.now() - failed.at < RETRY_LIST_MS) return Promise.reject(failed.error);
    let pending = this.listing.get(dataset);
    if (!pending) {
      pending = this.source
        .stories(dataset)
        .then(
          (stories) => {
            this.lists.set(dataset, stories);
            this.update(dataset);
          },
          (error: unknown) => {
            this.failures.set(dataset, { at: Date.now(), error });
            throw error;
          },
        )
        .finally(() => this.listing.delete(dataset));
      this.listing.set(dataset, pending);
    }
    return pending;
  }

  entry(dataset: string, id: string): StoryEntry | undefined {
    return this.entries.get(key(dataset, id));
  }

  /** A story with its edits, loaded from the server the first time. */
  load(dataset: string, id: string): Promise<StoryEntry> {
    const held = this.entry(dataset, id);
    if (held) return Promise.resolve(held);
    let pending = this.loading.get(key(dataset, id));
    if (!pending) {
      pending = this.source
        .story(dataset, id)
        .then((story) => this.put({ story, dirty: false, saved: true }))
        .finally(() => this.loading.delete(key(dataset, id)));
      this.loading.set(key(dataset, id), pending);
    }
    return pending;
  }

  /** Holds a story (new, edited or just saved). */
  put(entry: StoryEntry): StoryEntry {
    this.entries.set(key(entry.story.dataset, entry.story.id), entry);
    if (entry.saved) {
      const listed = this.lists.get(entry.story.dataset);
      if (listed) {
        const summary = storySummary(entry.story);
        const at = listed.findIndex((s) => s.id === summary.id);
        if (at >= 0) listed[at] = summary;
        else listed.push(summary);
      }
    }
    this.update(entry.story.dataset);
    return entry;
  }

  /** A story's edit: the known number of steps follows. */
  edited(entry: StoryEntry): void {
    entry.dirty = true;
    this.update(entry.story.dataset);
  }

  remove(dataset: string, id: string): void {
    this.entries.delete(key(dataset, id));
    const listed = this.lists.get(dataset);
    if (listed)
      this.lists.set(
        dataset,
        listed.filter((s) => s.id !== id),
      );
    this.update(dataset);
  }

  /** Whether the dataset has a story with this id (listed or made here). */
  has(dataset: string, id: string): boolean {
    return this.entries.has(key(dataset, id)) || (this.lists.get(dataset)?.some((s) => s.id === id) ?? false);
  }

  private update(dataset: string): void {
    const summaries = this.summaries(dataset);
    if (summaries) this.known.set(dataset, new Map(summaries.map((s) => [s.id, s.steps])));
    this.changed();
  }
}

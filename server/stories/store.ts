// Stories in Neo4j: one (:Story {dataset, id, title_zh, title_en, builtin, steps, updated_at,
// json}) node each, `json` the whole Story (domain/story.ts). They belong to a dataset's name,
// so they outlive its versions, and go when the dataset is removed (cypher/dataset-remove.cypher).
import type { Story, StorySummary } from '../../domain/story.ts';
import type { Database, Row, Tx } from '../db/database.ts';
import { ApiError, notFound } from '../errors.ts';

/** Built-in stories come from the seed: the API neither changes nor deletes them. */
function builtinConflict(id: string): ApiError {
  return new ApiError(
    409,
    'builtin',
    `story "${id}" is built in and cannot be changed or deleted; save a copy under another id`,
    { field: 'id' },
  );
}

function storyParams(story: Story): Row {
  return {
    dataset: story.dataset,
    id: story.id,
    title_zh: story.title_zh,
    title_en: story.title_en,
    builtin: story.builtin === true,
    steps: story.steps.length,
    updated_at: story.updated_at ?? null,
    json: JSON.stringify(story),
  };
}

/** Only the server writes `json` (always a Story it validated), so it is read back as one. */
function storedStory(row: Row): Story {
  return JSON.parse(String(row.json)) as Story;
}

export async function listStories(db: Database, dataset: string): Promise<StorySummary[]> {
  const rows = await db.read('story-list', { dataset });
  return rows.map((row) => ({
    id: String(row.id),
    dataset,
    title_zh: String(row.title_zh),
    title_en: String(row.title_en),
    steps: Number(row.steps),
    builtin: row.builtin === true,
    updated_at: typeof row.updated_at === 'string' ? row.updated_at : null,
  }));
}

export async function getStory(db: Database, dataset: string, id: string): Promise<Story | undefined> {
  const [row] = await db.read('story-get', { dataset, id });
  return row ? storedStory(row) : undefined;
}

/** Every story of a dataset, built-in first (for exports and the offline bundle). */
export async function readStories(db: Database, dataset: string): Promise<Story[]> {
  const stories: Story[] = [];
  for (const summary of await listStories(db, dataset)) {
    const story = await getStory(db, dataset, summary.id);
    if (story) stories.push(story);
  }
  return stories;
}

/**
 * Creates or replaces a user's story in one write transaction: 409 when a built-in story holds
 * the id, 404 when the dataset is gone. Nothing is written unless the whole story is.
 */
export async function putStory(db: Database, story: Story): Promise<Story> {
  return db.writeTx(async (tx) => {
    const [existing] = await db.runIn(tx, 'story-get', { dataset: story.dataset, id: story.id });
    if (existing?.builtin === true) throw builtinConflict(story.id);
    const [written] = await db.runIn(tx, 'story-put', storyParams(story));
    if (!written) throw notFound(`dataset "${story.dataset}"`, { field: 'dataset' });
    return storedStory(written);
  });
}

export async function deleteStory(db: Database, dataset: string, id: string): Promise<void> {
  await db.writeTx(async (tx) => {
    const [existing] = await db.runIn(tx, 'story-get', { dataset, id });
    if (!existing) throw notFound(`story "${id}" of dataset "${dataset}"`, { field: 'id' });
    if (existing.builtin === true) throw builtinConflict(id);
    await db.runIn(tx, 'story-delete', { dataset, id });
  });
}

/** JSON with sorted keys and without `updated_at`: equal for equal content. */
function contentOf(story: Story): string {
  return JSON.stringify({ ...story, updated_at: undefined }, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/**
 * Makes a dataset's built-in stories those of its seed, inside the caller's write transaction:
 * each is written only when missing or different (so a rerun changes nothing, `updated_at`
 * included), and built-in stories the seed no longer holds are removed. A user's story under a
 * built-in id is replaced by the built-in one. Returns how many stories were written or removed.
 */
export async function syncBuiltinStories(db: Database, tx: Tx, dataset: string, stories: Story[]): Promise<number> {
  const now = new Date().toISOString();
  let changed = 0;
  for (const seedStory of stories) {
    const story: Story = { ...seedStory, dataset, builtin: true, updated_at: now };
    const [row] = await db.runIn(tx, 'story-get', { dataset, id: story.id });
    if (row?.builtin === true && contentOf(storedStory(row)) === contentOf(story)) continue;
    const [written] = await db.runIn(tx, 'story-put', storyParams(story));
    if (!written) throw new Error(`cannot write the built-in stories of "${dataset}": the dataset does not exist`);
    changed++;
  }
  const [pruned] = await db.runIn(tx, 'stories-builtin-prune', { dataset, ids: stories.map((s) => s.id) });
  return changed + Number(pruned?.deleted ?? 0);
}

/** The seed's built-in stories of a loaded dataset, in their own write transaction (at every start). */
export async function ensureBuiltinStories(db: Database, dataset: string, stories: Story[]): Promise<number> {
  return db.writeTx((tx) => syncBuiltinStories(db, tx, dataset, stories));
}

// Stories (domain/story.ts): a dataset's saved sequences of views with bilingual captions. Reads
// are open; PUT and DELETE need the admin token (app.ts guards every write) and refuse to touch
// a built-in story (409 `builtin`).
import { Router } from 'express';
import { z } from 'zod';
import { parseStoryBody, storyFileOf, storyFrom, storyIdSchema, type StoryProblem } from '../../domain/story-schema.ts';
import type { StoriesPayload } from '../../domain/story.ts';
import type { Database } from '../db/database.ts';
import { badRequest, notFound } from '../errors.ts';
import type { DatasetRegistry } from '../graph/datasets.ts';
import { datasetParam, parseInput } from '../http/validate.ts';
import { deleteStory, getStory, listStories, putStory } from '../stories/store.ts';

const datasetQuery = z.object({ dataset: datasetParam.optional() }).strict();
const getQuery = z.object({ dataset: datasetParam.optional(), download: z.enum(['0', '1']).optional() }).strict();
const idParams = z.object({ id: storyIdSchema }).strict();

/** The same shape as every other validation error: `details.problems: [{field, message}]`. */
function invalidStory(problems: StoryProblem[]) {
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  return badRequest(`invalid story: ${summary}`, { in: 'body', problems });
}

export function storyRoutes(db: Database, datasets: DatasetRegistry): Router {
  const router = Router();

  router.get('/stories', async (req, res) => {
    const { dataset } = parseInput(datasetQuery, req.query, 'query');
    const ds = await datasets.resolve(dataset);
    const payload: StoriesPayload = { dataset: ds.name, stories: await listStories(db, ds.name) };
    res.json(payload);
  });

  router.get('/stories/:id', async (req, res) => {
    const { id } = parseInput(idParams, req.params, 'params');
    const { dataset, download } = parseInput(getQuery, req.query, 'query');
    const ds = await datasets.resolve(dataset);
    const story = await getStory(db, ds.name, id);
    if (!story) throw notFound(`story "${id}" of dataset "${ds.name}"`, { field: 'id' });
    if (download === '1') {
      // The id is [a-z0-9-] only (STORY_ID), so it is safe in the header as it is.
      res.setHeader('Content-Disposition', `attachment; filename="${id}.story.json"`);
      res.json(storyFileOf(story));
      return;
    }
    res.json(story);
  });

  router.put('/stories/:id', async (req, res) => {
    const { id } = parseInput(idParams, req.params, 'params');
    const { dataset } = parseInput(datasetQuery, req.query, 'query');
    const parsed = parseStoryBody(req.body);
    if (!parsed.ok) throw invalidStory(parsed.problems);
    // The URL names the story; a body that names another one is a mistake, not a rename.
    if (parsed.story.id !== undefined && parsed.story.id !== id) {
      throw invalidStory([
        { field: `${parsed.prefix}id`, message: `is "${parsed.story.id}" but the URL names "${id}"` },
      ]);
    }
    const ds = await datasets.resolve(dataset);
    const updated_at = new Date().toISOString();
    const stored = await putStory(db, storyFrom(parsed.story, { id, dataset: ds.name, builtin: false, updated_at }));
    req.log.info({ dataset: ds.name, story: id, steps: stored.steps.length }, 'story saved');
    res.json(stored);
  });

  router.delete('/stories/:id', async (req, res) => {
    const { id } = parseInput(idParams, req.params, 'params');
    const { dataset } = parseInput(datasetQuery, req.query, 'query');
    const ds = await datasets.resolve(dataset);
    await deleteStory(db, ds.name, id);
    req.log.info({ dataset: ds.name, story: id }, 'story deleted');
    res.status(204).end();
  });

  return router;
}

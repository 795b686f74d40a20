// Stories against the real Neo4j: the seed's built-in stories listed and served, a user's
// stories created, replaced and deleted with the admin token, built-in ones refused (409),
// bad input refused naming the field (and nothing written), stories gone with their dataset
// but kept across its versions, the built-in ones made good at every start, and exported.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseStoryBody } from '../../domain/story-schema.ts';
import type { StoriesPayload, Story, StoryFile } from '../../domain/story.ts';
import { CURATED_DIR } from '../../seed/paths.ts';
import { readSeedDataset } from '../../seed/read.ts';
import type { SeedDataset } from '../../seed/schema.ts';
import type { Database } from '../db/database.ts';
import { loadDataset, removeDataset } from '../db/load.ts';
import { ensureBuiltinStories } from '../stories/store.ts';
import { expectErrorShape, getJson, startTestServer, testDatabase, type TestServer } from './helpers.ts';
import { startServerProcess } from './process.ts';

const TOKEN = 'stories-admin-token-0123456789';
const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'seed', 'fixtures', 'stories', 'tour.yaml');
const SCRATCH = 'story-scratch';

let db: Database;
let server: TestServer;
/** The same app without ADMIN_TOKEN: every write is 403. */
let readOnly: TestServer;
/** The curated dataset whose only built-in story is the fixture `tour`. */
let withTour: SeedDataset;

function curatedWithFixtureStory(): SeedDataset {
  const dir = mkdtempSync(path.join(tmpdir(), 'stories-it-'));
  cpSync(CURATED_DIR, dir, { recursive: true });
  rmSync(path.join(dir, 'stories'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'stories'));
  cpSync(FIXTURE, path.join(dir, 'stories', 'tour.yaml'));
  return readSeedDataset(dir, dir);
}

async function call(method: string, url: string, body?: unknown, token: string | null = TOKEN, base = server.url) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return getJson(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

const step = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  view: 'node=firm%2Fhaier',
  title_zh: '海尔',
  title_en: 'Haier',
  caption_zh: '海尔集团。',
  caption_en: 'Haier Group.',
  ...extra,
});

const userStory = (extra: Record<string, unknown> = {}) => ({
  title_zh: '我的故事',
  title_en: 'My story',
  steps: [step('one'), step('two', { view: 'node=district%2Flaoshan&depth=2', notes: 'Say hello.' })],
  ...extra,
});

/** The fields a 400 names. */
function badFields(result: { status: number; body: unknown }): string[] {
  expect(result.status, JSON.stringify(result.body)).toBe(400);
  const error = expectErrorShape(result.body);
  return ((error.details as { problems: { field: string }[] }).problems ?? []).map((p) => p.field);
}

beforeAll(async () => {
  db = testDatabase();
  await db.applySchema();
  withTour = curatedWithFixtureStory();
  await loadDataset(db, withTour);
  server = await startTestServer(db, { adminToken: TOKEN, rateLimitPerMinute: 0 });
  readOnly = await startTestServer(db, { rateLimitPerMinute: 0 });
});

afterAll(async () => {
  await server?.close();
  await readOnly?.close();
  await db?.close();
});

describe('reading stories', () => {
  it('lists the built-in story after the seed', async () => {
    const { status, body } = await getJson(`${server.url}/api/stories?dataset=laoshan`);
    expect(status).toBe(200);
    const payload = body as StoriesPayload;
    expect(payload.dataset).toBe('laoshan');
    expect(payload.stories).toEqual([
      {
        id: 'tour',
        dataset: 'laoshan',
        title_zh: '崂山一览',
        title_en: 'A tour of Laoshan',
        steps: 3,
        builtin: true,
        updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    // The curated dataset is the default.
    expect((await getJson(`${server.url}/api/stories`)).body).toEqual(body);
  });

  it('serves a story whole, as the seed states it', async () => {
    const { status, body } = await getJson(`${server.url}/api/stories/tour?dataset=laoshan`);
    expect(status).toBe(200);
    const seeded = withTour.stories?.[0] as Story;
    expect(body).toEqual({ ...seeded, updated_at: expect.any(String) });
    expect((body as Story).steps[0]?.evidence?.[0]?.quote).toMatch(/创新基因早已融入崂山血脉/);
  });

  it('downloads a story as a story file named after it', async () => {
    const response = await fetch(`${server.url}/api/stories/tour?download=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="tour.story.json"');
    const file = (await response.json()) as StoryFile;
    expect(file.format).toBe('laoshan-explorer-story');
    expect(file.version).toBe(1);
    expect(file.story.id).toBe('tour');
    expect(file.story.steps).toHaveLength(3);
  });

  it('answers 404 for an unknown story or dataset, 400 for a bad id or parameter', async () => {
    const missing = await getJson(`${server.url}/api/stories/no-such-story`);
    expect(missing.status).toBe(404);
    expect(expectErrorShape(missing.body).code).toBe('not_found');
    expect((await getJson(`${server.url}/api/stories?dataset=no-such-dataset`)).status).toBe(404);
    expect((await getJson(`${server.url}/api/stories/tour?dataset=no-such-dataset`)).status).toBe(404);
    expect(badFields(await getJson(`${server.url}/api/stories/Bad_Id`))).toEqual(['id']);
    expect((await getJson(`${server.url}/api/stories?colour=red`)).status).toBe(400);
    expect((await getJson(`${server.url}/api/stories/tour?download=yes`)).status).toBe(400);
  });
});

describe('writing stories', () => {
  it('creates, replaces and deletes a story with the admin token', async () => {
    const created = await call('PUT', '/api/stories/mine?dataset=laoshan', userStory());
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body).toMatchObject({ id: 'mine', dataset: 'laoshan', builtin: false, title_en: 'My story' });
    const first = created.body as Story;
    expect(first.updated_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await getJson(`${server.url}/api/stories/mine`)).body).toEqual(first);
    // Built-in first, then by title.
    const list = (await getJson(`${server.url}/api/stories`)).body as StoriesPayload;
    expect(list.stories.map((s) => [s.id, s.builtin, s.steps])).toEqual([
      ['tour', true, 3],
      ['mine', false, 2],
    ]);

    const replaced = await call('PUT', '/api/stories/mine', userStory({ title_en: 'My story, again', id: 'mine' }));
    expect(replaced.status).toBe(200);
    const stored = (await getJson(`${server.url}/api/stories/mine`)).body as Story;
    expect(stored.title_en).toBe('My story, again');
    expect(stored.updated_at! >= first.updated_at!).toBe(true);

    const deleted = await fetch(`${server.url}/api/stories/mine`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(deleted.status).toBe(204);
    expect((await getJson(`${server.url}/api/stories/mine`)).status).toBe(404);
    expect((await call('DELETE', '/api/stories/mine')).status).toBe(404);
  });

  it('takes a story file, the URL naming the story and the dataset, never the built-in flag', async () => {
    const file = (await getJson(`${server.url}/api/stories/tour?download=1`)).body as StoryFile;
    const copy = { ...file, story: { ...file.story, id: 'tour-copy', dataset: 'elsewhere' } };
    const saved = await call('PUT', '/api/stories/tour-copy', copy);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ id: 'tour-copy', dataset: 'laoshan', builtin: false });
    expect((saved.body as Story).steps).toEqual(file.story.steps);
    expect((await call('DELETE', '/api/stories/tour-copy')).status).toBe(204);
  });

  it('refuses writes without the token (401) and on a server without one (403), writing nothing', async () => {
    expect((await call('PUT', '/api/stories/mine', userStory(), null)).status).toBe(401);
    expect((await call('PUT', '/api/stories/mine', userStory(), 'wrong-token')).status).toBe(401);
    const forbidden = await call('PUT', '/api/stories/mine', userStory(), TOKEN, readOnly.url);
    expect(forbidden.status).toBe(403);
    expect(expectErrorShape(forbidden.body).code).toBe('forbidden');
    expect((await call('DELETE', '/api/stories/tour', undefined, TOKEN, readOnly.url)).status).toBe(403);
    expect((await getJson(`${server.url}/api/stories/mine`)).status).toBe(404);
  });

  it('refuses to change or delete a built-in story (409 builtin), which stays as it was', async () => {
    const before = (await getJson(`${server.url}/api/stories/tour`)).body as Story;
    const put = await call('PUT', '/api/stories/tour', userStory());
    expect(put.status).toBe(409);
    expect(expectErrorShape(put.body).code).toBe('builtin');
    const del = await call('DELETE', '/api/stories/tour');
    expect(del.status).toBe(409);
    expect(expectErrorShape(del.body).code).toBe('builtin');
    expect((await getJson(`${server.url}/api/stories/tour`)).body).toEqual(before);
  });

  it('refuses bad input naming the field', async () => {
    expect(badFields(await call('PUT', '/api/stories/Bad_Id', userStory()))).toEqual(['id']);
    const duplicate = userStory({ steps: [step('a'), step('a')] });
    expect(badFields(await call('PUT', '/api/stories/mine', duplicate))).toEqual(['steps.1.id']);
    const nested = userStory({ steps: [step('a', { view: 'node=firm%2Fhaier&story=tour' })] });
    expect(badFields(await call('PUT', '/api/stories/mine', nested))).toEqual(['steps.0.view']);
    const long = userStory({ steps: [step('a', { caption_en: 'x'.repeat(601) })] });
    expect(badFields(await call('PUT', '/api/stories/mine', long))).toEqual(['steps.0.caption_en']);
    expect(badFields(await call('PUT', '/api/stories/mine', userStory({ id: 'other' })))).toEqual(['id']);
    expect(badFields(await call('PUT', '/api/stories/mine', userStory({ colour: 'red' })))).toEqual(['colour']);
    const file = { format: 'laoshan-explorer-story', version: 1, story: userStory({ title_zh: ' ' }) };
    expect(badFields(await call('PUT', '/api/stories/mine', file))).toEqual(['story.title_zh']);
    expect((await call('PUT', '/api/stories/mine?dataset=no-such-dataset', userStory())).status).toBe(404);
    expect((await getJson(`${server.url}/api/stories/mine`)).status).toBe(404);
  });

  it('answers hostile bodies with a 4xx in the error shape, never a 500', async () => {
    const bodies: unknown[] = ['a story', [userStory()], null, 42];
    bodies.push(JSON.parse('{"__proto__": {"builtin": true}, "title_zh": "x", "title_en": "y", "steps": []}'));
    bodies.push(userStory({ steps: Array.from({ length: 61 }, (_, i) => step(`s${i}`)) }));
    bodies.push(userStory({ steps: [step('a', { evidence: [{ source: "') DETACH DELETE n //", quote: 'x' }] })] }));
    for (const body of bodies) {
      const result = await call('PUT', '/api/stories/hostile', body);
      expect(result.status, JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(result.status).toBeLessThan(500);
      expectErrorShape(result.body);
    }
    const notJson = await fetch(`${server.url}/api/stories/hostile`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '{"title_zh": ',
    });
    expect(notJson.status).toBe(400);
    expect((await getJson(`${server.url}/api/stories/hostile`)).status).toBe(404);
  });

  it('leaves the stored story unchanged when a PUT fails', async () => {
    const saved = (await call('PUT', '/api/stories/keep', userStory())).body as Story;
    const checksum = await db.checksum();
    const long = userStory({ title_en: 'Changed', steps: [step('a', { caption_en: 'x'.repeat(601) })] });
    expect((await call('PUT', '/api/stories/keep', long)).status).toBe(400);
    expect((await call('PUT', '/api/stories/keep', userStory({ id: 'other', title_en: 'Changed' }))).status).toBe(400);
    expect((await call('PUT', '/api/stories/keep', userStory(), 'wrong-token')).status).toBe(401);
    expect((await getJson(`${server.url}/api/stories/keep`)).body).toEqual(saved);
    expect(await db.checksum()).toEqual(checksum);
    expect((await call('DELETE', '/api/stories/keep')).status).toBe(204);
  });
});

describe('stories and their dataset', () => {
  const scratch = (): SeedDataset => ({
    ...withTour,
    dataset: { ...withTour.dataset, name: SCRATCH },
    stories: undefined,
  });

  it('keep their stories across the dataset’s versions and lose them with the dataset', async () => {
    await loadDataset(db, scratch());
    const put = await call('PUT', `/api/stories/walk?dataset=${SCRATCH}`, userStory());
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    // A new version of the dataset (fewer nodes) keeps the story.
    const smaller = scratch();
    smaller.nodes = smaller.nodes.filter((n) => n.id !== 'firm/haier');
    smaller.relations = smaller.relations.filter((r) => r.source !== 'firm/haier' && r.target !== 'firm/haier');
    await loadDataset(db, smaller);
    expect((await getJson(`${server.url}/api/stories/walk?dataset=${SCRATCH}`)).status).toBe(200);
    // Stories are per dataset.
    expect((await getJson(`${server.url}/api/stories/walk?dataset=laoshan`)).status).toBe(404);

    expect((await call('DELETE', `/api/datasets/${SCRATCH}`)).status).toBe(200);
    expect((await getJson(`${server.url}/api/stories?dataset=${SCRATCH}`)).status).toBe(404);
    // The same name loaded again starts without the removed dataset's stories.
    await loadDataset(db, scratch());
    const again = (await getJson(`${server.url}/api/stories?dataset=${SCRATCH}`)).body as StoriesPayload;
    expect(again.stories).toEqual([]);
    const [info] = (await server.app.datasets.list()).filter((d) => d.name === SCRATCH);
    await removeDataset(db, SCRATCH, String(info?.key));
  });
});

describe('built-in stories from the seed', () => {
  it('are written only when missing or different: a rerun changes nothing', async () => {
    const before = await db.checksum();
    expect(await ensureBuiltinStories(db, 'laoshan', withTour.stories ?? [])).toBe(0);
    await loadDataset(db, withTour);
    expect(await db.checksum()).toEqual(before);
  });

  it('come back at start when missing, and follow the seed when it changes', async () => {
    await db.writeTx((tx) => db.runIn(tx, 'story-delete', { dataset: 'laoshan', id: 'tour' }));
    expect((await getJson(`${server.url}/api/stories/tour`)).status).toBe(404);
    expect(await ensureBuiltinStories(db, 'laoshan', withTour.stories ?? [])).toBe(1);
    const restored = (await getJson(`${server.url}/api/stories/tour`)).body as Story;
    expect(restored.builtin).toBe(true);

    const edited = (withTour.stories ?? []).map((s) => ({ ...s, title_en: 'A new tour' }));
    expect(await ensureBuiltinStories(db, 'laoshan', edited)).toBe(1);
    expect(((await getJson(`${server.url}/api/stories/tour`)).body as Story).title_en).toBe('A new tour');
  });

  it('replace the fixture with the curated seed’s own stories (the stale built-in one goes, users’ stay)', async () => {
    expect((await call('PUT', '/api/stories/users-own', userStory())).status).toBe(200);
    const curated = readSeedDataset(CURATED_DIR);
    await loadDataset(db, curated);
    const list = (await getJson(`${server.url}/api/stories`)).body as StoriesPayload;
    const expected = (curated.stories ?? []).map((s) => s.id);
    expect(list.stories.filter((s) => s.builtin).map((s) => s.id)).toEqual(expect.arrayContaining(expected));
    expect(list.stories.filter((s) => s.builtin)).toHaveLength(expected.length);
    expect(list.stories.map((s) => s.id)).not.toContain('tour');
    expect(list.stories.at(-1)).toMatchObject({ id: 'users-own', builtin: false });
    for (const id of expected) {
      const story = (await getJson(`${server.url}/api/stories/${id}`)).body as Story;
      expect(parseStoryBody(story).ok, id).toBe(true);
    }
  });
});

describe('the server process (npm start) on a store that lacks a built-in story', () => {
  it('writes it after it starts serving, and serves it', async () => {
    const [story] = readSeedDataset(CURATED_DIR).stories ?? [];
    expect(story, 'the curated seed holds a built-in story').toBeDefined();
    const id = story?.id as string;
    await db.writeTx((tx) => db.runIn(tx, 'story-delete', { dataset: 'laoshan', id }));
    expect((await getJson(`${server.url}/api/stories/${id}`)).status).toBe(404);
    const credentials = inject('neo4j');
    const started = await startServerProcess({
      NEO4J_URI: credentials.uri,
      NEO4J_USER: credentials.user,
      NEO4J_PASSWORD: credentials.password,
    });
    try {
      await started.waitForOutput(/built-in stories of the curated dataset: 1 written or removed/);
      const served = await getJson(`${started.url}/api/stories/${id}`);
      expect(served.status).toBe(200);
      expect(served.body).toMatchObject({ id, builtin: true, title_en: story?.title_en });
    } finally {
      await started.stop();
    }
  });
});

describe('npm run export -- --stories DIR', () => {
  it('writes each story of the dataset as <id>.story.json, a file the API takes back', async () => {
    const credentials = inject('neo4j');
    const out = mkdtempSync(path.join(tmpdir(), 'stories-export-'));
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/cli/export.ts', '--dataset', 'laoshan', '--stories', out],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          NEO4J_URI: credentials.uri,
          NEO4J_USER: credentials.user,
          NEO4J_PASSWORD: credentials.password,
          LOG_LEVEL: 'warn',
        },
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const list = (await getJson(`${server.url}/api/stories`)).body as StoriesPayload;
    expect(readdirSync(out).sort()).toEqual(list.stories.map((s) => `${s.id}.story.json`).sort());
    const file = JSON.parse(readFileSync(path.join(out, 'users-own.story.json'), 'utf8')) as StoryFile;
    expect(file).toMatchObject({ format: 'laoshan-explorer-story', version: 1, story: { id: 'users-own' } });
    expect((await call('PUT', '/api/stories/users-own', file)).status).toBe(200);
    expect((await call('DELETE', '/api/stories/users-own')).status).toBe(204);
  });
});

// The HTTP source's stories: listed and read by dataset, written with the admin token as a
// bearer, and the API's errors (403 without a token, 409 for a built-in story) handed on with
// their status and code.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Story } from '../../../domain/story.ts';
import { DataSourceError, HttpDataSource } from './source.ts';

const story: Story = { id: 'tour', dataset: 'laoshan', title_zh: '导览', title_en: 'Tour', steps: [] };

interface Asked {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

function stubFetch(status: number, body: unknown): Asked[] {
  const asked: Asked[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit = {}) => {
    asked.push({
      url,
      method: init.method ?? 'GET',
      headers: (init.headers ?? {}) as Record<string, string>,
      body: init.body as string | undefined,
    });
    const text = body === undefined ? null : JSON.stringify(body);
    return Promise.resolve(new Response(text, { status, headers: { 'Content-Type': 'application/json' } }));
  });
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('HttpDataSource stories', () => {
  it('lists and reads a dataset’s stories', async () => {
    const asked = stubFetch(200, { dataset: 'laoshan', stories: [{ id: 'tour', steps: 0 }] });
    expect(await new HttpDataSource().stories('laoshan')).toEqual([{ id: 'tour', steps: 0 }]);
    stubFetch(200, story);
    expect(await new HttpDataSource().story('laoshan', 'tour')).toEqual(story);
    expect(asked[0]?.url).toBe('/api/stories?dataset=laoshan');
  });

  it('writes a story with the admin token and reads back what was stored', async () => {
    const stored = { ...story, updated_at: '2024-05-01T00:00:00Z' };
    const asked = stubFetch(200, stored);
    expect(await new HttpDataSource().saveStory(story, 'secret-token')).toEqual(stored);
    expect(asked[0]).toMatchObject({
      url: '/api/stories/tour?dataset=laoshan',
      method: 'PUT',
      headers: { Authorization: 'Bearer secret-token', 'Content-Type': 'application/json' },
    });
    expect(JSON.parse(asked[0]!.body!)).toEqual(story);
  });

  it('deletes with the token and takes a 204 without a body', async () => {
    const asked = stubFetch(204, undefined);
    await expect(new HttpDataSource().deleteStory('laoshan', 'tour', 't')).resolves.toBeUndefined();
    expect(asked[0]).toMatchObject({ url: '/api/stories/tour?dataset=laoshan', method: 'DELETE' });
  });

  it('hands on the API’s refusals with their status and code', async () => {
    stubFetch(409, { error: { code: 'builtin', message: 'a built-in story cannot be changed' } });
    const error = await new HttpDataSource().saveStory(story, 't').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataSourceError);
    expect(error).toMatchObject({ status: 409, code: 'builtin', message: 'a built-in story cannot be changed' });
    stubFetch(403, { error: { code: 'forbidden', message: 'admin token required' } });
    await expect(new HttpDataSource().deleteStory('laoshan', 'tour', '')).rejects.toMatchObject({ status: 403 });
  });
});

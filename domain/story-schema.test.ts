import { describe, expect, it } from 'vitest';
import { STORY_LIMITS } from './story.ts';
import { parseStoryBody, stepViewProblem, storyFileOf, storyFrom, type StoryBody } from './story-schema.ts';

function step(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    view: 'node=firm%2Fhaier',
    title_zh: '海尔',
    title_en: 'Haier',
    caption_zh: '一句话',
    caption_en: 'One sentence',
    ...extra,
  };
}

function story(extra: Record<string, unknown> = {}) {
  return { id: 'tour', title_zh: '一览', title_en: 'A tour', steps: [step('one'), step('two')], ...extra };
}

/** The fields a refused body is refused for. */
function refusedFields(body: unknown): string[] {
  const result = parseStoryBody(body);
  if (result.ok) throw new Error('expected the body to be refused');
  return result.problems.map((p) => p.field);
}

function accepted(body: unknown): StoryBody {
  const result = parseStoryBody(body);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result.story;
}

describe('a story body', () => {
  it('is accepted with trimmed texts, empty captions and a view copied with its "?"', () => {
    const body = accepted(
      story({
        title_en: '  A tour  ',
        steps: [step('one', { caption_zh: '', caption_en: '  ', view: '?node=firm%2Fhaier&lang=en' })],
      }),
    );
    expect(body.title_en).toBe('A tour');
    expect(body.steps[0]).toMatchObject({ caption_zh: '', caption_en: '', view: 'node=firm%2Fhaier&lang=en' });
  });

  it('may leave out its id and dataset (the URL names them) and carry the fields a download has', () => {
    const { id: _id, ...withoutId } = story();
    expect(accepted(withoutId).id).toBeUndefined();
    expect(accepted(story({ dataset: 'laoshan', builtin: true, updated_at: '2024-06-19T00:00:00.000Z' })).id).toBe(
      'tour',
    );
  });

  it('is accepted inside a story file, whose problems are named under "story."', () => {
    const file = { format: 'laoshan-explorer-story', version: 1, story: story() };
    expect(accepted(file).title_en).toBe('A tour');
    const broken = { ...file, story: story({ steps: [step('one', { title_en: '' })] }) };
    expect(refusedFields(broken)).toEqual(['story.steps.0.title_en']);
  });

  it('refuses a file of another format or version, naming the field', () => {
    expect(refusedFields({ format: 'something-else', version: 1, story: story() })).toEqual(['format']);
    expect(refusedFields({ format: 'laoshan-explorer-story', version: 2, story: story() })).toEqual(['version']);
  });

  it('refuses what is not an object', () => {
    for (const body of [undefined, null, 'tour', [story()]]) expect(refusedFields(body)).toEqual(['body']);
  });

  it('refuses a bad story id or step id', () => {
    expect(refusedFields(story({ id: 'Bad_Id' }))).toEqual(['id']);
    expect(refusedFields(story({ id: 'a'.repeat(STORY_LIMITS.id + 1) }))).toEqual(['id']);
    expect(refusedFields(story({ steps: [step('-one')] }))).toEqual(['steps.0.id']);
  });

  it('refuses duplicate step ids, naming the later step', () => {
    expect(refusedFields(story({ steps: [step('a'), step('b'), step('a')] }))).toEqual(['steps.2.id']);
  });

  it('refuses empty titles in either language, and says a missing one is required', () => {
    expect(refusedFields(story({ title_zh: '   ' }))).toEqual(['title_zh']);
    const { title_en: _title, ...withoutTitle } = story();
    const result = parseStoryBody(withoutTitle);
    expect(result.ok ? [] : result.problems).toEqual([{ field: 'title_en', message: 'is required' }]);
    expect(refusedFields(story({ steps: [step('one', { title_en: '' })] }))).toEqual(['steps.0.title_en']);
  });

  it('refuses texts over their limits', () => {
    const long = (n: number) => 'x'.repeat(n + 1);
    expect(refusedFields(story({ title_en: long(STORY_LIMITS.title) }))).toEqual(['title_en']);
    expect(refusedFields(story({ steps: [step('one', { caption_en: long(STORY_LIMITS.caption) })] }))).toEqual([
      'steps.0.caption_en',
    ]);
    expect(refusedFields(story({ steps: [step('one', { notes: long(STORY_LIMITS.notes) })] }))).toEqual([
      'steps.0.notes',
    ]);
    expect(refusedFields(story({ description_zh: long(STORY_LIMITS.caption) }))).toEqual(['description_zh']);
    // Exactly at the limit is fine.
    accepted(story({ steps: [step('one', { caption_en: 'x'.repeat(STORY_LIMITS.caption) })] }));
  });

  it('refuses no steps and too many steps', () => {
    expect(refusedFields(story({ steps: [] }))).toEqual(['steps']);
    const many = Array.from({ length: STORY_LIMITS.steps + 1 }, (_, i) => step(`s${i}`));
    expect(refusedFields(story({ steps: many }))).toEqual(['steps']);
  });

  it('refuses a view that is too long, is no query string, or would start a story', () => {
    const view = (v: unknown) => story({ steps: [step('one'), step('two', { view: v })] });
    expect(refusedFields(view(`a=${'x'.repeat(STORY_LIMITS.view)}`))).toEqual(['steps.1.view']);
    expect(refusedFields(view('story=laoshan-arc'))).toEqual(['steps.1.view']);
    expect(refusedFields(view('node=firm%2Fhaier&step=2'))).toEqual(['steps.1.view']);
    expect(refusedFields(view('play=1'))).toEqual(['steps.1.view']);
    expect(refusedFields(view('st%6Fry=x'))).toEqual(['steps.1.view']);
    expect(refusedFields(view('node=firm haier'))).toEqual(['steps.1.view']);
    expect(refusedFields(view('node=%E4%zz'))).toEqual(['steps.1.view']);
    expect(refusedFields(view(42))).toEqual(['steps.1.view']);
  });

  it('refuses evidence beyond its limit or of the wrong shape', () => {
    const quote = { source: 'source/laoshan-sti-conference-2024', quote: '崂山' };
    const evidence = (list: unknown) => story({ steps: [step('one', { evidence: list })] });
    accepted(evidence([quote]));
    expect(refusedFields(evidence(Array(STORY_LIMITS.evidence + 1).fill(quote)))).toEqual(['steps.0.evidence']);
    expect(refusedFields(evidence([{ ...quote, quote: ' ' }]))).toEqual(['steps.0.evidence.0.quote']);
    expect(refusedFields(evidence([{ ...quote, source: 'Not An Id' }]))).toEqual(['steps.0.evidence.0.source']);
  });

  it('refuses unknown fields at every level, naming each', () => {
    expect(refusedFields(story({ colour: 'red' }))).toEqual(['colour']);
    expect(refusedFields(story({ steps: [step('one', { duration: 5 })] }))).toEqual(['steps.0.duration']);
    expect(refusedFields({ format: 'laoshan-explorer-story', version: 1, story: story(), extra: 1 })).toEqual([
      'extra',
    ]);
  });

  it('names every problem at once', () => {
    const fields = refusedFields(story({ id: 'X', steps: [step('one', { title_zh: '', view: 'play=1' })] }));
    expect(fields.sort()).toEqual(['id', 'steps.0.title_zh', 'steps.0.view']);
  });
});

describe('stepViewProblem', () => {
  it('accepts the views the app writes, the empty view included', () => {
    for (const view of [
      '',
      'node=firm%2Fhaier&depth=2',
      'lang=en&theme=projector&cam=0.5,0.5,1',
      'hide=Event,Firm&&x=',
    ]) {
      expect(stepViewProblem(view), view).toBeUndefined();
    }
  });

  it('says why a view is refused', () => {
    expect(stepViewProblem('story=x')).toMatch(/cannot start another story/);
    expect(stepViewProblem('a=1#b')).toMatch(/percent-encoded/);
    expect(stepViewProblem('=1')).toMatch(/no parameter name/);
  });
});

describe('storyFrom', () => {
  it('takes the id, dataset and built-in flag it is given, never the body’s', () => {
    const body = accepted(story({ id: 'tour', dataset: 'other', builtin: true, updated_at: 'yesterday' }));
    const stored = storyFrom(body, { id: 'tour', dataset: 'laoshan', builtin: false, updated_at: 'now' });
    expect(stored).toMatchObject({ id: 'tour', dataset: 'laoshan', builtin: false, updated_at: 'now' });
    expect(Object.keys(stored)).toEqual(['id', 'dataset', 'title_zh', 'title_en', 'builtin', 'steps', 'updated_at']);
    expect(storyFileOf(stored)).toEqual({ format: 'laoshan-explorer-story', version: 1, story: stored });
  });
});

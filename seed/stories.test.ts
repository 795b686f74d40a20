// Built-in stories in the seed (<dataset>/stories/<id>.yaml): read with the dataset, checked
// like its records (every quote verbatim in its source), refused with file, line and field.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeedDataset, SeedError } from './read.ts';

const CURATED = path.join(import.meta.dirname, 'laoshan');
const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'stories', 'tour.yaml');
const FIXTURE_TEXT = readFileSync(FIXTURE, 'utf8');

/** The curated dataset with the fixture as its only story (file name `name`, text `text`). */
function datasetWithStory(text = FIXTURE_TEXT, name = 'tour.yaml'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'seed-stories-'));
  cpSync(CURATED, dir, { recursive: true });
  rmSync(path.join(dir, 'stories'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'stories'));
  writeFileSync(path.join(dir, 'stories', name), text);
  return dir;
}

function problemsOf(dir: string) {
  try {
    readSeedDataset(dir, dir);
  } catch (error) {
    if (error instanceof SeedError) return error.problems;
    throw error;
  }
  throw new Error('expected the seed to be rejected');
}

describe('built-in stories in the seed', () => {
  it('are read as stories of the dataset, marked built in, the view without its "?"', () => {
    const { stories } = readSeedDataset(datasetWithStory());
    expect(stories?.map((s) => s.id)).toEqual(['tour']);
    const [tour] = stories ?? [];
    expect(tour).toMatchObject({ id: 'tour', dataset: 'laoshan', builtin: true, title_en: 'A tour of Laoshan' });
    expect(tour?.steps.map((s) => s.id)).toEqual(['district', 'plan', 'haier']);
    expect(tour?.steps[1]?.view).toBe('node=programme%2Ffanxing-plan&depth=2');
    expect(tour?.steps[0]?.evidence?.[0]?.source).toBe('source/laoshan-sti-conference-2024');
  });

  it('refuse a quote that is not verbatim in its source, naming file, line and field', () => {
    const text = FIXTURE_TEXT.replace('并进行现场解读。', '并进行了现场解读。');
    expect(text).not.toBe(FIXTURE_TEXT);
    const problems = problemsOf(datasetWithStory(text));
    expect(problems).toEqual([
      expect.objectContaining({
        file: path.join('stories', 'tour.yaml'),
        record: 'tour',
        field: 'steps.1.evidence.0.quote',
        message: expect.stringMatching(/does not occur verbatim/),
      }),
    ]);
    expect(problems[0]?.line).toBe(text.split('\n').findIndex((l) => l.includes('并进行了现场解读')) + 1);
  });

  it('refuse an unknown source', () => {
    const text = FIXTURE_TEXT.replace(
      '- source: source/laoshan-sti-conference-2024',
      '- source: source/no-such-document',
    );
    expect(problemsOf(datasetWithStory(text))).toEqual([
      expect.objectContaining({ field: 'steps.0.evidence.0.source', message: expect.stringMatching(/unknown source/) }),
    ]);
  });

  it('refuse a story that does not validate, naming the field and its line', () => {
    const text = FIXTURE_TEXT.replace('view: "node=firm%2Fhaier"', 'view: "node=firm%2Fhaier&play=1"');
    const [problem, ...others] = problemsOf(datasetWithStory(text));
    expect(others).toEqual([]);
    expect(problem).toMatchObject({ record: 'tour', field: 'steps.2.view' });
    expect(problem?.message).toMatch(/cannot start another story/);
    expect(problem?.line).toBe(text.split('\n').findIndex((l) => l.includes('&play=1')) + 1);
  });

  it('refuse a story whose id is not its file name, and a dataset field (the folder names the dataset)', () => {
    expect(problemsOf(datasetWithStory(FIXTURE_TEXT, 'other.yaml'))).toEqual([
      expect.objectContaining({ field: 'id', message: expect.stringMatching(/file's name "other"/) }),
    ]);
    const withDataset = `dataset: laoshan\n${FIXTURE_TEXT}`;
    expect(problemsOf(datasetWithStory(withDataset))).toEqual([
      expect.objectContaining({ field: 'dataset', message: expect.stringMatching(/unknown field/) }),
    ]);
  });

  it('of the curated dataset all validate and quote their source verbatim', () => {
    const { stories } = readSeedDataset(CURATED);
    for (const story of stories ?? []) expect(story).toMatchObject({ dataset: 'laoshan', builtin: true });
  });
});

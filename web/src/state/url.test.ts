import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseView, serializeView } from './url.ts';
import { defaultView, validateView, type ViewState } from './view.ts';

const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}(\/[a-z0-9][a-z0-9-]{0,8})?$/);
const type = fc.constantFrom('Firm', 'Lab', 'Park', 'University', 'AWARDED', 'HOSTS');
const view: fc.Arbitrary<ViewState> = fc.record({
  dataset: fc.constantFrom('laoshan', 'synthetic-1000'),
  lang: fc.constantFrom('zh' as const, 'en' as const),
  theme: fc.constantFrom('light' as const, 'dark' as const),
  selected: fc.option(id, { nil: undefined }),
  depth: fc.constantFrom(1 as const, 2 as const),
  hiddenTypes: fc.uniqueArray(type, { maxLength: 4 }).map((xs) => xs.sort()),
  hiddenRelTypes: fc.uniqueArray(type, { maxLength: 3 }).map((xs) => xs.sort()),
  hiddenNodes: fc.uniqueArray(id, { maxLength: 4 }).map((xs) => xs.sort()),
  panel: fc.constantFrom(
    undefined,
    'details' as const,
    'source' as const,
    'filters' as const,
    'paths' as const,
    'table' as const,
  ),
  pathFrom: fc.option(id, { nil: undefined }),
  pathTo: fc.option(id, { nil: undefined }),
  source: fc.option(id, { nil: undefined }),
  quote: fc.option(fc.string({ minLength: 1, maxLength: 60 }), { nil: undefined }),
  fields: fc.uniqueArray(id, { maxLength: 3 }).map((xs) => xs.sort()),
  hiddenYears: fc
    .uniqueArray(fc.integer({ min: 1900, max: 2099 }), { maxLength: 3 })
    .map((xs) => xs.sort((a, b) => a - b)),
  expanded: fc.uniqueArray(id, { maxLength: 4 }),
  limit: fc.option(fc.integer({ min: 1, max: 200_000 }), { nil: undefined }),
  camera: fc.option(
    fc
      .record({
        x: fc.double({ min: -5, max: 5, noNaN: true }).map((n) => Number(n.toFixed(4)) || 0),
        y: fc.double({ min: -5, max: 5, noNaN: true }).map((n) => Number(n.toFixed(4)) || 0),
        ratio: fc.double({ min: 0.01, max: 10, noNaN: true }).map((n) => Number(n.toFixed(4)) || 0),
      })
      .filter((c) => c.ratio > 0),
    { nil: undefined },
  ),
});

describe('the view in the URL', () => {
  it('round-trips every view: parse(serialize(v)) = v', () => {
    fc.assert(
      fc.property(view, (v) => {
        expect(parseView(serializeView(v), v.lang === 'zh' ? 'en' : 'zh')).toEqual(v);
      }),
      { numRuns: 500 },
    );
  });

  it('writes a short link for the default view', () => {
    expect(serializeView(defaultView('zh'))).toBe('lang=zh');
  });

  it('turns any query string into a valid view without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (junk) => {
        const parsed = parseView(junk, 'zh');
        expect(['zh', 'en']).toContain(parsed.lang);
        expect([1, 2]).toContain(parsed.depth);
      }),
      { numRuns: 500 },
    );
    const hostile = parseView('?node=<script>&hide=Firm,<img>,Lab&cam=NaN,1,1&depth=9&panel=evil&lang=fr', 'en');
    expect(hostile).toMatchObject({
      selected: undefined,
      hiddenTypes: ['Firm', 'Lab'],
      camera: undefined,
      depth: 1,
      panel: undefined,
      lang: 'en',
    });
    expect(parseView('?limit=0&hideYears=20x4,2024&expand=a,<b>', 'en')).toMatchObject({
      limit: undefined,
      hiddenYears: [2024],
      expanded: ['a'],
    });
  });

  it('drops what the data does not know', () => {
    const v = {
      ...defaultView('zh'),
      selected: 'firm/gone',
      hiddenTypes: ['Firm', 'Spaceship'],
      hiddenNodes: ['firm/haier', 'firm/gone'],
      panel: 'details' as const,
      fields: ['industry/ai', 'firm/haier', 'industry/gone'],
      hiddenYears: [2023, 1999],
      expanded: ['firm/gone', 'firm/haier'],
    };
    const domain = {
      hasNode: (x: string) => x === 'firm/haier' || x === 'industry/ai',
      nodeTypes: new Set(['Firm']),
      relationTypes: new Set(['AWARDED']),
      isField: (x: string) => x.startsWith('industry/'),
      years: new Set([2023, 2024]),
    };
    expect(validateView(v, domain)).toMatchObject({
      selected: undefined,
      hiddenTypes: ['Firm'],
      hiddenNodes: ['firm/haier'],
      panel: undefined,
      fields: ['industry/ai'],
      hiddenYears: [2023],
      expanded: ['firm/haier'],
    });
  });
});

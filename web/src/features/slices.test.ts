// The link codec as the app composes it: every feature slice round-trips on its own and all of
// them together (property-based), parsing is total, old links keep working, and validation
// drops what the data does not know.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeCodec, type Slice, type ViewDomain } from '../core/codec.ts';
import { coreSlice } from '../core/state.ts';
import { BROKERAGE_ROLES } from '../../../domain/api-types.ts';
import { GAP_KINDS } from './gaps/gap-keys.ts';
import { appSlices, type AppState } from './slices.ts';

const PANELS = new Set(['details', 'source', 'paths', 'table', 'brokers', 'gaps', 'partners', 'metrics']);
const slices = (): Slice<AppState>[] => [coreSlice<AppState>(() => PANELS), ...appSlices()];
const codecFor = (fallbackLang: 'zh' | 'en') => composeCodec(slices(), { fallbackLang });

const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}(\/[a-z0-9][a-z0-9-]{0,8})?$/);
const type = fc.constantFrom('Firm', 'Lab', 'Park', 'University', 'AWARDED', 'HOSTS');
const sortedIds = (max: number) => fc.uniqueArray(id, { maxLength: max }).map((xs) => xs.sort());
const coordinate = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true }).map((n) => Number(n.toFixed(4)) || 0);

/** One arbitrary per key of the view: what any slice may hold after a parse. */
const keyArbitraries: { [K in keyof AppState]: fc.Arbitrary<AppState[K]> } = {
  dataset: fc.constantFrom('laoshan', 'synthetic-1000', 'ca-grqc'),
  lang: fc.constantFrom('zh' as const, 'en' as const),
  panel: fc.constantFrom(undefined, ...PANELS),
  limit: fc.option(fc.integer({ min: 1, max: 200_000 }), { nil: undefined }),
  theme: fc.constantFrom('light' as const, 'dark' as const, 'projector' as const),
  camera: fc.option(
    fc.record({ x: coordinate(-5, 5), y: coordinate(-5, 5), ratio: coordinate(0.01, 10) }).filter((c) => c.ratio > 0),
    { nil: undefined },
  ),
  selected: fc.option(id, { nil: undefined }),
  depth: fc.constantFrom(1 as const, 2 as const),
  hiddenTypes: fc.uniqueArray(type, { maxLength: 4 }).map((xs) => xs.sort()),
  hiddenRelTypes: fc.uniqueArray(type, { maxLength: 3 }).map((xs) => xs.sort()),
  hiddenNodes: sortedIds(4),
  fields: sortedIds(3),
  hiddenYears: fc
    .uniqueArray(fc.integer({ min: 1800, max: 2999 }), { maxLength: 3 })
    .map((xs) => xs.sort((a, b) => a - b)),
  year: fc.option(fc.integer({ min: 1800, max: 2999 }), { nil: undefined }),
  source: fc.option(id, { nil: undefined }),
  quote: fc.option(fc.string({ minLength: 1, maxLength: 60 }), { nil: undefined }),
  pathFrom: fc.option(id, { nil: undefined }),
  pathTo: fc.option(id, { nil: undefined }),
  // Order matters for expansions: kept as given.
  expanded: fc.uniqueArray(id, { maxLength: 4 }),
  lod: fc.uniqueArray(fc.integer({ min: 0, max: 9_999 }).map(String), { maxLength: 4 }),
  sizeBy: fc.option(fc.constantFrom('degree', 'betweenness', 'pagerank', 'broker_liaison'), { nil: undefined }),
  colorBy: fc.option(fc.constantFrom('community', 'betweenness', 'closeness'), { nil: undefined }),
  metricsSort: fc.option(fc.constantFrom('name', '-name', 'type', '-betweenness', 'degree', '-community'), {
    nil: undefined,
  }),
  partnersOf: fc.option(id, { nil: undefined }),
  partnerType: fc.option(type, { nil: undefined }),
  partner: fc.option(id, { nil: undefined }),
  brokerRole: fc.option(fc.constantFrom(...BROKERAGE_ROLES), { nil: undefined }),
  gap: fc.option(
    fc
      .tuple(fc.constantFrom(...GAP_KINDS), id, fc.constantFrom('', ':2', ':17'))
      .map(([kind, subject, n]) => `${kind}:${subject}${n}`),
    { nil: undefined },
  ),
  story: fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/), { nil: undefined }),
  storyStep: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  storyPlay: fc.boolean(),
  storiesOpen: fc.boolean(),
  reviewOpen: fc.boolean(),
};

const view: fc.Arbitrary<AppState> = fc.record(keyArbitraries);

describe('each slice of the link', () => {
  for (const slice of slices()) {
    it(`${slice.id}: parse(write(v)) = v for its keys`, () => {
      const arbitrary = fc.record(
        Object.fromEntries(slice.keys.map((k) => [k, keyArbitraries[k]])) as Record<string, fc.Arbitrary<unknown>>,
      );
      fc.assert(
        fc.property(arbitrary, fc.constantFrom('zh' as const, 'en' as const), (values, fallbackLang) => {
          const out = new URLSearchParams();
          slice.write(values as unknown as AppState, out);
          for (const name of out.keys()) expect(slice.params, `${slice.id} writes ${name}`).toContain(name);
          expect(slice.parse(new URLSearchParams(out.toString()), { fallbackLang })).toEqual(values);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('no two slices own a key or a parameter', () => {
    const broken: Slice<AppState> = { ...appSlices()[0]!, id: 'copy' };
    expect(() => composeCodec([...slices(), broken], { fallbackLang: 'zh' })).toThrow(/claimed by both/);
  });

  it('together they own every key of the view', () => {
    const owned = slices().flatMap((s) => s.keys);
    expect(owned.sort()).toEqual(Object.keys(keyArbitraries).sort());
  });
});

describe('the composed link', () => {
  it('round-trips every view: parse(serialize(v)) = v', () => {
    fc.assert(
      fc.property(view, (v) => {
        expect(codecFor(v.lang === 'zh' ? 'en' : 'zh').parse(codecFor('zh').serialize(v))).toEqual(v);
      }),
      { numRuns: 500 },
    );
  });

  it('writes a short link for the default view', () => {
    expect(codecFor('zh').serialize(codecFor('zh').defaults())).toBe('lang=zh');
  });

  it('reads links written before the features were split out (same parameters)', () => {
    const old =
      'dataset=synthetic-1000&lang=en&theme=dark&node=firm%2Fhaier&depth=2&hide=Lab&hideRel=HOSTS&hideNodes=firm%2Fx' +
      '&panel=paths&from=firm%2Fhaier&to=institute%2Fbuaa-qingdao&fields=industry%2Fai&hideYears=2023' +
      '&expand=firm%2Fhaier,lab%2Fy&limit=500&cam=0.5,-0.25,0.8&source=source%2Fa&quote=%E6%B5%B7%E5%B0%94';
    expect(codecFor('zh').parse(old)).toEqual({
      dataset: 'synthetic-1000',
      lang: 'en',
      theme: 'dark',
      selected: 'firm/haier',
      depth: 2,
      hiddenTypes: ['Lab'],
      hiddenRelTypes: ['HOSTS'],
      hiddenNodes: ['firm/x'],
      panel: 'paths',
      pathFrom: 'firm/haier',
      pathTo: 'institute/buaa-qingdao',
      fields: ['industry/ai'],
      hiddenYears: [2023],
      expanded: ['firm/haier', 'lab/y'],
      lod: [],
      limit: 500,
      camera: { x: 0.5, y: -0.25, ratio: 0.8 },
      source: 'source/a',
      quote: '海尔',
      storyPlay: false,
      storiesOpen: false,
      reviewOpen: false,
    });
  });

  it('turns any query string into a valid view without throwing', () => {
    const codec = codecFor('zh');
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (junk) => {
        const parsed = codec.parse(junk);
        expect(['zh', 'en']).toContain(parsed.lang);
        expect([1, 2]).toContain(parsed.depth);
      }),
      { numRuns: 500 },
    );
    const hostile = codecFor('en').parse(
      '?node=<script>&hide=Firm,<img>,Lab&cam=NaN,1,1&depth=9&panel=<evil>&lang=fr&unknown=1',
    );
    expect(hostile).toMatchObject({
      selected: undefined,
      hiddenTypes: ['Firm', 'Lab'],
      camera: undefined,
      depth: 1,
      panel: undefined,
      lang: 'en',
    });
    expect(codec.parse('?limit=0&hideYears=20x4,2024&expand=a,<b>')).toMatchObject({
      limit: undefined,
      hiddenYears: [2024],
      expanded: ['a'],
    });
  });

  it('reads the analytics parameters: broker role, gap, partner query; junk is dropped', () => {
    const codec = codecFor('en');
    const link =
      'panel=partners&partners=firm%2Fhaier&ptype=Institute&partner=institute%2Fbuaa-qingdao' +
      '&broker=liaison&gap=park_without_academic_partner%3Apark%2Fx';
    const v = codec.parse(link);
    expect(v).toMatchObject({
      panel: 'partners',
      partnersOf: 'firm/haier',
      partnerType: 'Institute',
      partner: 'institute/buaa-qingdao',
      brokerRole: 'liaison',
      gap: 'park_without_academic_partner:park/x',
    });
    expect(codec.parse(codec.serialize(v))).toEqual(v);
    expect(codec.parse('broker=boss&gap=nonsense:park%2Fx&partners=<x>&ptype=F1rm')).toMatchObject({
      brokerRole: undefined,
      gap: undefined,
      partnersOf: undefined,
      partnerType: undefined,
    });
  });

  it('drops an analytics view the data does not know', () => {
    const codec = codecFor('zh');
    const domain: ViewDomain = {
      hasNode: (x) => x === 'firm/haier' || x === 'park/x',
      nodeType: () => undefined,
      nodeTypes: new Set(['Firm', 'Park']),
      relationTypes: new Set(),
      years: new Set(),
    };
    const base = { ...codec.defaults(), panel: 'partners', partnersOf: 'firm/haier', partner: 'firm/y' };
    expect(codec.validate({ ...base, partnerType: 'Spaceship' }, domain)).toMatchObject({
      panel: 'partners',
      partnersOf: 'firm/haier',
      partnerType: undefined,
      partner: 'firm/y',
    });
    expect(codec.validate({ ...base, partnersOf: 'firm/gone', partnerType: 'Firm' }, domain)).toMatchObject({
      panel: undefined,
      partnersOf: undefined,
      partnerType: undefined,
      partner: undefined,
    });
    const gap = (subject: string) => `park_without_academic_partner:${subject}`;
    expect(codec.validate({ ...codec.defaults(), gap: gap('park/x') }, domain).gap).toBe(gap('park/x'));
    expect(codec.validate({ ...codec.defaults(), gap: gap('park/gone') }, domain).gap).toBeUndefined();
  });

  it('reads the metrics parameters (size, colour, table order); malformed ones are dropped', () => {
    const codec = codecFor('en');
    const v = codec.parse('panel=metrics&size=betweenness&color=community&msort=-pagerank');
    expect(v).toMatchObject({
      panel: 'metrics',
      sizeBy: 'betweenness',
      colorBy: 'community',
      metricsSort: '-pagerank',
    });
    expect(codec.serialize(v)).toBe('panel=metrics&lang=en&size=betweenness&color=community&msort=-pagerank');
    expect(codec.parse(codec.serialize(v))).toEqual(v);
    expect(codec.parse('size=<b>&color=Community&msort=--x')).toMatchObject({
      sizeBy: undefined,
      colorBy: undefined,
      metricsSort: undefined,
    });
  });

  it('drops what the data does not know', () => {
    const codec = codecFor('zh');
    const v: AppState = {
      ...codec.defaults(),
      selected: 'firm/gone',
      hiddenTypes: ['Firm', 'Spaceship'],
      hiddenNodes: ['firm/haier', 'firm/gone'],
      panel: 'details',
      fields: ['industry/ai', 'firm/haier', 'industry/gone'],
      hiddenYears: [2023, 1999],
      expanded: ['firm/gone', 'firm/haier'],
      lod: ['3', '12'],
      pathFrom: 'firm/gone',
      pathTo: 'firm/haier',
    };
    const domain: ViewDomain = {
      hasNode: (x) => x === 'firm/haier' || x === 'industry/ai' || x === '@community-12',
      nodeType: (x) => (x === 'firm/haier' ? 'Firm' : x === 'industry/ai' ? 'Industry' : undefined),
      nodeTypes: new Set(['Firm']),
      relationTypes: new Set(['AWARDED']),
      years: new Set([2023, 2024]),
    };
    expect(codec.validate(v, domain)).toMatchObject({
      selected: undefined,
      hiddenTypes: ['Firm'],
      hiddenNodes: ['firm/haier'],
      panel: undefined,
      fields: ['industry/ai'],
      hiddenYears: [2023],
      expanded: ['firm/haier'],
      lod: ['12'],
      pathFrom: undefined,
      pathTo: 'firm/haier',
    });
    expect(codec.validate({ ...v, panel: 'not-registered' }, domain).panel).toBeUndefined();
    expect(codec.validate({ ...v, selected: 'firm/haier', panel: 'details' }, domain).panel).toBe('details');
  });
});

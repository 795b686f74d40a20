// The offline bundle's data for the curated dataset, read through the server's own API: every
// node with its stored position, details and evidence, the source's full text, the search keys,
// the analytics and the built-in story; and the errors the CLI names (unknown dataset or story).
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_GLOBAL, isOfflineBundle, type OfflineBundle } from '../../domain/offline-bundle.ts';
import { readBundle } from '../export/bundle.ts';
import { BundleError } from '../export/bundle-api.ts';
import { dataScript } from '../export/bundle-files.ts';
import { silentLogger, useCuratedServer } from './helpers.ts';

const env = useCuratedServer();
let bundle: OfflineBundle;

beforeAll(async () => {
  bundle = await readBundle(env.db, { dataset: 'laoshan', logger: silentLogger });
}, 120_000);

describe('the offline bundle of the curated dataset', () => {
  it('holds every node and relation, each node at its stored position', () => {
    const { graph } = bundle;
    expect(graph.positions).toBe('stored');
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(env.curated.nodes.map((n) => n.id).sort());
    expect(graph.edges).toHaveLength(env.curated.relations.length);
    for (const node of graph.nodes) {
      expect(Number.isFinite(node.x) && Number.isFinite(node.y), node.id).toBe(true);
    }
    // Not all in one spot: a real layout.
    expect(new Set(graph.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(graph.nodes.length);
  });

  it('holds every node’s details with the seed’s evidence, on the node and on its relations', () => {
    for (const record of env.curated.nodes) {
      const details = bundle.details[record.id];
      expect(details, record.id).toBeDefined();
      expect(details!.node.evidence.map((e) => e.quote)).toEqual(record.evidence.map((e) => e.quote));
    }
    const haier = bundle.details['firm/haier']!;
    expect(haier.relations.length).toBeGreaterThan(0);
    expect(haier.relations.every((r) => r.evidence.length > 0)).toBe(true);
  });

  it('holds the full text of every source a quote names', () => {
    const quoted = new Set(env.curated.nodes.flatMap((n) => n.evidence.map((e) => e.source)));
    expect([...quoted].every((id) => bundle.sources[id] !== undefined)).toBe(true);
    for (const source of env.curated.sources) expect(bundle.sources[source.id]?.text).toBe(source.text);
    // The list a slide's footnote names, without the text.
    expect(bundle.sourceList?.sources.map((s) => s.id)).toEqual(env.curated.sources.map((s) => s.id));
  });

  it('holds each node’s search keys: aliases, full pinyin, initials and pinyin words', () => {
    expect(bundle.search).toHaveLength(env.curated.nodes.length);
    const haier = bundle.search.find((e) => e.id === 'firm/haier');
    expect(haier).toMatchObject({ name_zh: '海尔集团', pinyin: 'haierjituan', pinyin_initials: 'hejt' });
    expect(haier?.aliases).toContain('海尔');
    expect(haier?.pinyin_words).toContain('haier');
    expect(haier?.degree).toBe(
      bundle.graph.edges.filter((e) => e.source === haier?.id || e.target === haier?.id).length,
    );
  });

  it('holds the server’s metrics, gaps and partner suggestions', () => {
    expect(bundle.metrics?.status).toBe('ready');
    expect(bundle.metrics?.ids.sort()).toEqual(bundle.graph.nodes.map((n) => n.id).sort());
    expect(bundle.gaps?.gaps.length).toBeGreaterThan(0);
    expect(bundle.partners?.['firm/haier']?.candidates.length).toBeGreaterThan(0);
    // Context types (fields, honours, indicators) are no one's partners.
    expect(bundle.partners?.['industry/marine-biomedicine']).toBeUndefined();
  });

  it('holds the dataset’s stories in full, the built-in one included', () => {
    const builtin = (env.curated.stories ?? []).map((s) => s.id);
    expect(builtin).toContain('laoshan-arc');
    expect(bundle.stories.map((s) => s.id)).toEqual(expect.arrayContaining(builtin));
    const arc = bundle.stories.find((s) => s.id === 'laoshan-arc');
    expect(arc?.steps.length).toBeGreaterThanOrEqual(6);
    expect(arc?.steps.every((s) => s.caption_zh.length > 0 && s.caption_en.length > 0)).toBe(true);
  });

  it('is written as a classic script that sets the global the web app reads', () => {
    const window: Record<string, unknown> = {};
    runInNewContext(dataScript(bundle), { window });
    expect(isOfflineBundle(window[BUNDLE_GLOBAL])).toBe(true);
    expect((window[BUNDLE_GLOBAL] as OfflineBundle).details['firm/haier']?.node.name_zh).toBe('海尔集团');
  });
});

describe('what the export refuses', () => {
  it('keeps only the story asked for', async () => {
    const one = await readBundle(env.db, { dataset: 'laoshan', story: 'laoshan-arc', logger: silentLogger });
    expect(one.stories.map((s) => s.id)).toEqual(['laoshan-arc']);
  }, 120_000);

  it('names an unknown story and the ones there are', async () => {
    const attempt = readBundle(env.db, { dataset: 'laoshan', story: 'no-such-story', logger: silentLogger });
    await expect(attempt).rejects.toThrow(BundleError);
    await expect(attempt).rejects.toThrow(/unknown story "no-such-story".*laoshan-arc/);
  });

  it('names an unknown dataset and the ones there are', async () => {
    const attempt = readBundle(env.db, { dataset: 'no-such-data', logger: silentLogger });
    await expect(attempt).rejects.toThrow(BundleError);
    await expect(attempt).rejects.toThrow(/unknown dataset "no-such-data".*laoshan/);
  });
});

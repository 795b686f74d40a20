import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, BUNDLE_GLOBAL, type OfflineBundle } from '../../../domain/offline-bundle.ts';
import type { Story } from '../../../domain/story.ts';
import { DataSourceError, type GraphDataSource } from './source.ts';
import { offlineBundle, StaticDataSource } from './static-source.ts';

const story: Story = {
  id: 'arc',
  dataset: 'test',
  title_zh: '故事',
  title_en: 'Story',
  builtin: true,
  steps: [{ id: 's1', view: 'node=a', title_zh: '一', title_en: 'One', caption_zh: '甲', caption_en: 'A' }],
};

function bundle(): OfflineBundle {
  const nodes = ['a', 'b', 'c'].map((id, i) => ({
    id,
    type: 'Firm',
    name_zh: `${id}公司`,
    name_en: id,
    degree: 2 - i,
    x: i,
    y: i,
  }));
  return {
    format: BUNDLE_FORMAT,
    version: 1,
    createdAt: '2024-06-19T00:00:00.000Z',
    dataset: {
      name: 'test',
      synthetic: false,
      title_zh: null,
      title_en: null,
      updated_at: null,
      nodes: 3,
      relations: 2,
    },
    schema: { dataset: 'test', synthetic: false, nodeTypes: [], relationTypes: [] },
    graph: {
      dataset: 'test',
      synthetic: false,
      positions: 'stored',
      nodes,
      edges: [
        { id: 'ab', source: 'a', target: 'b', type: 'SUPPORTS' },
        { id: 'bc', source: 'b', target: 'c', type: 'SUPPORTS' },
      ],
    },
    details: {
      a: {
        dataset: 'test',
        node: { id: 'a', type: 'Firm', name_zh: 'a公司', name_en: 'a', evidence: [{ source: 'doc', quote: '甲' }] },
        relations: [],
      },
    },
    sources: { doc: { id: 'doc', title: '报道', date: '2024-06-19', language: 'zh', text: '全文甲' } },
    sourceList: {
      dataset: 'test',
      total: 1,
      sources: [{ id: 'doc', title: '报道', date: '2024-06-19', language: 'zh' }],
    },
    search: [],
    metrics: null,
    gaps: null,
    partners: {
      a: { dataset: 'test', version: 'v', id: 'a', type: null, method: 'm', candidates: [] },
    },
    stories: [story],
  };
}

/** The error a call fails with (its status and whether the app would ask again). */
async function failure(call: Promise<unknown>): Promise<{ status: number; code: string; transient: boolean }> {
  try {
    await call;
  } catch (error) {
    expect(error).toBeInstanceOf(DataSourceError);
    const { status, code, transient } = error as DataSourceError;
    return { status, code, transient };
  }
  throw new Error('the call did not fail');
}

describe('the offline bundle on a page', () => {
  it('is read from its global only when it is a bundle of this version', () => {
    expect(offlineBundle({ [BUNDLE_GLOBAL]: bundle() })?.dataset.name).toBe('test');
    expect(offlineBundle({})).toBeUndefined();
    expect(offlineBundle({ [BUNDLE_GLOBAL]: { ...bundle(), version: 2 } })).toBeUndefined();
  });
});

describe('StaticDataSource', () => {
  const source = new StaticDataSource(bundle());

  it('answers its one dataset with the stored positions, and 404 for another', async () => {
    expect((await source.datasets()).map((d) => d.name)).toEqual(['test']);
    const graph = await source.graph('test');
    expect(graph).toMatchObject({ positions: 'stored', truncated: false });
    expect(graph.nodes[1]).toMatchObject({ x: 1, y: 1 });
    expect(await failure(source.schema('laoshan'))).toEqual({ status: 404, code: 'not_found', transient: false });
  });

  it('cuts the overview to its best-connected nodes as the server does', async () => {
    const graph = await source.graph('test', { limit: 2 });
    expect(graph.truncated).toBe(true);
    expect(graph.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(graph.edges.map((e) => e.id)).toEqual(['ab']);
  });

  it('holds details with evidence and the full source text', async () => {
    expect((await source.node('test', 'a')).node.evidence).toEqual([{ source: 'doc', quote: '甲' }]);
    expect((await source.source('test', 'doc')).text).toBe('全文甲');
    expect((await source.sources('test')).sources.map((s) => s.title)).toEqual(['报道']);
    expect((await failure(source.node('test', 'zz'))).status).toBe(404);
    expect((await failure(source.source('test', 'nope'))).status).toBe(404);
  });

  it('answers neighbourhoods and paths in the browser', async () => {
    expect((await source.neighbors('test', 'b')).nodes.map((n) => n.id)).toEqual(['b', 'a', 'c']);
    const { paths } = await source.paths('test', 'a', 'c', 4, 3);
    expect(paths.map((p) => p.nodes.map((n) => n.id))).toEqual([['a', 'b', 'c']]);
    expect((await source.pathsThrough('test', 'a', 'c')).through.map((t) => t.id)).toEqual(['b']);
    expect((await failure(source.paths('test', 'a', 'zz', 4, 3))).status).toBe(404);
  });

  it('says clearly, once, what needs the server (no retry)', async () => {
    expect(await failure(source.metrics('test'))).toEqual({ status: 501, code: 'not_offline', transient: false });
    expect((await failure(source.partners('test', 'a', { type: 'University' }))).code).toBe('not_offline');
    expect((await failure(source.partners('test', 'b'))).code).toBe('not_offline');
    expect((await source.partners('test', 'a')).id).toBe('a');
  });

  it('lists and plays its stories, and offers no writes', async () => {
    expect(await source.stories('test')).toEqual([
      { id: 'arc', dataset: 'test', title_zh: '故事', title_en: 'Story', steps: 1, builtin: true, updated_at: null },
    ]);
    expect((await source.story('test', 'arc')).steps[0]!.view).toBe('node=a');
    expect((await failure(source.story('test', 'other'))).status).toBe(404);
    // The features that write look for these methods and hide without them.
    const asRead: GraphDataSource = source;
    expect(asRead.saveStory).toBeUndefined();
    expect(asRead.deleteStory).toBeUndefined();
    expect(asRead.importFiles).toBeUndefined();
    expect(asRead.datasetExportUrl).toBeUndefined();
  });
});

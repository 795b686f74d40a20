// readImport on good input: one fixture per format (Chinese text included), the real files of
// ../shared/data with their counts, and the graphology parsers as a cross-check of GEXF.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import type { ImportSet, InputFile, ReadOptions } from './model.ts';
import { readImport } from './read.ts';

const fixture = (name: string): InputFile => ({
  name,
  bytes: readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))),
});
const shared = (name: string): InputFile => ({
  name,
  bytes: readFileSync(fileURLToPath(new URL(`../../../shared/data/${name}`, import.meta.url))),
});

async function read(files: InputFile[], options?: ReadOptions): Promise<ImportSet> {
  const set = await readImport(files, options);
  expect(set.problems).toEqual([]);
  return set;
}

describe('CSV', () => {
  it('reads a nodes.csv + edges.csv pair: fields, aliases, typed properties, evidence, normalised ids', async () => {
    const files = [fixture('nodes.csv'), fixture('edges.csv')];
    const set = await read(files);
    expect(set.files).toEqual(
      files.map((f) => ({
        name: f.name,
        format: 'csv',
        encoding: 'utf-8',
        bytes: f.bytes.length,
        sha256: createHash('sha256').update(f.bytes).digest('hex'),
      })),
    );
    expect(set.nodes).toEqual([
      {
        id: 'firm/haier',
        type: 'Firm',
        name_zh: '海尔集团',
        name_en: 'Haier Group',
        aliases: ['海尔', 'Haier'],
        properties: { year: 1984, website: 'https://www.haier.com', listed: true },
        evidence: '海尔集团获评崂山区十强科技创新企业。',
        source_url: 'https://example.org/report#p3',
        origin: { file: 'nodes.csv', line: 2 },
      },
      {
        id: 'univ/ouc',
        type: 'University', // "universities"
        name_zh: '中国海洋大学',
        name_en: 'Ocean University of China',
        aliases: ['海大', 'OUC'],
        properties: { year: 1924 },
        origin: { file: 'nodes.csv', line: 3 },
      },
      {
        id: 'talent/yuanshi',
        originalId: 'Talent/院士',
        type: 'Talent',
        name_zh: '两院院士',
        name_en: 'Academicians',
        aliases: [],
        properties: { count: 19 },
        evidence: '崂山区集聚两院院士19人。',
        origin: { file: 'nodes.csv', line: 4 },
      },
      {
        id: 'firm/formula',
        type: 'Firm',
        name_zh: '=1+1', // a formula-looking cell is data: read as the text it is
        name_en: 'Quoted, with a comma',
        aliases: [],
        properties: { website: '0532', listed: false }, // a leading zero keeps text
        origin: { file: 'nodes.csv', line: 5 },
      },
    ]);
    expect(set.relations).toEqual([
      {
        source: 'firm/haier',
        target: 'univ/ouc',
        type: 'COLLABORATES_WITH', // 合作
        properties: { weight: 2.5 },
        evidence: '海尔集团与中国海洋大学共建联合实验室。',
        origin: { file: 'edges.csv', line: 2 },
      },
      {
        source: 'talent/yuanshi', // the end as the data wrote it, resolved to the normalised id
        target: 'univ/ouc',
        type: 'PART_OF',
        properties: {},
        origin: { file: 'edges.csv', line: 3 },
      },
      {
        source: 'univ/ouc',
        target: 'firm/haier',
        type: 'SUPPORTS',
        properties: {},
        origin: { file: 'edges.csv', line: 4 },
      },
      {
        source: 'firm/formula',
        target: 'firm/haier',
        type: 'INVESTS_IN',
        properties: {},
        origin: { file: 'edges.csv', line: 5 },
      },
    ]);
    expect(set.unknownTypes).toEqual([]);
  });

  it('reads Chinese headers (编号, 类型, 名称, 英文名, 别名, 来源, 目标, 关系, 依据) and tells the pair apart by name', async () => {
    const set = await read([fixture('关系.csv'), fixture('节点.csv')]);
    expect(set.nodes).toEqual([
      {
        id: 'lab/marine',
        type: 'Lab',
        name_zh: '海洋药物重点实验室',
        name_en: 'Key Laboratory of Marine Drugs',
        aliases: ['海药实验室'],
        properties: { 年份: 2001, 所在地: '崂山区' },
        origin: { file: '节点.csv', line: 2 },
      },
      {
        id: 'park/sci',
        type: 'Park',
        name_zh: '崂山科技城',
        name_en: 'Laoshan Science City',
        aliases: [],
        properties: {},
        origin: { file: '节点.csv', line: 3 },
      },
    ]);
    expect(set.relations).toEqual([
      {
        source: 'lab/marine',
        target: 'park/sci',
        type: 'LOCATED_IN',
        properties: {},
        evidence: '实验室位于崂山科技城。',
        origin: { file: '关系.csv', line: 2 },
      },
    ]);
  });

  it('tells nodes from edges by their columns when the names do not say', async () => {
    const enc = new TextEncoder();
    const set = await read([
      { name: 'b.csv', bytes: enc.encode('来源,目标\nx,y\n') },
      { name: 'a.csv', bytes: enc.encode('id,name\nx,X\ny,Y\n') },
    ]);
    expect(set.nodes.map((n) => n.id)).toEqual(['x', 'y']);
    expect(set.relations.map((r) => [r.source, r.target, r.type])).toEqual([['x', 'y', 'RELATED_TO']]);
  });

  it('infers the nodes of an edges-only file from its ends, named by their ids; the "" mapping types the relations', async () => {
    const set = await read([fixture('coauthors.edges.csv')], {
      mapping: { relationTypes: { '': 'COLLABORATES_WITH' } },
    });
    expect(set.nodes).toEqual([
      {
        id: 'alice',
        originalId: 'Alice',
        type: 'Actor',
        name_en: 'Alice',
        aliases: [],
        properties: {},
        origin: { file: 'coauthors.edges.csv', line: 2 },
      },
      {
        id: 'bob',
        originalId: 'Bob',
        type: 'Actor',
        name_en: 'Bob',
        aliases: [],
        properties: {},
        origin: { file: 'coauthors.edges.csv', line: 2 },
      },
      {
        id: 'carol',
        originalId: 'Carol',
        type: 'Actor',
        name_en: 'Carol',
        aliases: [],
        properties: {},
        origin: { file: 'coauthors.edges.csv', line: 3 },
      },
      {
        id: 'wangxiaoming',
        originalId: '王小明',
        type: 'Actor',
        name_zh: '王小明',
        aliases: [],
        properties: {},
        origin: { file: 'coauthors.edges.csv', line: 4 },
      },
    ]);
    expect(set.relations.map((r) => `${r.source} ${r.type} ${r.target}`)).toEqual([
      'alice COLLABORATES_WITH bob',
      'bob COLLABORATES_WITH carol',
      'wangxiaoming COLLABORATES_WITH alice',
    ]);
    const untyped = await read([fixture('coauthors.edges.csv')], { mapping: { nodeTypes: { '': 'Talent' } } });
    expect(untyped.nodes.every((n) => n.type === 'Talent')).toBe(true);
    expect(untyped.relations.every((r) => r.type === 'RELATED_TO')).toBe(true);
  });

  it('reads GB18030, UTF-16LE and UTF-16BE with a BOM, and UTF-8 with a BOM, to the same records', async () => {
    const expected = (await read([fixture('节点.csv')])).nodes.map(({ origin: _o, ...n }) => n);
    for (const [name, encoding] of [
      ['nodes-gb18030.csv', 'gb18030'],
      ['nodes-utf16le.csv', 'utf-16le'],
      ['nodes-utf16be.csv', 'utf-16be'],
      ['nodes-utf8bom.csv', 'utf-8'],
    ] as const) {
      const set = await read([fixture(name)]);
      expect(set.files[0]!.encoding, name).toBe(encoding);
      expect(
        set.nodes.map(({ origin: _o, ...n }) => n),
        name,
      ).toEqual(expected);
    }
    const forced = await read([fixture('nodes-gb18030.csv')], { encoding: 'GBK' });
    expect(forced.files[0]!.encoding).toBe('gbk');
    expect(forced.nodes[0]!.name_zh).toBe('海洋药物重点实验室');
  });

  it("reads Gephi's CSV export (Id, Label; Source, Target, Type as direction, Weight)", async () => {
    const enc = new TextEncoder();
    const set = await read([
      {
        name: 'gephi-nodes.csv',
        bytes: enc.encode('Id,Label,timeset,modularity_class\n11,Valjean,,1\n48,Gavroche,,8\n'),
      },
      {
        name: 'gephi-edges.csv',
        bytes: enc.encode('Source,Target,Type,Id,Label,timeset,Weight\n11,48,Undirected,0,,,1.0\n'),
      },
    ]);
    expect(set.nodes.map((n) => [n.id, n.name_en, n.type, n.properties])).toEqual([
      ['11', 'Valjean', 'Actor', { modularity_class: 1 }],
      ['48', 'Gavroche', 'Actor', { modularity_class: 8 }],
    ]);
    expect(set.relations).toEqual([
      {
        id: '0',
        source: '11',
        target: '48',
        type: 'RELATED_TO',
        properties: { Weight: 1 },
        origin: { file: 'gephi-edges.csv', line: 2 },
      },
    ]);
  });

  it('reads tab- and semicolon-separated files, CRLF line ends and quoted line breaks', async () => {
    const enc = new TextEncoder();
    const set = await read([
      { name: 'nodes.tsv', bytes: enc.encode('id\tname\r\na\t"two\r\nlines"\r\nb\tB\r\n') },
      { name: 'edges.csv', bytes: enc.encode('source;target;type\r\na;b;hosts\r\n') },
    ]);
    expect(set.nodes.map((n) => [n.id, n.name_en, n.origin.line])).toEqual([
      ['a', 'two\r\nlines', 2],
      ['b', 'B', 4],
    ]);
    expect(set.relations.map((r) => [r.type, r.origin.line])).toEqual([['HOSTS', 2]]);
  });
});

describe('XLSX', () => {
  it('reads the 节点 and 关系 sheets, passes over a read-me sheet, and reads dates, rich text, links and formula results', async () => {
    const set = await read([fixture('ecosystem.xlsx')]);
    expect(set.files.map((f) => [f.format, f.encoding])).toEqual([['xlsx', undefined]]);
    expect(set.nodes).toEqual([
      {
        id: 'firm/haier',
        type: 'Firm',
        name_zh: '海尔集团',
        name_en: 'Haier Group',
        aliases: [],
        properties: { 成立日期: '1984-12-26', 员工数: 100000, 备注: '=1+1' },
        origin: { file: 'ecosystem.xlsx', line: 2, path: 'sheet "节点"' },
      },
      {
        id: 'univ/ouc',
        type: 'University',
        name_zh: '中国海洋大学',
        name_en: 'Ocean University of China',
        aliases: [],
        properties: { 员工数: 3000 },
        origin: { file: 'ecosystem.xlsx', line: 3, path: 'sheet "节点"' },
      },
    ]);
    expect(set.relations).toEqual([
      {
        source: 'firm/haier',
        target: 'univ/ouc',
        type: 'COLLABORATES_WITH',
        properties: {},
        evidence: '海尔与海大合作。',
        origin: { file: 'ecosystem.xlsx', line: 2, path: 'sheet "关系"' },
      },
    ]);
  });
});

describe('JSON', () => {
  it("reads the explorer's own export", async () => {
    const set = await read([fixture('export.json')]);
    expect(set.files[0]!.format).toBe('json');
    expect(set.nodes).toEqual([
      {
        id: 'firm/haier',
        type: 'Firm',
        name_zh: '海尔集团',
        name_en: 'Haier Group',
        aliases: [],
        properties: {},
        origin: { file: 'export.json', path: 'nodes[0]' },
      },
      {
        id: 'honor/top10',
        type: 'Honor',
        name_zh: '崂山区十强科技创新企业',
        aliases: [],
        properties: { year: 2023 },
        origin: { file: 'export.json', path: 'nodes[1]' },
      },
      {
        id: 'indicator/talent',
        type: 'Indicator',
        name_zh: '各类人才',
        name_en: 'Talent of all kinds',
        aliases: [],
        properties: { count: 230000, count_qualifier: 'more_than' },
        origin: { file: 'export.json', path: 'nodes[2]' },
      },
    ]);
    expect(set.relations).toEqual([
      {
        id: 'firm/haier~AWARDED~honor/top10',
        source: 'firm/haier',
        target: 'honor/top10',
        type: 'AWARDED',
        properties: {},
        origin: { file: 'export.json', path: 'edges[0]' },
      },
      {
        id: 'indicator/talent~MEASURES~firm/haier',
        source: 'indicator/talent',
        target: 'firm/haier',
        type: 'MEASURES',
        properties: {},
        origin: { file: 'export.json', path: 'edges[1]' },
      },
    ]);
  });

  it("reads graphology's serialisation: label as name, kind as type, drawing attributes left out, a node without label named by its key", async () => {
    const set = await read([fixture('graphology.json')]);
    expect(set.files[0]!.format).toBe('graphology-json');
    expect(set.nodes).toEqual([
      {
        id: 'a1',
        type: 'Talent', // "researcher"
        name_zh: '张伟',
        aliases: [],
        properties: { h_index: 12 },
        origin: { file: 'graphology.json', path: 'nodes[0]' },
      },
      {
        id: 'a2',
        type: 'Talent',
        name_en: 'Li Na',
        aliases: [],
        properties: { orcid: '0000-0002-1825-0097' },
        origin: { file: 'graphology.json', path: 'nodes[1]' },
      },
      {
        id: '3',
        type: 'Actor',
        name_en: '3',
        aliases: [],
        properties: {},
        origin: { file: 'graphology.json', path: 'nodes[2]' },
      },
    ]);
    expect(set.relations).toEqual([
      {
        id: 'e1',
        source: 'a1',
        target: 'a2',
        type: 'RELATED_TO',
        properties: { papers: 4 },
        origin: { file: 'graphology.json', path: 'edges[0]' },
      },
      {
        source: 'a2',
        target: '3',
        type: 'RELATED_TO',
        properties: {},
        origin: { file: 'graphology.json', path: 'edges[1]' },
      },
    ]);
  });
});

describe('GEXF', () => {
  it('reads labels as names, type attributes as types, declared types and defaults, lines and element paths', async () => {
    const set = await read([fixture('ecosystem.gexf')]);
    expect(set.files[0]!.format).toBe('gexf');
    expect(set.nodes).toEqual([
      {
        id: 'firm/haier',
        type: 'Firm',
        name_zh: '海尔集团',
        name_en: 'Haier Group',
        aliases: [],
        properties: { year: 1984, listed: true, tags: ['智能家居', '工业互联网'], score: 0.5 },
        origin: { file: 'ecosystem.gexf', line: 23, path: '/gexf/graph/nodes/node[1]' },
      },
      {
        id: 'univ/ouc',
        type: 'University',
        name_zh: '中国海洋大学',
        aliases: [],
        properties: { score: 0.9 },
        origin: { file: 'ecosystem.gexf', line: 34, path: '/gexf/graph/nodes/node[2]' },
      },
      {
        id: 'park/laoshan-science-city',
        originalId: 'Park/Laoshan Science City',
        type: 'Actor',
        name_en: 'Laoshan Science City',
        aliases: [],
        properties: { score: 0.5 },
        origin: { file: 'ecosystem.gexf', line: 40, path: '/gexf/graph/nodes/node[3]' },
      },
    ]);
    expect(set.relations).toEqual([
      {
        id: 'e1',
        source: 'firm/haier',
        target: 'univ/ouc',
        type: 'COLLABORATES_WITH',
        properties: { weight: 3, since: 2019 },
        origin: { file: 'ecosystem.gexf', line: 43, path: '/gexf/graph/edges/edge[1]' },
      },
      {
        id: 'e2',
        source: 'univ/ouc',
        target: 'park/laoshan-science-city',
        type: 'LOCATED_IN', // kind="located in"
        properties: {},
        origin: { file: 'ecosystem.gexf', line: 49, path: '/gexf/graph/edges/edge[2]' },
      },
    ]);
  });

  it('reads les-miserables.gexf (GEXF 1.2, malformed viz namespace): 77 nodes, 254 edges, as graphology-gexf does', async () => {
    const file = fixture('les-miserables.gexf');
    const set = await read([file]);
    expect(set.nodes).toHaveLength(77);
    expect(set.relations).toHaveLength(254);
    expect(set.nodes[0]).toEqual({
      id: '11',
      type: 'Actor',
      name_en: 'Valjean',
      aliases: [],
      properties: { modularity_class: 1 },
      origin: { file: 'les-miserables.gexf', line: 15, path: '/gexf/graph/nodes/node[1]' },
    });
    const graph = parseGexf(Graph, new TextDecoder().decode(file.bytes));
    expect(set.nodes.map((n) => [n.id, n.name_en, n.properties.modularity_class])).toEqual(
      graph.mapNodes((id, a) => [id, a.label, a.modularity_class]),
    );
    expect(
      set.relations.map((r) => [r.id, r.source, r.target, r.properties.weight, r.properties.cooccurrence]),
    ).toEqual(graph.mapEdges((id, a, s, t) => [id, s, t, a.weight, a.cooccurrence]));
  });

  it('reads power-grid.gexf (GEXF 1.3): 4,941 nodes and 6,594 edges', async () => {
    const set = await read([shared('power-grid.gexf')]);
    expect(set.nodes).toHaveLength(4941);
    expect(set.relations).toHaveLength(6594);
    expect(new Set(set.nodes.map((n) => n.type))).toEqual(new Set(['Actor']));
    expect(new Set(set.relations.map((r) => r.type))).toEqual(new Set(['RELATED_TO']));
  });
});

describe('GraphML', () => {
  it('reads keys with their types and defaults, category as type, and a yEd node label', async () => {
    const set = await read([fixture('ecosystem.graphml')]);
    expect(set.files[0]!.format).toBe('graphml');
    expect(set.nodes).toEqual([
      {
        id: 'inv/qdvc',
        type: 'Investor',
        name_zh: '青岛创投',
        aliases: ['青岛创业投资', 'QD VC'],
        properties: { founded: 2008 },
        origin: { file: 'ecosystem.graphml', line: 13, path: '/graphml/graph/node[1]' },
      },
      {
        id: 'firm/startup',
        type: 'Firm', // "companies"
        name_zh: '蓝色科技',
        aliases: [],
        properties: {},
        origin: { file: 'ecosystem.graphml', line: 19, path: '/graphml/graph/node[2]' },
      },
    ]);
    expect(set.relations).toEqual([
      {
        source: 'inv/qdvc',
        target: 'firm/startup',
        type: 'INVESTS_IN',
        properties: { amount: 12.5 },
        origin: { file: 'ecosystem.graphml', line: 27, path: '/graphml/graph/edge[1]' },
      },
      {
        id: 'x2',
        source: 'firm/startup',
        target: 'inv/qdvc',
        type: 'TAKES_PART_IN',
        properties: { amount: 0 },
        origin: { file: 'ecosystem.graphml', line: 31, path: '/graphml/graph/edge[2]' },
      },
    ]);
  });
});

describe('the real co-authorship file', () => {
  it('reads ca-grqc.edges.csv: 5,241 researchers and 14,484 undirected ties, no self-loops, no duplicates', async () => {
    const set = await read([shared('ca-grqc.edges.csv')], {
      mapping: { nodeTypes: { '': 'Talent' }, relationTypes: { '': 'COLLABORATES_WITH' } },
    });
    expect(set.nodes).toHaveLength(5241);
    expect(set.relations).toHaveLength(14484);
    expect(set.nodes.every((n) => n.type === 'Talent' && n.name_en === n.id)).toBe(true);
    expect(set.relations.every((r) => r.type === 'COLLABORATES_WITH' && r.source !== r.target)).toBe(true);
  });
});

describe('detection', () => {
  it('goes by the content where the extension says nothing, and by the extension for the rest', async () => {
    const enc = new TextEncoder();
    const gexf = readFileSync(fileURLToPath(new URL('./fixtures/ecosystem.gexf', import.meta.url)));
    const set = await read([{ name: 'graph.xml', bytes: gexf }]);
    expect(set.files[0]!.format).toBe('gexf');
    const json = await read([{ name: 'upload', bytes: enc.encode('{"nodes":[{"id":"a","name_en":"A"}]}') }]);
    expect(json.files[0]!.format).toBe('json');
    const csv = await read([{ name: 'upload', bytes: enc.encode('id,name\na,A\n') }]);
    expect(csv.files[0]!.format).toBe('csv');
    const xlsx = await read([{ name: 'upload', bytes: fixture('ecosystem.xlsx').bytes }]);
    expect(xlsx.files[0]!.format).toBe('xlsx');
  });
});

// readImport on broken input: each case asserts the exact problems (file, line or path, field,
// reason), all of a file's problems at once, and nothing thrown.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportProblem, ImportSet, InputFile, ReadOptions } from './model.ts';
import { readImport } from './read.ts';
import { formatProblem } from './validate.ts';

const enc = new TextEncoder();
const text = (name: string, content: string): InputFile => ({ name, bytes: enc.encode(content) });
const bytes = (name: string, content: ArrayLike<number>): InputFile => ({ name, bytes: Uint8Array.from(content) });
const fixtureBytes = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));

async function problems(files: InputFile[], options?: ReadOptions): Promise<ImportProblem[]> {
  return (await readImport(files, options)).problems;
}

async function xlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const NODES = 'id,name\na,A\nb,B\n';

describe('bytes and encodings', () => {
  it('an empty file', async () => {
    expect(await problems([bytes('nodes.csv', [])])).toEqual([{ file: 'nodes.csv', message: 'is empty (0 bytes)' }]);
  });

  it('a file of white space only', async () => {
    expect(await problems([text('nodes.csv', ' \n\r\n  ')])).toEqual([
      { file: 'nodes.csv', message: 'is empty (only white space)' },
    ]);
  });

  it('GB18030 read as UTF-8: byte offset, line, and the encoding to try', async () => {
    // An ASCII header over the GB18030 fixture's rows: the first Chinese byte is on line 2.
    const gb = fixtureBytes('nodes-gb18030.csv');
    const header = enc.encode('id,type,name,name_en,aliases,year,place\n');
    const file = { name: 'nodes.csv', bytes: new Uint8Array([...header, ...gb.subarray(gb.indexOf(0x0a) + 1)]) };
    expect(header.length + 'lab/marine,'.length).toBe(51);
    expect(await problems([file], { encoding: 'utf-8' })).toEqual([
      {
        file: 'nodes.csv',
        line: 2,
        message: 'byte 51 is not valid UTF-8 (--encoding utf-8); it looks like GB18030: try --encoding gb18030',
      },
    ]);
    // Detected, it reads.
    const set = await readImport([file]);
    expect([set.problems, set.files[0]!.encoding, set.nodes[0]!.name_zh]).toEqual([
      [],
      'gb18030',
      '海洋药物重点实验室',
    ]);
  });

  it('GB18030 in an XML file that declares UTF-8', async () => {
    const gexf = new Uint8Array([
      ...enc.encode('<?xml version="1.0" encoding="UTF-8"?>\n<gexf><graph><nodes><node id="a" label="'),
      ...[0xba, 0xa3, 0xb6, 0xfb], // 海尔 in GB18030
      ...enc.encode('"/></nodes></graph></gexf>'),
    ]);
    expect(await problems([{ name: 'g.gexf', bytes: gexf }])).toEqual([
      {
        file: 'g.gexf',
        line: 2,
        message:
          'byte 79 is not valid UTF-8 (as its XML declaration says); it looks like GB18030: try --encoding gb18030',
      },
    ]);
  });

  it('UTF-16 without a byte-order mark', async () => {
    const utf16 = fixtureBytes('nodes-utf16le.csv').subarray(2);
    expect(await problems([{ name: 'nodes.csv', bytes: utf16 }])).toEqual([
      { file: 'nodes.csv', line: 1, message: 'looks like UTF-16LE without a byte-order mark: try --encoding utf-16le' },
    ]);
    // Given its encoding, it reads.
    const set = await readImport([{ name: 'nodes.csv', bytes: utf16 }], { encoding: 'utf-16le' });
    expect([set.problems, set.nodes.length]).toEqual([[], 2]);
  });

  it('bytes that are neither UTF-8 nor GB18030', async () => {
    expect(await problems([bytes('nodes.csv', [0x69, 0x64, 0x0a, 0xff, 0xfe, 0xfd, 0x80, 0x0a])])).toEqual([
      {
        file: 'nodes.csv',
        line: 2,
        message:
          'byte 3 is not valid UTF-8, and the file does not read as GB18030 either: give its encoding with --encoding',
      },
    ]);
  });

  it('an encoding that contradicts the byte-order mark', async () => {
    expect(
      await problems([{ name: 'nodes.csv', bytes: fixtureBytes('nodes-utf16le.csv') }], { encoding: 'gb18030' }),
    ).toEqual([
      {
        file: 'nodes.csv',
        line: 1,
        message: 'starts with a UTF-16LE byte-order mark, but --encoding gb18030 was given',
      },
    ]);
  });

  it('an encoding that does not exist', async () => {
    expect(await problems([text('nodes.csv', NODES)], { encoding: 'klingon' })).toEqual([
      {
        file: 'nodes.csv',
        message: '--encoding "klingon" is not an encoding (use utf-8, utf-16le, utf-16be, gb18030 or gbk)',
      },
    ]);
  });

  it('a NUL character: not a text file', async () => {
    expect(await problems([text('nodes.csv', 'id,name\na,b\u0000c\n')])).toEqual([
      { file: 'nodes.csv', line: 2, message: 'holds a NUL character (at character 11): it is not a text file' },
    ]);
  });

  it('two files of the same name', async () => {
    expect(await problems([text('nodes.csv', NODES), text('nodes.csv', NODES)])).toEqual([
      { file: 'nodes.csv', message: 'is given twice (two files of one import need different names)' },
    ]);
  });
});

describe('CSV', () => {
  it('a nodes file without an id column', async () => {
    expect(await problems([text('nodes.csv', 'name,type\nHaier,Firm\n')])).toEqual([
      { file: 'nodes.csv', line: 1, field: 'id', message: 'the nodes table has no id column (id, 编号)' },
    ]);
  });

  it('a nodes file without a name column', async () => {
    expect(await problems([text('nodes.csv', 'id,type\nhaier,Firm\n')])).toEqual([
      {
        file: 'nodes.csv',
        line: 1,
        field: 'name',
        message: 'the nodes table has no name column (name, name_zh, name_en, 名称, 中文名, 英文名)',
      },
    ]);
  });

  it('an edges file without a target column', async () => {
    expect(await problems([text('nodes.csv', NODES), text('edges.csv', 'source,type\na,SUPPORTS\n')])).toEqual([
      { file: 'edges.csv', line: 1, field: 'target', message: 'the edges table has no target column (target, 目标)' },
    ]);
  });

  it('a header and no rows', async () => {
    expect(await problems([text('nodes.csv', 'id,name\n')])).toEqual([
      { file: 'nodes.csv', line: 1, message: 'has a header but no data rows' },
    ]);
  });

  it('a column given twice, in two languages', async () => {
    expect(await problems([text('nodes.csv', 'id,name,编号\na,A,b\n')])).toEqual([
      { file: 'nodes.csv', line: 1, field: '编号', message: 'columns "id" and "编号" both mean id (columns 1 and 3)' },
    ]);
  });

  it('a row with more cells than columns (an unquoted comma)', async () => {
    expect(await problems([text('nodes.csv', 'id,name\na,Haier, Inc\n')])).toEqual([
      {
        file: 'nodes.csv',
        line: 2,
        message: 'has 3 cells but the header names 2 columns (a value with a delimiter that is not quoted?)',
      },
    ]);
  });

  it('a value under no header', async () => {
    expect(await problems([text('nodes.csv', 'id,,name\na,x,A\n')])).toEqual([
      { file: 'nodes.csv', line: 2, message: 'has a value in column 2, which has no header' },
    ]);
  });

  it('a quote never closed: reported, and the next line read', async () => {
    const set = await readImport([text('nodes.csv', 'id,name\na,"Haier\nb,B\n')]);
    expect(set.problems).toEqual([{ file: 'nodes.csv', line: 2, message: 'has a quoted value that is never closed' }]);
    expect(set.nodes.map((n) => n.id)).toEqual(['b']);
  });

  it('text after a closing quote', async () => {
    expect(await problems([text('nodes.csv', 'id,name\na,"Haier" Group\n')])).toEqual([
      { file: 'nodes.csv', line: 2, message: 'has text after a closing quote: " Group"' },
    ]);
  });

  it('a 50 MB line: reported quickly, without a crash, and the lines around it read', async () => {
    const big = 'x'.repeat(50 * 1024 * 1024);
    const file = text('nodes.csv', `id,name\na,A\nb,${big}\nc,C\n`);
    const started = performance.now();
    const set = await readImport([file]);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(set.problems).toEqual([
      { file: 'nodes.csv', line: 3, message: 'is longer than 1,048,576 characters (the limit of one record)' },
    ]);
    expect(set.nodes.map((n) => n.id)).toEqual(['a', 'c']);
  });

  it('a 50 MB quoted value never closed', async () => {
    const file = text('nodes.csv', `id,name\na,"${'x'.repeat(50 * 1024 * 1024)}\n`);
    expect(await problems([file])).toEqual([
      {
        file: 'nodes.csv',
        line: 2,
        message:
          'is longer than 1,048,576 characters (the limit of one record); a quoted value opened on this line is never closed',
      },
    ]);
  });

  it('more than 1,000,000 rows', async () => {
    // A header without id and name columns: the rows are counted, not read (the test stays fast).
    const file = text('nodes.csv', `notes\n${'x\n'.repeat(1_000_001)}`);
    expect(await problems([file])).toEqual([
      { file: 'nodes.csv', line: 1, field: 'id', message: 'the nodes table has no id column (id, 编号)' },
      {
        file: 'nodes.csv',
        line: 1,
        field: 'name',
        message: 'the nodes table has no name column (name, name_zh, name_en, 名称, 中文名, 英文名)',
      },
      {
        file: 'nodes.csv',
        line: 1_000_002,
        message: 'has more than 1,000,000 rows (the limit); this row and those after it are not read',
      },
    ]);
  });

  it('more than 1,000 problems in a file: the first 1,000 listed, the rest counted', async () => {
    const file = text('nodes.csv', `id,name\n${Array.from({ length: 1500 }, (_, i) => `n${i},`).join('\n')}`);
    const listed = await problems([file]);
    expect(listed).toHaveLength(1001);
    expect(listed[999]).toEqual({
      file: 'nodes.csv',
      line: 1001,
      field: 'name',
      message: 'is empty: a node needs a name (name, name_zh or name_en)',
    });
    expect(listed[1000]).toEqual({
      file: 'nodes.csv',
      message: '500 more problems in this file are not listed (the first 1,000 are)',
    });
  });
});

describe('records', () => {
  it('duplicate node ids', async () => {
    expect(await problems([text('nodes.csv', 'id,name\na,A\nb,B\na,A again\n')])).toEqual([
      { file: 'nodes.csv', line: 4, field: 'id', message: 'duplicate id "a": nodes.csv:2 has it too' },
    ]);
  });

  it('duplicate node ids across files', async () => {
    expect(await problems([text('nodes.csv', NODES), text('more-nodes.csv', 'id,name\nb,B2\n')])).toEqual([
      { file: 'more-nodes.csv', line: 2, field: 'id', message: 'duplicate id "b": nodes.csv:3 has it too' },
    ]);
  });

  it('two ids that normalise to one', async () => {
    expect(
      await problems([text('nodes.csv', 'id,name\nfirm/haier,Haier\nFirm/Haier,Haier 2\nFirm/Haier!,Haier 3\n')]),
    ).toEqual([
      {
        file: 'nodes.csv',
        line: 3,
        field: 'id',
        message:
          'id "Firm/Haier" becomes "firm/haier", as "firm/haier" at nodes.csv:2 does (ids must stay distinct after normalisation)',
      },
      {
        file: 'nodes.csv',
        line: 4,
        field: 'id',
        message:
          'id "Firm/Haier!" becomes "firm/haier", as "firm/haier" at nodes.csv:2 does (ids must stay distinct after normalisation)',
      },
    ]);
  });

  it('an empty id and an empty name', async () => {
    expect(await problems([text('nodes.csv', 'id,name_zh,name_en\na,,\n,B,\n')])).toEqual([
      {
        file: 'nodes.csv',
        line: 2,
        field: 'name_zh, name_en',
        message: 'is empty: a node needs a name (name, name_zh or name_en)',
      },
      { file: 'nodes.csv', line: 3, field: 'id', message: 'is empty: every node needs an id' },
    ]);
  });

  it('relations whose ends do not exist, with the id that was probably meant', async () => {
    expect(
      await problems([
        text('nodes.csv', 'id,name\nFirm/Haier,Haier\nb,B\n'),
        text('edges.csv', 'source,target\nfirm/haier,b\nb,c\n,b\n'),
      ]),
    ).toEqual([
      {
        file: 'edges.csv',
        line: 2,
        field: 'source',
        message: 'no node has the id "firm/haier" (did you mean "Firm/Haier" at nodes.csv:2?)',
      },
      { file: 'edges.csv', line: 3, field: 'target', message: 'no node has the id "c"' },
      { file: 'edges.csv', line: 4, field: 'source', message: 'is empty: every relation needs a source' },
    ]);
  });

  it('the same relation twice, the same undirected tie both ways, a self-loop', async () => {
    const set = await readImport([
      text('nodes.csv', NODES),
      text(
        'edges.csv',
        'source,target,type\na,b,SUPPORTS\na,b,SUPPORTS\nb,a,COLLABORATES_WITH\na,b,合作\na,a,SUPPORTS\n',
      ),
    ]);
    expect(set.problems).toEqual([
      {
        file: 'edges.csv',
        line: 3,
        field: 'source, target',
        message: 'repeats the SUPPORTS relation from "a" to "b" of edges.csv:2 (give each an id to keep both)',
      },
      {
        file: 'edges.csv',
        line: 5,
        field: 'source, target',
        message:
          'repeats the COLLABORATES_WITH tie between "a" and "b" of edges.csv:4 (COLLABORATES_WITH has no direction: A–B and B–A are one tie; give each an id to keep both)',
      },
      { file: 'edges.csv', line: 6, field: 'source, target', message: 'relates "a" to itself (a self-loop)' },
    ]);
    expect(set.relations).toHaveLength(2);
  });

  it('the same relation twice with distinct ids is two relations; the same id twice is a problem', async () => {
    const set = await readImport([
      text('nodes.csv', NODES),
      text('edges.csv', 'id,source,target,type\nr1,a,b,SUPPORTS\nr2,a,b,SUPPORTS\nr1,b,a,SUPPORTS\n'),
    ]);
    expect(set.problems).toEqual([
      { file: 'edges.csv', line: 4, field: 'id', message: 'duplicate relation id "r1": edges.csv:2 has it too' },
    ]);
    expect(set.relations.map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('unknown types, with the closest known ones, counted per value', async () => {
    const set = await readImport([
      text('nodes.csv', 'id,name,type\na,A,Frim\nb,B,Frim\nc,C,Universty\n'),
      text('edges.csv', 'source,target,relation\na,b,invested by\n'),
    ]);
    expect(set.problems).toEqual([
      {
        file: 'nodes.csv',
        line: 2,
        field: 'type',
        message:
          'unknown node type "Frim" (2 records, the first here); closest: Firm, Indicator, Programme; map it onto a node type',
      },
      {
        file: 'nodes.csv',
        line: 4,
        field: 'type',
        message:
          'unknown node type "Universty" (1 record); closest: University, Investor, Firm; map it onto a node type',
      },
      {
        file: 'edges.csv',
        line: 2,
        field: 'relation',
        message:
          'unknown relation type "invested by" (1 record); closest: INVESTS_IN, ISSUED, PRESENTED_AT; map it onto a relation type',
      },
    ]);
    expect(set.unknownTypes).toEqual([
      { kind: 'node', value: 'Frim', count: 2, suggestions: ['Firm', 'Indicator', 'Programme'] },
      { kind: 'node', value: 'Universty', count: 1, suggestions: ['University', 'Investor', 'Firm'] },
      { kind: 'relation', value: 'invested by', count: 1, suggestions: ['INVESTS_IN', 'ISSUED', 'PRESENTED_AT'] },
    ]);
    // Read as the generic types meanwhile, so that the relation's ends still resolve.
    expect(set.nodes.map((n) => n.type)).toEqual(['Actor', 'Actor', 'Actor']);
    // A mapping resolves them.
    const mapped = await readImport([text('nodes.csv', 'id,name,type\na,A,Frim\nb,B,Frim\nc,C,Universty\n')], {
      mapping: { nodeTypes: { frim: 'Firm', Universty: '高校' } },
    });
    expect([mapped.problems, mapped.unknownTypes, mapped.nodes.map((n) => n.type)]).toEqual([
      [],
      [],
      ['Firm', 'Firm', 'University'],
    ]);
  });

  it('a mapping onto types that do not exist', async () => {
    expect(
      await problems([text('nodes.csv', NODES)], {
        mapping: { nodeTypes: { x: 'Company!' }, relationTypes: { '': 'Collab' } },
      }),
    ).toEqual([
      {
        file: 'mapping',
        field: 'mapping.nodeTypes["x"]',
        message: 'maps to "Company!", which is not a node type (closest: Firm, Event, District)',
      },
      {
        file: 'mapping',
        field: 'mapping.relationTypes[""]',
        message: 'maps to "Collab", which is not a relation type (closest: COLLABORATES_WITH, LOCATED_IN, BUILDS)',
      },
    ]);
  });

  it('wrong value types: year, count, value', async () => {
    expect(
      await problems([text('nodes.csv', 'id,name,year,count,value\na,A,20x9,many,abc\nb,B,1700,-1,1e3\n')]),
    ).toEqual([
      { file: 'nodes.csv', line: 2, field: 'year', message: '"20x9" is not a year (a whole number from 1800 to 2999)' },
      { file: 'nodes.csv', line: 2, field: 'count', message: '"many" is not a count (a whole number, 0 or more)' },
      { file: 'nodes.csv', line: 2, field: 'value', message: '"abc" is not a number' },
      { file: 'nodes.csv', line: 3, field: 'year', message: '"1700" is not a year (a whole number from 1800 to 2999)' },
      { file: 'nodes.csv', line: 3, field: 'count', message: '"-1" is not a count (a whole number, 0 or more)' },
    ]);
  });

  it('a value over 10,000 characters', async () => {
    expect(await problems([text('nodes.csv', `id,name,note\na,A,${'长'.repeat(10_001)}\n`)])).toEqual([
      { file: 'nodes.csv', line: 2, field: 'note', message: 'is longer than 10,000 characters (10,001)' },
    ]);
  });

  it('an over-long name is reported once (not also as empty)', async () => {
    expect(await problems([text('nodes.csv', `id,name\na,${'x'.repeat(10_001)}\n`)])).toEqual([
      { file: 'nodes.csv', line: 2, field: 'name', message: 'is longer than 10,000 characters (10,001)' },
    ]);
  });

  it('a property named like a field computed at load', async () => {
    expect(await problems([text('nodes.csv', 'id,name,pinyin\na,A,x\n')])).toEqual([
      {
        file: 'nodes.csv',
        line: 2,
        field: 'pinyin',
        message: 'is a reserved name (a field of every node, or computed at load); rename it',
      },
    ]);
  });

  it('one file with three different problems: all three at once', async () => {
    expect(
      await problems([text('nodes.csv', 'id,name,type,year\na,,Firm,2020\nb,B,Firma,2020\nc,C,Firm,MMXX\n')]),
    ).toEqual([
      {
        file: 'nodes.csv',
        line: 2,
        field: 'name',
        message: 'is empty: a node needs a name (name, name_zh or name_en)',
      },
      {
        file: 'nodes.csv',
        line: 3,
        field: 'type',
        message: 'unknown node type "Firma" (1 record); closest: Firm, Industry, District; map it onto a node type',
      },
      { file: 'nodes.csv', line: 4, field: 'year', message: '"MMXX" is not a year (a whole number from 1800 to 2999)' },
    ]);
  });
});

describe('XML', () => {
  it('malformed XML: the line and column of the first error', async () => {
    expect(
      await problems([
        text('g.gexf', '<gexf>\n<graph>\n<nodes>\n<node id="a" label="A">\n</nodes>\n</graph>\n</gexf>\n'),
      ]),
    ).toEqual([
      { file: 'g.gexf', line: 5, message: 'is not well-formed XML: unexpected close tag at line 5, column 8' },
    ]);
  });

  it('truncated XML (les-miserables.gexf cut at 30,000 bytes)', async () => {
    const cut = fixtureBytes('les-miserables.gexf').subarray(0, 30_000);
    const set = await readImport([{ name: 'les.gexf', bytes: cut }]);
    expect(set.problems).toEqual([
      {
        file: 'les.gexf',
        line: 866,
        message: 'is not well-formed XML: unclosed tag: attvalues at line 866, column 9 (the file may be truncated)',
      },
    ]);
    expect([set.nodes.length, set.relations.length]).toEqual([0, 0]);
  });

  it('text that is not XML in a .gexf file', async () => {
    expect(await problems([text('g.gexf', 'hello')])).toEqual([
      {
        file: 'g.gexf',
        line: 1,
        message: 'is not well-formed XML: text data outside of root node at line 1, column 5',
      },
    ]);
  });

  it('an entity XML does not define', async () => {
    expect(await problems([text('g.graphml', '<graphml><graph><node id="a&nbsp;"/></graph></graphml>')])).toEqual([
      { file: 'g.graphml', line: 1, message: 'is not well-formed XML: undefined entity at line 1, column 33' },
    ]);
  });

  it('XML that is neither GEXF nor GraphML', async () => {
    expect(await problems([text('g.xml', '<?xml version="1.0"?><svg/>')])).toEqual([
      { file: 'g.xml', line: 1, message: 'is XML, but its root element <svg> is neither <gexf> nor <graphml>' },
    ]);
  });

  it('GEXF: a value that is not of its declared type', async () => {
    const gexf = `<gexf><graph>
<attributes class="node"><attribute id="0" title="rank" type="integer"/><attribute id="1" title="ok" type="boolean"/></attributes>
<nodes>
<node id="a" label="A"><attvalues><attvalue for="0" value="abc"/><attvalue for="1" value="maybe"/></attvalues></node>
</nodes></graph></gexf>`;
    expect(await problems([text('g.gexf', gexf)])).toEqual([
      {
        file: 'g.gexf',
        line: 4,
        path: '/gexf/graph/nodes/node[1]',
        field: 'rank',
        message: '"abc" is not an integer (declared integer)',
      },
      {
        file: 'g.gexf',
        line: 4,
        path: '/gexf/graph/nodes/node[1]',
        field: 'ok',
        message: '"maybe" is not true or false (declared boolean)',
      },
    ]);
  });

  it('GEXF: a duplicate node, an edge to a missing node, a bad weight', async () => {
    const gexf = `<gexf><graph><nodes>
<node id="a" label="A"/>
<node id="a" label="A2"/>
<node id="b"/>
</nodes><edges>
<edge source="a" target="zz"/>
<edge source="a" target="b" weight="heavy"/>
</edges></graph></gexf>`;
    expect(await problems([text('g.gexf', gexf)])).toEqual([
      {
        file: 'g.gexf',
        line: 3,
        path: '/gexf/graph/nodes/node[2]',
        field: 'id',
        message: 'duplicate id "a": g.gexf:2 has it too',
      },
      {
        file: 'g.gexf',
        line: 6,
        path: '/gexf/graph/edges/edge[1]',
        field: 'target',
        message: 'no node has the id "zz"',
      },
      {
        file: 'g.gexf',
        line: 7,
        path: '/gexf/graph/edges/edge[2]',
        field: 'weight',
        message: '"heavy" is not a number',
      },
    ]);
  });

  it('GraphML: a hyperedge, an int that is not one, a node without id', async () => {
    const graphml = `<graphml>
<key id="k" for="node" attr.name="founded" attr.type="int"/>
<graph>
<node id="a"><data key="k">1990s</data></node>
<node/>
<hyperedge><endpoint node="a"/></hyperedge>
</graph></graphml>`;
    expect(await problems([text('g.graphml', graphml)])).toEqual([
      {
        file: 'g.graphml',
        line: 4,
        path: '/graphml/graph/node[1]',
        field: 'founded',
        message: '"1990s" is not an integer (declared int)',
      },
      {
        file: 'g.graphml',
        line: 5,
        path: '/graphml/graph/node[2]',
        field: 'id',
        message: 'is missing: every node needs an id',
      },
      {
        file: 'g.graphml',
        line: 6,
        path: '/graphml/graph/hyperedge[1]',
        message: 'is a hyperedge; only edges between two nodes can be imported',
      },
    ]);
  });
});

describe('JSON', () => {
  it('truncated JSON', async () => {
    expect(await problems([text('g.json', '{"nodes": [{"id": "a", "name_en": "A"},\n  {"id": "b", ')])).toEqual([
      { file: 'g.json', line: 2, message: 'is not valid JSON: it ends too early (a truncated file?)' },
    ]);
  });

  it('a syntax error: line and column', async () => {
    expect(await problems([text('g.json', '{"nodes": [{"id": "a",, "name_en": "A"}]}')])).toEqual([
      {
        file: 'g.json',
        line: 1,
        message: 'is not valid JSON: Expected double-quoted property name (line 1, column 23)',
      },
    ]);
  });

  it('JSON of the wrong shape: a list', async () => {
    expect(await problems([text('g.json', '[{"id": "a"}]')])).toEqual([
      {
        file: 'g.json',
        path: '$',
        message:
          'is JSON of another shape (found a list): expected an object with a "nodes" list, as the explorer\'s export or graphology\'s serialisation has',
      },
    ]);
  });

  it('JSON of the wrong shape: nodes as an object', async () => {
    expect(await problems([text('g.json', '{"nodes": {"a": 1}}')])).toEqual([
      {
        file: 'g.json',
        path: 'nodes',
        message:
          'is JSON of another shape (found "nodes" as an object): expected an object with a "nodes" list, as the explorer\'s export or graphology\'s serialisation has',
      },
    ]);
  });

  it('records of the wrong shape: a string node, a node without id, an edge without target, an object value', async () => {
    expect(
      await problems([
        text(
          'g.json',
          '{"nodes": ["a", {"name_en": "B"}, {"id": "c", "name_en": "C", "meta": {"x": 1}}], "edges": [{"source": "c"}]}',
        ),
      ]),
    ).toEqual([
      { file: 'g.json', path: 'nodes[0]', message: 'is not an object (found string "a")' },
      { file: 'g.json', path: 'nodes[1]', field: 'id', message: 'is missing: every node needs an id' },
      {
        file: 'g.json',
        path: 'nodes[2]',
        field: 'meta',
        message: 'is an object; a property holds text, a number, true/false or a list of text',
      },
      { file: 'g.json', path: 'edges[0]', field: 'target', message: 'is missing: every relation needs a target' },
    ]);
  });

  it('graphology JSON whose attributes are not an object', async () => {
    expect(await problems([text('g.json', '{"nodes": [{"key": "a", "attributes": 5}], "edges": []}')])).toEqual([
      { file: 'g.json', path: 'nodes[0]', field: 'attributes', message: 'is not an object (found number 5)' },
    ]);
  });
});

describe('XLSX', () => {
  it('a workbook with no sheet of nodes or edges', async () => {
    const book = await xlsx((w) => {
      w.addWorksheet('Sheet1').addRow(['notes', 'more notes']);
      w.addWorksheet('Summary');
    });
    expect(await problems([{ name: 'book.xlsx', bytes: book }])).toEqual([
      {
        file: 'book.xlsx',
        message:
          'has no sheet of nodes or edges (sheets: "Sheet1", "Summary"): name them nodes and edges (节点, 关系), or give them id and name, or source and target columns',
      },
    ]);
  });

  it('a nodes sheet without a name column, and a cell holding a spreadsheet error', async () => {
    const book = await xlsx((w) => {
      const nodes = w.addWorksheet('nodes');
      nodes.addRow(['id', 'type']);
      nodes.addRow(['a', 'Firm']);
      const edges = w.addWorksheet('edges');
      edges.addRow(['source', 'target', 'weight']);
      edges.addRow(['a', 'a', { formula: '1/0', result: { error: '#DIV/0!' } }]);
    });
    expect(await problems([{ name: 'book.xlsx', bytes: book }])).toEqual([
      {
        file: 'book.xlsx',
        line: 1,
        path: 'sheet "nodes"',
        field: 'name',
        message: 'the nodes table has no name column (name, name_zh, name_en, 名称, 中文名, 英文名)',
      },
      {
        file: 'book.xlsx',
        line: 2,
        path: 'sheet "edges"',
        field: 'weight',
        message: 'holds the spreadsheet error #DIV/0!',
      },
      { file: 'book.xlsx', line: 2, path: 'sheet "edges"', field: 'source', message: 'no node has the id "a"' },
      { file: 'book.xlsx', line: 2, path: 'sheet "edges"', field: 'target', message: 'no node has the id "a"' },
    ]);
  });

  it('bytes that are not a workbook, named .xlsx', async () => {
    expect(await problems([text('book.xlsx', 'id,name\na,A\n')])).toEqual([
      {
        file: 'book.xlsx',
        message: 'is not an XLSX workbook: an XLSX file is a ZIP archive, and these bytes do not start as one',
      },
    ]);
  });

  it('a damaged ZIP archive', async () => {
    expect(await problems([bytes('book.xlsx', [0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8])])).toEqual([
      {
        file: 'book.xlsx',
        message: "is not a readable XLSX workbook (Corrupted zip: can't find end of central directory)",
      },
    ]);
  });

  it('an Excel 97–2003 workbook', async () => {
    expect(await problems([bytes('book.xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])])).toEqual([
      { file: 'book.xls', message: 'is an Excel 97–2003 workbook (.xls): save it as .xlsx or CSV' },
    ]);
  });
});

describe('messages', () => {
  it('formats a problem as the CLI prints it', () => {
    expect(
      formatProblem({ file: 'nodes.csv', line: 4, field: 'id', message: 'duplicate id "a": nodes.csv:2 has it too' }),
    ).toBe('nodes.csv:4 field "id": duplicate id "a": nodes.csv:2 has it too');
    expect(
      formatProblem({ file: 'g.gexf', line: 7, path: '/gexf/graph/edges/edge[2]', field: 'weight', message: 'x' }),
    ).toBe('g.gexf:7 /gexf/graph/edges/edge[2] field "weight": x');
  });

  it('never throws on random bytes', async () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0), seed);
    for (const name of ['x.csv', 'x.json', 'x.gexf', 'x.graphml', 'x.xlsx', 'x']) {
      for (let i = 0; i < 20; i++) {
        const data = Uint8Array.from({ length: 1 + (random() % 300) }, () => random() & 0xff);
        const set: ImportSet = await readImport([{ name, bytes: data }]);
        expect(set.problems.length, name).toBeGreaterThan(0);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { parseCsv, roleByName, sniffDelimiter } from './csv.ts';

function split(text: string, delimiter = ','): { rows: [number, string[]][]; problems: [number, string][] } {
  const rows: [number, string[]][] = [];
  const problems: [number, string][] = [];
  parseCsv(text, delimiter, {
    row: (cells, line) => (rows.push([line, cells]), true),
    problem: (line, message) => problems.push([line, message]),
  });
  return { rows, problems };
}

describe('parseCsv', () => {
  it("reads a formula made inert by a leading apostrophe as its text (the export's own cells)", () => {
    expect(split(`name,n\n"'=HYPERLINK(""x"")",'-5\n'plain,'+\n`).rows).toEqual([
      [1, ['name', 'n']],
      [2, ['=HYPERLINK("x")', '-5']],
      [3, ["'plain", '+']],
    ]);
  });

  it('splits RFC 4180 records: quotes, doubled quotes, quoted delimiters and line breaks', () => {
    expect(split('a,b\n"x, y","say ""hi"""\n"multi\nline",z\r\nlast,')).toEqual({
      rows: [
        [1, ['a', 'b']],
        [2, ['x, y', 'say "hi"']],
        [3, ['multi\nline', 'z']],
        [5, ['last', '']],
      ],
      problems: [],
    });
  });

  it('skips blank lines but keeps their count, and reads a last line without a line break', () => {
    expect(split('a\n\n\nb').rows).toEqual([
      [1, ['a']],
      [4, ['b']],
    ]);
    expect(split('a\r\rb').rows).toEqual([
      [1, ['a']],
      [3, ['b']],
    ]);
  });

  it('keeps formula-looking cells as text', () => {
    expect(split('=1+1,+2,-3,@x').rows).toEqual([[1, ['=1+1', '+2', '-3', '@x']]]);
  });

  it('stops when the reader says so', () => {
    const rows: string[][] = [];
    parseCsv('a\nb\nc\n', ',', { row: (cells) => rows.push(cells) < 2, problem: () => undefined });
    expect(rows).toEqual([['a'], ['b']]);
  });
});

describe('file roles and delimiters', () => {
  it('tells nodes and edges files by name', () => {
    expect(['nodes.csv', 'my-nodes.csv', '节点.csv', 'vertices.tsv'].map(roleByName)).toEqual([
      'nodes',
      'nodes',
      'nodes',
      'nodes',
    ]);
    expect(['edges.csv', 'ca-grqc.edges.csv', '关系表.csv', 'links.csv', 'relations.csv'].map(roleByName)).toEqual([
      'edges',
      'edges',
      'edges',
      'edges',
      'edges',
    ]);
    expect(['data.csv', 'knowledge.csv', 'Sheet1'].map(roleByName)).toEqual([undefined, undefined, undefined]);
  });

  it('sniffs the delimiter from the header', () => {
    expect(sniffDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(sniffDelimiter('a\tb\n')).toBe('\t');
    expect(sniffDelimiter('a,b\n')).toBe(',');
    expect(sniffDelimiter('single\n')).toBe(',');
  });
});

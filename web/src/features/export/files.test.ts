import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, toJson, type SubgraphRows } from './files.ts';

const rows: SubgraphRows = {
  nodes: [
    { id: 'firm/haier', type: 'Firm', name_zh: '海尔集团', name_en: 'Haier "Group"', x: 1, y: 2 },
    { id: 'honor/x', type: 'Honor', name_zh: '=HYPERLINK("x")', name_en: 'X, Y', x: 3, y: 4 },
  ],
  edges: [{ id: 'firm/haier~AWARDED~honor/x', source: 'firm/haier', target: 'honor/x', type: 'AWARDED' }],
};

describe('exported files', () => {
  it('CSV: quoted cells, doubled quotes, spreadsheet formulas made inert, one header row', () => {
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(csvCell('=1+1')).toBe('"\'=1+1"');
    const csv = toCsv(rows);
    expect(csv.nodes.split('\r\n')).toEqual([
      '"id","type","name_zh","name_en"',
      '"firm/haier","Firm","海尔集团","Haier ""Group"""',
      '"honor/x","Honor","\'=HYPERLINK(""x"")","X, Y"',
      '',
    ]);
    expect(csv.edges.split('\r\n')).toHaveLength(3);
  });

  it('JSON: the API shape', () => {
    const json = JSON.parse(toJson(rows, { dataset: 'laoshan', exportedAt: '2026-11-28T00:00:00Z' }));
    expect(json.nodes).toEqual([
      { id: 'firm/haier', type: 'Firm', name_zh: '海尔集团', name_en: 'Haier "Group"' },
      { id: 'honor/x', type: 'Honor', name_zh: '=HYPERLINK("x")', name_en: 'X, Y' },
    ]);
    expect(json.edges).toEqual(rows.edges);
  });
});

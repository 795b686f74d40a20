// Which files an export writes: one per format, two for CSV (nodes and edges).
import type { ExportDataset } from './dataset.ts';
import { toCsv, toGexf, toGraphml, toJson, type ExportFormat } from './formats.ts';

/** File name → content. `out` names the file; for CSV it is the stem of the pair. */
export function writeExport(data: ExportDataset, format: ExportFormat, out: string, at: string): Map<string, string> {
  if (format === 'csv') {
    const stem = out.replace(/\.csv$/i, '');
    const { nodes, edges } = toCsv(data);
    return new Map([
      [`${stem}-nodes.csv`, nodes],
      [`${stem}-edges.csv`, edges],
    ]);
  }
  const content = format === 'json' ? toJson(data, at) : format === 'gexf' ? toGexf(data, at) : toGraphml(data);
  return new Map([[out, content]]);
}

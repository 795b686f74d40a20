// A whole dataset as an export sees it: its nodes and relations with their own properties (the
// ones the explorer computes for search are left out), their evidence, and its sources.
import type { Database } from '../db/database.ts';
import type { DatasetInfo } from '../graph/datasets.ts';
import { EXPLORER_PROPERTIES } from '../import/write.ts';

export type Value = string | number | boolean | string[] | number[];

export interface Evidence {
  source: string;
  quote: string;
}

export interface ExportNode {
  id: string;
  type: string;
  name_zh: string;
  name_en: string;
  aliases: string[];
  /** Every other property of the node (never the computed search keys). */
  properties: Record<string, Value>;
  evidence: Evidence[];
}

export interface ExportRelation {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, Value>;
  evidence: Evidence[];
}

export interface ExportDataset {
  name: string;
  title_zh: string | null;
  title_en: string | null;
  nodes: ExportNode[];
  relations: ExportRelation[];
  sources: Record<string, unknown>[];
}

/**
 * Stored for the explorer's own use, or held in a field of its own: not exported as properties
 * (`source_url` is a field of the export, taken back out of the properties by the writers).
 */
const NOT_PROPERTIES = new Set([...EXPLORER_PROPERTIES].filter((key) => key !== 'source_url'));

function evidenceOf(props: Record<string, unknown>): Evidence[] {
  const sources = Array.isArray(props.sources) ? props.sources : [];
  const quotes = Array.isArray(props.evidence) ? props.evidence : [];
  return quotes.map((quote, i) => ({ source: String(sources[i] ?? sources[0] ?? ''), quote: String(quote) }));
}

function ownProperties(props: Record<string, unknown>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [key, value] of Object.entries(props))
    if (!NOT_PROPERTIES.has(key) && value !== null && value !== undefined) out[key] = value as Value;
  return out;
}

export async function readDataset(db: Database, info: DatasetInfo): Promise<ExportDataset> {
  const [nodes, relations, sources] = await db.readTx(async (tx) => [
    await db.runIn(tx, 'dataset-contents', { key: info.key }),
    await db.runIn(tx, 'dataset-relations', { key: info.key }),
    await db.runIn(tx, 'dataset-sources', { key: info.key }),
  ]);
  return {
    name: info.name,
    title_zh: info.title_zh,
    title_en: info.title_en,
    nodes: nodes
      .map((row) => {
        const props = row.props as Record<string, unknown>;
        return {
          id: String(row.id),
          type: String(row.type),
          name_zh: String(row.name_zh ?? ''),
          name_en: String(row.name_en ?? ''),
          aliases: (row.aliases as string[] | null) ?? [],
          properties: ownProperties(props),
          evidence: evidenceOf(props),
        };
      })
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    relations: relations
      .map((row) => {
        const props = row.props as Record<string, unknown>;
        return {
          id: String(row.id),
          type: String(row.type),
          source: String(row.source),
          target: String(row.target),
          properties: ownProperties(props),
          evidence: evidenceOf(props),
        };
      })
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    sources: sources.map((row) => {
      const { dataset: _dataset, ...source } = row.source as Record<string, unknown>;
      return source;
    }),
  };
}

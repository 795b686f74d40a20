// Every Cypher statement lives in cypher/*.cypher; code refers to them by name only.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CYPHER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cypher');

export const QUERY_NAMES = [
  'health',
  'datasets-list',
  'node-type-counts',
  'relation-type-counts',
  'graph-nodes',
  'graph-edges',
  'analytics-nodes',
  'layout-get',
  'layout-delete',
  'layout-set',
  'dataset-sectors-set',
  'edges-among',
  'node-by-id',
  'node-relations',
  'node-neighbors',
  'node-ring2',
  'source-by-id',
  'sources-list',
  'dataset-upsert',
  'sources-upsert',
  'sources-delete-missing',
  'nodes-upsert',
  'nodes-delete-missing',
  'relations-upsert',
  'relations-delete-missing',
  'dataset-delete-batch',
  'dataset-delete-sources',
  'dataset-remove',
  'paths',
  'nodes-exist',
  'search-prefix',
  'search-fulltext-zh',
  'search-fulltext-latin',
  'search-subsequence',
  'search-substring-zh',
  'snapshot-nodes',
  'snapshot-relations',
  'import-nodes',
  'import-nodes-extend',
  'import-relations-extend',
  'dataset-lock',
  'source-titles',
  'import-relations',
  'dataset-copy-nodes',
  'dataset-copy-relations',
  'dataset-copy-sources',
  'dataset-contents',
  'dataset-relations',
  'dataset-change-add',
  'dataset-history',
  'dataset-counts-set',
  'staging-begin',
  'staging-touch',
  'staging-end',
  'staging-stale',
  'dataset-sources',
  'story-list',
  'story-get',
  'story-put',
  'story-delete',
  'stories-builtin-prune',
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

/** Files that hold several statements, each ending with ';' (applied one by one). */
export const SCRIPT_NAMES = ['schema'] as const;
export type ScriptName = (typeof SCRIPT_NAMES)[number];

export type QueryCatalog = Readonly<Record<QueryName, string>>;

/** Reads every named query once; a missing file fails at start-up, not at the first request. */
export function loadQueryCatalog(dir = CYPHER_DIR): QueryCatalog {
  const entries = QUERY_NAMES.map((name) => [name, readFileSync(path.join(dir, `${name}.cypher`), 'utf8').trim()]);
  return Object.freeze(Object.fromEntries(entries)) as QueryCatalog;
}

/** Splits a script into statements: comment lines dropped, statements end at a ';' line end. */
export function loadScript(name: ScriptName, dir = CYPHER_DIR): string[] {
  const text = readFileSync(path.join(dir, `${name}.cypher`), 'utf8');
  const withoutComments = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Names of all .cypher files present, for the test that no file is orphaned or missing. */
export function cypherFilesOnDisk(dir = CYPHER_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => f.slice(0, -'.cypher'.length))
    .sort();
}

// Merge: relations the dataset already holds get the import's evidence appended to theirs,
// unless they hold that very (source, quote) already. $rows: [{id, source, target, from, quote}]
// (source and target: the ends' ids; from: the Source's id) in the staged storage key.
UNWIND $rows AS row
MATCH (:Entity {dataset: $key, id: row.source})-[r]-(:Entity {dataset: $key, id: row.target})
WHERE r.id = row.id
WITH r, row, coalesce(r.sources, []) AS sources, coalesce(r.evidence, []) AS evidence
WITH r, row, sources, evidence,
     any(i IN range(0, size(sources) - 1) WHERE sources[i] = row.from AND evidence[i] = row.quote) AS held
SET r.sources = CASE WHEN held THEN sources ELSE sources + row.from END,
    r.evidence = CASE WHEN held THEN evidence ELSE evidence + row.quote END

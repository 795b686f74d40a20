// Merge: matched nodes get the properties the import adds (none they had) and the import's
// evidence appended to theirs, unless they hold that very (source, quote) already (a document
// written twice). $rows: [{id, props, source, quote}] in the staged storage key.
UNWIND $rows AS row
MATCH (n:Entity {dataset: $key, id: row.id})
WITH n, row, coalesce(n.sources, []) AS sources, coalesce(n.evidence, []) AS evidence
WITH n, row, sources, evidence,
     any(i IN range(0, size(sources) - 1) WHERE sources[i] = row.source AND evidence[i] = row.quote) AS held
SET n += row.props,
    n.sources = CASE WHEN held THEN sources ELSE sources + row.source END,
    n.evidence = CASE WHEN held THEN evidence ELSE evidence + row.quote END

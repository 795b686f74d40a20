// Merge: matched nodes get the properties the import adds (none they had) and the import's
// evidence appended to theirs. $rows: [{id, props, source, quote}] in the staged storage key.
UNWIND $rows AS row
MATCH (n:Entity {dataset: $key, id: row.id})
SET n += row.props,
    n.sources = coalesce(n.sources, []) + row.source,
    n.evidence = coalesce(n.evidence, []) + row.quote

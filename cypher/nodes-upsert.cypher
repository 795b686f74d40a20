// $rows: [{id, type, props}], `type` checked against the ontology's whitelist before it gets here.
// SET n = props replaces every property, so a field removed from the seed is removed here too.
UNWIND $rows AS row
MERGE (n:Entity {dataset: $key, id: row.id})
SET n = row.props, n.dataset = $key, n.id = row.id, n.type = row.type
WITH n, row, [l IN labels(n) WHERE l <> 'Entity' AND l <> row.type] AS stale
REMOVE n:$(stale)
SET n:$(row.type)

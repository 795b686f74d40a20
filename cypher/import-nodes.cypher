// $rows: [{id, type, props}] into a fresh storage key (a staged import): CREATE, not MERGE —
// the ids were checked unique before anything was written. `type` is from the ontology's whitelist.
UNWIND $rows AS row
CREATE (n:Entity {dataset: $key, id: row.id})
SET n += row.props, n.type = row.type
SET n:$(row.type)

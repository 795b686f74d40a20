// $rows: [{id, type, source, target, props}], `type` from the ontology's whitelist.
UNWIND $rows AS row
MATCH (a:Entity {dataset: $key, id: row.source})
MATCH (b:Entity {dataset: $key, id: row.target})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r = row.props, r.id = row.id, r.dataset = $key

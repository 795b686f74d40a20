// $rows: [{id, type, source, target, props}] between nodes of the staged storage key.
UNWIND $rows AS row
MATCH (a:Entity {dataset: $key, id: row.source})
MATCH (b:Entity {dataset: $key, id: row.target})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props, r.id = row.id, r.dataset = $key

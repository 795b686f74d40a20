// Copies the relations leaving a batch of nodes to the staged storage key (their ends were
// copied before).
UNWIND $ids AS id
MATCH (a:Entity {dataset: $from, id: id})-[r]->(b:Entity {dataset: $from})
MATCH (a2:Entity {dataset: $to, id: id})
MATCH (b2:Entity {dataset: $to, id: b.id})
CREATE (a2)-[r2:$(type(r))]->(b2)
SET r2 = r {.*, dataset: $to}

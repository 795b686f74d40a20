// Keeps a dataset's counts as data (written with every load, import and merge), so that listing
// datasets and describing its schema never count nodes per request: the totals, and per type as
// parallel lists (node_types[i] has node_type_counts[i] nodes).
MATCH (d:Dataset {name: $name})
CALL (d) {
  MATCH (n:Entity {dataset: d.key})
  WITH n.type AS type, count(*) AS c ORDER BY type
  RETURN collect(type) AS nodeTypes, collect(c) AS nodeCounts, sum(c) AS nodes
}
CALL (d) {
  MATCH (:Entity {dataset: d.key})-[r]->()
  WITH type(r) AS type, count(*) AS c ORDER BY type
  RETURN collect(type) AS relationTypes, collect(c) AS relationCounts, sum(c) AS relations
}
SET d.nodes = nodes, d.relations = relations,
    d.node_types = nodeTypes, d.node_type_counts = nodeCounts,
    d.relation_types = relationTypes, d.relation_type_counts = relationCounts

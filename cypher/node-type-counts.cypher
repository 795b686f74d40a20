// Nodes per type, as kept on the dataset by every write (dataset-counts-set); counted here only
// for a dataset written before they were kept (then at every request, until its next write).
MATCH (d:Dataset {key: $key})
CALL (d) {
  WITH d WHERE d.node_types IS NOT NULL
  UNWIND range(0, size(d.node_types) - 1) AS i
  RETURN d.node_types[i] AS type, d.node_type_counts[i] AS count
  UNION
  WITH d WHERE d.node_types IS NULL
  MATCH (n:Entity {dataset: d.key})
  RETURN n.type AS type, count(*) AS count
}
RETURN type, count

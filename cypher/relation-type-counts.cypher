// Relations per type, as kept on the dataset by every write (dataset-counts-set); counted here
// only for a dataset written before they were kept (then at every request, until its next write).
MATCH (d:Dataset {key: $key})
CALL (d) {
  WITH d WHERE d.relation_types IS NOT NULL
  UNWIND range(0, size(d.relation_types) - 1) AS i
  RETURN d.relation_types[i] AS type, d.relation_type_counts[i] AS count
  UNION
  WITH d WHERE d.relation_types IS NULL
  MATCH (:Entity {dataset: d.key})-[r]->()
  RETURN type(r) AS type, count(*) AS count
}
RETURN type, count

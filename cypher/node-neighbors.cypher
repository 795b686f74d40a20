// A node's neighbourhood up to $depth (1 or 2) steps, at most $limit nodes per ring.
MATCH (n:Entity {dataset: $key, id: $id})
CALL (n) {
  MATCH (n)--(m:Entity)
  WHERE size($types) = 0 OR m.type IN $types
  WITH DISTINCT m ORDER BY m.id LIMIT toInteger($limit)
  RETURN collect(m) AS ring1
}
CALL (n, ring1) {
  UNWIND CASE WHEN $depth >= 2 THEN ring1 ELSE [] END AS m1
  MATCH (m1)--(m2:Entity)
  WHERE m2 <> n AND NOT m2 IN ring1 AND (size($types) = 0 OR m2.type IN $types)
  WITH DISTINCT m2 ORDER BY m2.id LIMIT toInteger($limit)
  RETURN collect(m2) AS ring2
}
UNWIND [n] + ring1 + ring2 AS x
RETURN x.id AS id, x.type AS type, x.name_zh AS name_zh, x.name_en AS name_en,
       x.count AS count, x.count_qualifier AS count_qualifier, x.year AS year, x.synthetic AS synthetic

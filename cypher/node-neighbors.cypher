// A node and its neighbours (at most $limit of them, by id); ring1Total on every row is the
// number of distinct neighbours, so the server can say when the ring was cut. The second ring
// is node-ring2's.
MATCH (n:Entity {dataset: $key, id: $id})
CALL (n) {
  MATCH (n)--(m:Entity)
  WHERE size($types) = 0 OR m.type IN $types
  WITH DISTINCT m ORDER BY m.id
  RETURN collect(m) AS ring, count(m) AS ring1Total
}
UNWIND [n] + ring[..toInteger($limit)] AS x
RETURN x.id AS id, x.type AS type, x.name_zh AS name_zh, x.name_en AS name_en,
       x.count AS count, x.count_qualifier AS count_qualifier, x.year AS year, x.synthetic AS synthetic,
       ring1Total

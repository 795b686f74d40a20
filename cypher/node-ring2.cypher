// The second ring of a neighbourhood, sampled around hubs: each first-ring node ($ring1, ids)
// contributes at most $perNode of its neighbours (the server sets it so that about a fixed
// number of relationships is read), because a hub's whole 2-hop neighbourhood can be most of
// the dataset. At most $limit nodes by id, none of $exclude (the centre and the first ring).
// Every row also carries `seen` (distinct second-ring nodes the bounded walk met: a lower bound)
// and `capped` (first-ring nodes with more neighbours than $perNode).
UNWIND $ring1 AS id1
MATCH (m1:Entity {dataset: $key, id: id1})
WITH m1, COUNT { (m1)--() } > toInteger($perNode) AS cut
CALL (m1) {
  MATCH (m1)--(m2:Entity)
  WHERE size($types) = 0 OR m2.type IN $types
  RETURN m2 LIMIT toInteger($perNode)
}
WITH collect(DISTINCT CASE WHEN cut THEN m1 END) AS cutNodes, collect(DISTINCT m2) AS met
WITH [m IN met WHERE NOT m.id IN $exclude] AS ring2, size(cutNodes) AS capped
UNWIND ring2 AS x
WITH x, size(ring2) AS seen, capped ORDER BY x.id LIMIT toInteger($limit)
RETURN x.id AS id, x.type AS type, x.name_zh AS name_zh, x.name_en AS name_en,
       x.count AS count, x.count_qualifier AS count_qualifier, x.year AS year, x.synthetic AS synthetic,
       seen, capped

// Up to k shortest paths between two nodes, in either direction, of at most $maxHops steps.
// GQL's SHORTEST takes only literals: one branch per k (1-10, the route's bounds), of which only
// the request's runs, so that the search stops at k paths (SHORTEST 10 for every k read 7-13x
// the db hits at 100k: docs/performance.md).
MATCH (a:Entity {dataset: $key, id: $from})
MATCH (b:Entity {dataset: $key, id: $to})
CALL (a, b) {
  WITH a, b WHERE toInteger($k) = 1
  MATCH p = SHORTEST 1 (a)-[]-{1,8}(b)
  WHERE length(p) <= $maxHops
  RETURN p
  UNION ALL
  WITH a, b WHERE toInteger($k) = 2
  MATCH p = SHORTEST 2 (a)-[]-{1,8}(b)
  WHERE length(p) <= $maxHops
  RETURN p
  UNION ALL
  WITH a, b WHERE toInteger($k) = 3
  MATCH p = SHORTEST 3 (a)-[]-{1,8}(b)
  WHERE length(p) <= $maxHops
  RETURN p
  UNION ALL
  WITH a, b WHERE toInteger($k) = 4
  MATCH p = SHORTEST 4 (a)-[]-{1,8}(b)
  WHERE length(p) <= $maxHops
  RETURN p
  UNION ALL
  WITH a, b WHERE toInteger($k) = 5
  MATCH p = SHORTEST 5 (a)-[]-{1,8}(b)
  WHERE length(p) <= $maxHops
  RETURN p
  UNION ALL
  WITH a, b WHERE toInteger($k) = 6
  MATCH p = SHORTEST 6 (a)-[]-{1,8}(b)
  WHERE length(p) <= $maxHops
  RETURN p
  UNION ALL
  WITH a, b WHERE toInteger($k) = 7
  MATCH p = SHORTEST 7 (a)-[]-{1,8}(b)
  WHERE length(p) <= $maxHops
  RETURN p
  UNION ALL
  WITH a, b WHERE toInteger($k) = 8
  MATCH p = SHORTEST 8 (a)-[]-{1,8}(b)
  WHERE length(p) <= $maxHops
  RETURN p
  UNION ALL
  WITH a, b WHERE toInteger($k) = 9
  MATCH p = SHORTEST 9 (a)-[]-{1,8}(b)
  WHERE length(p) <= $maxHops
  RETURN p
  UNION ALL
  WITH a, b WHERE toInteger($k) = 10
  MATCH p = SHORTEST 10 (a)-[]-{1,8}(b)
  WHERE length(p) <= $maxHops
  RETURN p
}
WITH p ORDER BY length(p) LIMIT toInteger($k)
RETURN [n IN nodes(p) | {id: n.id, type: n.type, name_zh: n.name_zh, name_en: n.name_en}] AS nodes,
       [r IN relationships(p) | {id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id}] AS edges

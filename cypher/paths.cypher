// Up to k shortest paths between two nodes, in either direction. GQL's SHORTEST takes only
// literals, so at most 10 paths of at most 8 steps are found, then $maxHops and $k cut them.
MATCH (a:Entity {dataset: $key, id: $from})
MATCH (b:Entity {dataset: $key, id: $to})
MATCH p = SHORTEST 10 (a)-[]-{1,8}(b)
WHERE length(p) <= $maxHops
WITH p ORDER BY length(p) LIMIT toInteger($k)
RETURN [n IN nodes(p) | {id: n.id, type: n.type, name_zh: n.name_zh, name_en: n.name_en}] AS nodes,
       [r IN relationships(p) | {id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id}] AS edges

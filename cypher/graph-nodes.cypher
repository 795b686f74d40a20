// The overview: a dataset's nodes, best connected first when a limit cuts them.
MATCH (n:Entity {dataset: $key})
WHERE size($types) = 0 OR n.type IN $types
WITH n, COUNT { (n)--() } AS degree
ORDER BY degree DESC, n.id
LIMIT toInteger($limit)
RETURN n.id AS id, n.type AS type, n.name_zh AS name_zh, n.name_en AS name_en, degree,
       n.count AS count, n.count_qualifier AS count_qualifier, n.year AS year, n.synthetic AS synthetic

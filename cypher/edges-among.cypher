// The relations between a given set of nodes (neighbourhoods, paths).
MATCH (a:Entity {dataset: $key})-[r]->(b:Entity {dataset: $key})
WHERE a.id IN $ids AND b.id IN $ids AND (size($relTypes) = 0 OR type(r) IN $relTypes)
RETURN r.id AS id, a.id AS source, b.id AS target, type(r) AS type

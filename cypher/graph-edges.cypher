// All relations of a dataset of the given types; the server keeps those between kept nodes.
MATCH (a:Entity {dataset: $key})-[r]->(b:Entity)
WHERE size($relTypes) = 0 OR type(r) IN $relTypes
RETURN r.id AS id, a.id AS source, b.id AS target, type(r) AS type

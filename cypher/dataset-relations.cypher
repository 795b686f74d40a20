// Every relation of a dataset, by its ends' ids, for a merge's matching and a diff.
MATCH (a:Entity {dataset: $key})-[r]->(b:Entity {dataset: $key})
RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props

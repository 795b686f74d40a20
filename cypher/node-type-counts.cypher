MATCH (n:Entity {dataset: $key})
RETURN n.type AS type, count(*) AS count

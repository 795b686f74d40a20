MATCH (n:Entity {dataset: $key, id: $id})
RETURN properties(n) AS node

MATCH (n:Entity {dataset: $key})
WHERE NOT n.id IN $ids
DETACH DELETE n

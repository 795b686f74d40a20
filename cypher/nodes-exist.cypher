// Which of the given ids exist in a dataset.
MATCH (n:Entity {dataset: $key})
WHERE n.id IN $ids
RETURN n.id AS id

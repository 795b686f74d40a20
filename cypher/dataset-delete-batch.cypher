// Removes up to $batch nodes of a storage key; called until it returns 0.
MATCH (n:Entity {dataset: $key})
WITH n LIMIT toInteger($batch)
DETACH DELETE n
RETURN count(*) AS deleted

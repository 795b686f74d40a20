// Removes one story; `deleted` is 0 when there was none.
OPTIONAL MATCH (s:Story {dataset: $dataset, id: $id})
DETACH DELETE s
RETURN count(s) AS deleted

// Built-in stories the seed no longer holds (renamed or removed) go; the users' stay.
MATCH (s:Story {dataset: $dataset, builtin: true})
WHERE NOT s.id IN $ids
DETACH DELETE s
RETURN count(s) AS deleted

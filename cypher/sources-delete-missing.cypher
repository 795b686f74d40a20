MATCH (s:Source {dataset: $key})
WHERE NOT s.id IN $ids
DELETE s

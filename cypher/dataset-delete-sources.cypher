MATCH (s:Source {dataset: $key})
DELETE s

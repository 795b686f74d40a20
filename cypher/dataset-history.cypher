// A dataset's recorded changes, newest first.
MATCH (c:DatasetChange {dataset: $name})
RETURN properties(c) AS change
ORDER BY c.at DESC
LIMIT toInteger($limit)

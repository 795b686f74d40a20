// Unregisters a dataset (readers stop seeing it at once) and forgets its history and its
// stories (they belong to its name).
OPTIONAL MATCH (s:Story {dataset: $name})
DETACH DELETE s
WITH count(*) AS stories
MATCH (d:Dataset {name: $name})
OPTIONAL MATCH (c:DatasetChange {dataset: $name})
DETACH DELETE d, c

// Unregisters a dataset (readers stop seeing it at once) and forgets its history.
MATCH (d:Dataset {name: $name})
OPTIONAL MATCH (c:DatasetChange {dataset: $name})
DETACH DELETE d, c

// Copies a dataset's source documents to the staged storage key.
MATCH (s:Source {dataset: $from})
CREATE (c:Source)
SET c = s {.*, dataset: $to}

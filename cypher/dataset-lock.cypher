// Takes the dataset's record's write lock (held until the transaction ends) and answers the
// storage key it serves now: a writer that staged its copy from another key lost a race with
// another writer (the server's own writers queue per dataset; this covers a CLI beside it).
OPTIONAL MATCH (d:Dataset {name: $name})
SET d.locked_at = $at
RETURN d.key AS key

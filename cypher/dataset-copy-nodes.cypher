// Copies a batch of a dataset's nodes (labels and properties) to a staged storage key; a merge
// builds the merged dataset beside the one served, which stays untouched until the switch.
UNWIND $ids AS id
MATCH (n:Entity {dataset: $from, id: id})
CREATE (m:Entity)
SET m = n {.*, dataset: $to}
SET m:$([l IN labels(n) WHERE l <> 'Entity'])

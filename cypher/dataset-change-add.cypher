// Records what an import, replace or merge changed (GET /api/datasets/:name/history), keeping
// the newest $keep records per dataset.
CREATE (c:DatasetChange)
SET c = $change
WITH c
MATCH (old:DatasetChange {dataset: $change.dataset})
WITH old ORDER BY old.at DESC SKIP toInteger($keep)
DETACH DELETE old

// Keeps a dataset's counts as data (written with every load, import and merge), so that listing
// datasets never counts nodes per request.
MATCH (d:Dataset {name: $name})
SET d.nodes = COUNT { MATCH (n:Entity {dataset: d.key}) },
    d.relations = COUNT { MATCH (:Entity {dataset: d.key})-[r]->() }

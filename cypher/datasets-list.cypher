// Every dataset with its counts; `key` is the storage key its nodes carry in `dataset`. Counts
// are kept on the dataset by every write (dataset-counts-set); they are counted here only for
// a dataset written before counts were kept.
MATCH (d:Dataset)
RETURN d.name AS name, d.key AS key, coalesce(d.synthetic, false) AS synthetic,
       d.title_zh AS title_zh, d.title_en AS title_en, d.updated_at AS updated_at, d.sector_map AS sector_map,
       CASE WHEN d.nodes IS NULL THEN COUNT { MATCH (n:Entity {dataset: d.key}) } ELSE d.nodes END AS nodes,
       CASE WHEN d.relations IS NULL THEN COUNT { MATCH (:Entity {dataset: d.key})-[r]->() } ELSE d.relations END AS relations
ORDER BY d.name

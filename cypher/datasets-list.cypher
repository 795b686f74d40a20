// Every dataset with its counts; `key` is the storage key its nodes carry in `dataset`.
MATCH (d:Dataset)
RETURN d.name AS name, d.key AS key, coalesce(d.synthetic, false) AS synthetic,
       d.title_zh AS title_zh, d.title_en AS title_en, d.updated_at AS updated_at,
       COUNT { MATCH (n:Entity {dataset: d.key}) } AS nodes,
       COUNT { MATCH (:Entity {dataset: d.key})-[r]->() } AS relations
ORDER BY d.name

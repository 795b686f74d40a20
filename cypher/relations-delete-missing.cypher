MATCH (:Entity {dataset: $key})-[r]->()
WHERE NOT r.id IN $ids
DELETE r

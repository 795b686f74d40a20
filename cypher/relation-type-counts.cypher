MATCH (:Entity {dataset: $key})-[r]->()
RETURN type(r) AS type, count(*) AS count

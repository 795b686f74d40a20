// A dataset's nodes as the analytics read them: no degree, no order (the worker computes both).
MATCH (n:Entity {dataset: $key})
RETURN n.id AS id, n.type AS type, n.name_zh AS name_zh, n.name_en AS name_en, n.year AS year

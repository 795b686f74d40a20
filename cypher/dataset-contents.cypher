// Every node of a dataset with what a merge matches on and a diff compares.
MATCH (n:Entity {dataset: $key})
RETURN n.id AS id, n.type AS type, n.name_zh AS name_zh, n.name_en AS name_en,
       coalesce(n.aliases, []) AS aliases, properties(n) AS props

// A node's relations with the neighbour at the other end and the evidence behind each.
MATCH (n:Entity {dataset: $key, id: $id})-[r]-(m:Entity)
RETURN r.id AS id, type(r) AS type, startNode(r) = n AS outgoing,
       m.id AS neighbor_id, m.type AS neighbor_type, m.name_zh AS neighbor_name_zh, m.name_en AS neighbor_name_en,
       r.sources AS sources, r.evidence AS evidence, r.note AS note
ORDER BY type, neighbor_id
LIMIT toInteger($limit)

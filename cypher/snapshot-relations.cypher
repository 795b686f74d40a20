MATCH (a)-[r]->(b)
RETURN type(r) AS type, properties(r) AS props, a.dataset AS dataset, a.id AS source, b.id AS target

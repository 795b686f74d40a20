// A dataset's own sector mapping (node type → sector, as JSON), read by the analytics; an empty
// mapping removes it. Part of the dataset's analytics version, so cached analytics are redone.
MATCH (d:Dataset {name: $name})
SET d.sector_map = CASE WHEN $sector_map = '{}' THEN null ELSE $sector_map END
RETURN d.name AS name

// The titles of the sources some evidence names (a details answer shows a title, not an id).
MATCH (s:Source {dataset: $key})
WHERE s.id IN $ids
RETURN s.id AS id, s.title AS title

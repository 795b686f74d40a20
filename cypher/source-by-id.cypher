MATCH (s:Source {dataset: $key, id: $id})
RETURN s.id AS id, s.title AS title, s.date AS date, s.language AS language, s.url AS url,
       s.publisher AS publisher, s.text AS text

// A dataset's source documents without their text (title, date, language, where to find them),
// oldest first, at most $limit of them; `total` counts them all. For a slide's footnote.
MATCH (s:Source {dataset: $key})
WITH s ORDER BY s.date, s.id
WITH count(s) AS total, collect(s {.id, .title, .date, .language, .url, .publisher}) AS listed
RETURN total, listed[0..toInteger($limit)] AS sources

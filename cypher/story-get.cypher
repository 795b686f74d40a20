// One story: the whole Story as JSON (domain/story.ts) and whether it is built in.
MATCH (s:Story {dataset: $dataset, id: $id})
RETURN s.json AS json, coalesce(s.builtin, false) AS builtin

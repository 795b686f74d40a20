// A dataset's stories as summaries (they belong to the dataset's name, across its versions):
// built-in first, then by English title.
MATCH (s:Story {dataset: $dataset})
RETURN s.id AS id, s.title_zh AS title_zh, s.title_en AS title_en, s.steps AS steps,
       coalesce(s.builtin, false) AS builtin, s.updated_at AS updated_at
ORDER BY builtin DESC, toLower(s.title_en), s.id

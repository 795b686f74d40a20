// Creates or replaces a story of an existing dataset; no row when the dataset does not exist
// (removed meanwhile), so nothing is written then. `json` is the whole Story; the other
// properties are what the list shows.
MATCH (d:Dataset {name: $dataset})
MERGE (s:Story {dataset: d.name, id: $id})
SET s.title_zh = $title_zh, s.title_en = $title_en, s.builtin = $builtin, s.steps = $steps,
    s.updated_at = $updated_at, s.json = $json
RETURN s.json AS json

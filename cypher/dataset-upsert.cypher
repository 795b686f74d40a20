// Registers a dataset or points it at a new storage key (the switch after a staged load).
// updated_at moves only when the content changed, so a rerun of the same seed changes nothing.
MERGE (d:Dataset {name: $name})
SET d.updated_at = CASE WHEN d.content_hash = $content_hash AND d.key = $key THEN d.updated_at ELSE $updated_at END,
    d.key = $key, d.synthetic = $synthetic, d.title_zh = $title_zh, d.title_en = $title_en,
    d.content_hash = $content_hash

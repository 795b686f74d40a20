// Registers a dataset or points it at a new storage key (the switch after a staged load).
MERGE (d:Dataset {name: $name})
SET d.key = $key, d.synthetic = $synthetic, d.title_zh = $title_zh, d.title_en = $title_en,
    d.updated_at = $updated_at

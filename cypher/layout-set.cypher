// Stores a dataset version's layout: one :Layout node per storage key, its node ids and positions
// as parallel lists, kept apart from the :Entity nodes so that details, exports and merge diffs
// never see them. Layouts of superseded versions and removed datasets (keys no :Dataset holds) go.
MERGE (l:Layout {key: $key})
SET l.dataset = $name, l.version = $version, l.ids = $ids, l.x = $x, l.y = $y, l.computed_at = $computedAt, l.duration_ms = $durationMs
WITH l
MATCH (old:Layout)
WHERE old.key <> $key AND NOT EXISTS { MATCH (:Dataset {key: old.key}) }
DETACH DELETE old

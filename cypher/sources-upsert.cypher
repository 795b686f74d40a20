UNWIND $rows AS row
MERGE (s:Source {dataset: $key, id: row.id})
SET s = row, s.dataset = $key

// A dataset's source documents (curated reports, imported files), for an export's provenance.
MATCH (s:Source {dataset: $key})
RETURN s {.*} AS source
ORDER BY s.id

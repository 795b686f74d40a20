// The staged key became the dataset's (or was removed): it is no longer being written.
MATCH (s:Staging {key: $key})
DELETE s

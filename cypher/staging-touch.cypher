// The writer is alive: a staged key with a recent heartbeat is never cleaned up.
MATCH (s:Staging {key: $key})
SET s.at = $at

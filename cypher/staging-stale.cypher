// Staged keys whose writer stopped beating before $before: left by a killed import.
MATCH (s:Staging)
WHERE s.at < $before
RETURN s.key AS key, s.dataset AS dataset

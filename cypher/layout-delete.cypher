// Forgets a dataset version's stored layout, so that the next overview computes it again (tests
// start from a version without one, whatever ran before them on the same database).
MATCH (l:Layout {key: $key})
DETACH DELETE l

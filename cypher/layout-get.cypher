// A dataset version's stored layout (server/layout/service.ts): the node ids and their positions as parallel lists.
MATCH (l:Layout {key: $key})
RETURN l.version AS version, l.ids AS ids, l.x AS x, l.y AS y

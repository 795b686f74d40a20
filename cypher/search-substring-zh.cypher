// Chinese names containing the query (single characters too), within the dataset. $query is a
// Lucene phrase of the query's characters plus the dataset's key as a required term (built by
// server/search/rank.ts, substringQuery): the index answers for this dataset only, at most 200.
CALL db.index.fulltext.queryNodes('entity_name_zh_chars', $query, {limit: 200}) YIELD node AS n
WITH n WHERE n.dataset = $key AND n.name_zh CONTAINS $q AND (size($types) = 0 OR n.type IN $types)
RETURN n.id AS id, n.type AS type, n.name_zh AS name_zh, n.name_en AS name_en, n.aliases AS aliases,
       n.pinyin AS pinyin, n.pinyin_initials AS pinyin_initials, n.pinyin_words AS pinyin_words,
       0.0 AS fulltext, COUNT { (n)--() } AS degree

// Pinyin abbreviations beyond first letters ("hr" → 海尔, hai-er): the query's letters in
// order within the full pinyin, the first at its start. $query is a Lucene query built by
// server/search/rank.ts (subsequenceQuery) from a–z only: the dataset's key as a required term
// and the regular expression over whole pinyin keys, so only matching nodes are read.
CALL db.index.fulltext.queryNodes('entity_pinyin_keys', $query, {limit: 200}) YIELD node AS n
WITH n WHERE n.dataset = $key AND (size($types) = 0 OR n.type IN $types)
RETURN n.id AS id, n.type AS type, n.name_zh AS name_zh, n.name_en AS name_en, n.aliases AS aliases,
       n.pinyin AS pinyin, n.pinyin_initials AS pinyin_initials, n.pinyin_words AS pinyin_words,
       0.0 AS fulltext, COUNT { (n)--() } AS degree

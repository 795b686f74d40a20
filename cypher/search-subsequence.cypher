// Pinyin abbreviations beyond first letters ("hr" → 海尔, hai-er): the query's letters in
// order within the full pinyin, the first at its start. $pattern is built from a–z only.
MATCH (n:Entity)
WHERE n.dataset = $key AND n.pinyin =~ $pattern AND (size($types) = 0 OR n.type IN $types)
WITH n LIMIT 200
RETURN n.id AS id, n.type AS type, n.name_zh AS name_zh, n.name_en AS name_en, n.aliases AS aliases,
       n.pinyin AS pinyin, n.pinyin_initials AS pinyin_initials, n.pinyin_words AS pinyin_words,
       0.0 AS fulltext, COUNT { (n)--() } AS degree

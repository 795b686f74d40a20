// Search candidates by prefix (index-backed: equality on dataset, STARTS WITH on the key).
// Chinese substrings are search-substring-zh's.
CALL () {
  MATCH (n:Entity) WHERE n.dataset = $key AND n.name_zh STARTS WITH $q RETURN n LIMIT 200
  UNION
  MATCH (n:Entity) WHERE n.dataset = $key AND n.name_en_lower STARTS WITH $ql RETURN n LIMIT 200
  UNION
  MATCH (n:Entity) WHERE n.dataset = $key AND n.pinyin STARTS WITH $qc RETURN n LIMIT 200
  UNION
  MATCH (n:Entity) WHERE n.dataset = $key AND n.pinyin_initials STARTS WITH $qc RETURN n LIMIT 200
}
WITH n WHERE size($types) = 0 OR n.type IN $types
RETURN n.id AS id, n.type AS type, n.name_zh AS name_zh, n.name_en AS name_en, n.aliases AS aliases,
       n.pinyin AS pinyin, n.pinyin_initials AS pinyin_initials, n.pinyin_words AS pinyin_words,
       0.0 AS fulltext, COUNT { (n)--() } AS degree

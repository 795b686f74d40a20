// Chinese names and aliases through the cjk (bigram) analyzer.
CALL db.index.fulltext.queryNodes('entity_names_zh', $query, {limit: 1000}) YIELD node, score
WITH node AS n, score WHERE n.dataset = $key AND (size($types) = 0 OR n.type IN $types)
RETURN n.id AS id, n.type AS type, n.name_zh AS name_zh, n.name_en AS name_en, n.aliases AS aliases,
       n.pinyin AS pinyin, n.pinyin_initials AS pinyin_initials, n.pinyin_words AS pinyin_words,
       score AS fulltext, COUNT { (n)--() } AS degree
LIMIT 200

// Applied at every start; each statement is idempotent (IF NOT EXISTS). Statements end with ';'.
// Nodes of all datasets share the label :Entity; `dataset` holds the dataset's storage key
// (see dataset-*.cypher), so (dataset, id) is the identity of a node.
CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE (n.dataset, n.id) IS UNIQUE;
CREATE CONSTRAINT source_key IF NOT EXISTS FOR (s:Source) REQUIRE (s.dataset, s.id) IS UNIQUE;
CREATE CONSTRAINT dataset_name IF NOT EXISTS FOR (d:Dataset) REQUIRE d.name IS UNIQUE;
// Stories belong to a dataset's name (not its storage key): they outlive its versions.
CREATE CONSTRAINT story_key IF NOT EXISTS FOR (s:Story) REQUIRE (s.dataset, s.id) IS UNIQUE;
CREATE INDEX entity_dataset_type IF NOT EXISTS FOR (n:Entity) ON (n.dataset, n.type);
// Prefix search within a dataset: equality on dataset, STARTS WITH on the key.
CREATE INDEX entity_dataset_pinyin IF NOT EXISTS FOR (n:Entity) ON (n.dataset, n.pinyin);
CREATE INDEX entity_dataset_initials IF NOT EXISTS FOR (n:Entity) ON (n.dataset, n.pinyin_initials);
CREATE INDEX entity_dataset_name_en IF NOT EXISTS FOR (n:Entity) ON (n.dataset, n.name_en_lower);
CREATE INDEX entity_dataset_name_zh IF NOT EXISTS FOR (n:Entity) ON (n.dataset, n.name_zh);
CREATE TEXT INDEX entity_name_zh_text IF NOT EXISTS FOR (n:Entity) ON (n.name_zh);
// Chinese: the cjk analyzer indexes overlapping bigrams, so 海尔集团 is found by 海尔 and 集团.
CREATE FULLTEXT INDEX entity_names_zh IF NOT EXISTS FOR (n:Entity) ON EACH [n.name_zh, n.aliases_zh] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
// Latin keyboards: English names and aliases, plus full pinyin and pinyin initials as words.
CREATE FULLTEXT INDEX entity_names_latin IF NOT EXISTS FOR (n:Entity) ON EACH [n.name_en, n.aliases_en, n.pinyin_words] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
// Pinyin abbreviations ("hr" → haier) as a Lucene regular expression over whole pinyin keys
// (the keyword analyzer keeps each value one term), required to be in the dataset: the regex
// walks the term dictionary and the dataset term bounds the hits, so no node is read per key.
CREATE FULLTEXT INDEX entity_pinyin_keys IF NOT EXISTS FOR (n:Entity) ON EACH [n.dataset, n.type, n.pinyin] OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};
// Chinese substrings, single characters included: the standard analyzer makes every Han
// character a term, so a phrase of the query's characters is a substring of the name; the
// dataset is part of the query (the text index on name_zh spans every dataset).
CREATE FULLTEXT INDEX entity_name_zh_chars IF NOT EXISTS FOR (n:Entity) ON EACH [n.dataset, n.type, n.name_zh] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
// Waits (up to 120 s) until every index above is online, so the first search finds everything.
CALL db.awaitIndexes(120);

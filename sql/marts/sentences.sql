-- One row per sentence of each article body, as segmented by the clean stage; mentions and event reports point here.
-- @group article_marts
-- @key sentence_id
-- @column sentence_id: Stable id: article_id, '-s', and the 0-based sentence index (4 digits).
-- @column article_id: The article (articles.article_id).
-- @column sentence_index: 0-based position of the sentence in the body.
-- @column paragraph_index: 0-based position of the paragraph that holds it.
-- @column start_char: Offset of the first character in articles.body (0-based).
-- @column end_char: Offset just past the last character (end-exclusive).
-- @column text: The sentence, equal to the body sliced at [start_char, end_char).
WITH canonical AS (
    SELECT a.article_id, c.body, c.sentences, c.paragraphs
    FROM staging.article_assignments AS a
    JOIN staging.clean_articles AS c USING (source_file)
    WHERE a.relation = 'canonical'
),
spans AS (
    SELECT article_id, body, paragraphs, sentences, unnest(sentences) AS span
    FROM canonical
),
-- A sentence's index is the number of sentences starting before it (a body's spans are in order
-- and never share a start): portable SQL, where a position from unnest differs between engines
-- (DuckDB's WITH ORDINALITY counts from 1, Spark's posexplode from 0) and generate_subscripts is DuckDB's own.
indexed AS (
    SELECT article_id, body, paragraphs, span, array_length(list_filter(sentences, x -> x.start < span.start)) AS sentence_index
    FROM spans
)
SELECT
    article_id || '-s' || lpad(CAST(sentence_index AS VARCHAR), 4, '0') AS sentence_id,
    article_id,
    CAST(sentence_index AS INTEGER) AS sentence_index,
    CAST(nullif(array_position(list_transform(paragraphs, p -> p.start <= span.start AND span."end" <= p."end"), true), 0) - 1 AS INTEGER) AS paragraph_index,
    span.start AS start_char,
    span."end" AS end_char,
    substring(body, span.start + 1, span."end" - span.start) AS text
FROM indexed
ORDER BY article_id, sentence_index

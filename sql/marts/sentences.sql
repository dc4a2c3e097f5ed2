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
    SELECT article_id, body, paragraphs, unnest(sentences) AS span, generate_subscripts(sentences, 1) - 1 AS sentence_index
    FROM canonical
)
SELECT
    article_id || '-s' || lpad(CAST(sentence_index AS VARCHAR), 4, '0') AS sentence_id,
    article_id,
    CAST(sentence_index AS INTEGER) AS sentence_index,
    CAST(list_position(list_transform(paragraphs, p -> p.start <= span.start AND span."end" <= p."end"), true) - 1 AS INTEGER) AS paragraph_index,
    span.start AS start_char,
    span."end" AS end_char,
    substring(body, span.start + 1, span."end" - span.start) AS text
FROM spans
ORDER BY article_id, sentence_index

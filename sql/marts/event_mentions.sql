-- One row per sentence that reports an event, with offsets into the article body.
-- @group event_marts
-- @column event_id: The event (events.event_id).
-- @column article_id: The reporting article (articles.article_id).
-- @column sentence_id: The reporting sentence (sentences.sentence_id).
-- @column start_char: 0-based offset in articles.body of the reporting span.
-- @column end_char: Offset just past the reporting span (end-exclusive).
-- @column confidence: Confidence in [0, 1] of this report.
-- @column rule: Which rule found the report: the lexicon entry (lemma/pos[pattern]) and the argument rule, e.g. 'arrest/verb passive-no-agent'.
SELECT * FROM staging.event_mentions ORDER BY event_id, article_id, start_char

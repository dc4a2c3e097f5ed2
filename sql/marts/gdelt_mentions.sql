-- The event reports under GDELT 2.0 mentions-table column names and types: one row per reporting sentence.
-- @group event_marts
-- @view
-- @column GLOBALEVENTID: The event (gdelt_events.GLOBALEVENTID).
-- @column EventTimeDate: The event's day as yyyymmddhhmmss (time 000000); null when undated.
-- @column MentionTimeDate: The reporting article's publication day as yyyymmddhhmmss; null when undated.
-- @column MentionType: 1 (a web or text document), as GDELT's web mentions.
-- @column MentionSourceName: The reporting article's publisher.
-- @column MentionIdentifier: The reporting article's URL, else its source file.
-- @column SentenceID: The reporting sentence's 1-based position in the article, as GDELT counts.
-- @column Actor1CharOffset: Offset in the body of the source's first mention in the sentence; -1 when none.
-- @column Actor2CharOffset: Offset of the target's first mention in the sentence; -1 when none.
-- @column ActionCharOffset: Offset of the word that states the act.
-- @column InRawText: 1: every report is found in the article's own text.
-- @column Confidence: The report's confidence as a percentage (10 to 100 in GDELT's scale).
-- @column MentionDocLen: Characters in the article body.
-- @column article_id: The reporting article (articles.article_id).
-- @column sentence_id: The reporting sentence (sentences.sentence_id).
-- @column event_id: The warehouse's own event id (events.event_id).
SELECT
    CAST(('0x' || substr(m.event_id, 5, 15)) AS BIGINT) AS GLOBALEVENTID,
    CAST(strftime(e.event_date, '%Y%m%d') || '000000' AS BIGINT) AS EventTimeDate,
    CAST(strftime(r.published_date, '%Y%m%d') || '000000' AS BIGINT) AS MentionTimeDate,
    1 AS MentionType,
    r.publisher AS MentionSourceName,
    coalesce(r.url, r.source_file) AS MentionIdentifier,
    CAST(s.sentence_index + 1 AS INTEGER) AS SentenceID,
    coalesce((SELECT min(x.start_char) FROM mentions x WHERE x.sentence_id = m.sentence_id AND x.actor_id = e.actor1_id), -1) AS Actor1CharOffset,
    coalesce((SELECT min(x.start_char) FROM mentions x WHERE x.sentence_id = m.sentence_id AND x.actor_id = e.actor2_id), -1) AS Actor2CharOffset,
    m.predicate_start AS ActionCharOffset,
    1 AS InRawText,
    CAST(round(m.confidence * 100) AS INTEGER) AS Confidence,
    CAST(length(r.body) AS INTEGER) AS MentionDocLen,
    m.article_id,
    m.sentence_id,
    m.event_id
FROM event_mentions m
JOIN events e USING (event_id)
JOIN articles r ON r.article_id = m.article_id
JOIN sentences s ON s.sentence_id = m.sentence_id
ORDER BY GLOBALEVENTID, m.article_id, m.start_char

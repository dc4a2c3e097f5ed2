-- Every event report points at an existing event, article and sentence, lies inside the sentence, and has a confidence in [0, 1].
SELECT m.event_id, m.sentence_id, 'unknown event' AS problem FROM event_mentions AS m LEFT JOIN events AS e USING (event_id) WHERE e.event_id IS NULL
UNION ALL
SELECT m.event_id, m.sentence_id, 'unknown sentence or outside it'
FROM event_mentions AS m LEFT JOIN sentences AS s ON s.sentence_id = m.sentence_id AND s.article_id = m.article_id
WHERE s.sentence_id IS NULL OR m.start_char < s.start_char OR m.end_char > s.end_char OR m.end_char <= m.start_char
UNION ALL
SELECT event_id, sentence_id, 'confidence outside [0, 1]' FROM event_mentions WHERE confidence < 0 OR confidence > 1

-- Every mention points at an existing article, actor and sentence, and lies inside that sentence.
SELECT m.mention_id, 'unknown article' AS problem FROM mentions AS m LEFT JOIN articles AS a USING (article_id) WHERE a.article_id IS NULL
UNION ALL
SELECT m.mention_id, 'unknown actor' FROM mentions AS m LEFT JOIN actors AS a USING (actor_id) WHERE a.actor_id IS NULL
UNION ALL
SELECT m.mention_id, 'unknown sentence or outside it'
FROM mentions AS m LEFT JOIN sentences AS s ON s.sentence_id = m.sentence_id AND s.article_id = m.article_id
WHERE s.sentence_id IS NULL OR m.start_char < s.start_char OR m.end_char > s.end_char

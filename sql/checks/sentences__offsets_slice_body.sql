-- Sentence offsets lie inside their article body, in order, without overlap, and slice it to non-empty text.
SELECT s.sentence_id, s.start_char, s.end_char, 'outside the body or empty' AS problem
FROM sentences AS s JOIN articles AS a USING (article_id)
WHERE s.start_char < 0 OR s.end_char > length(a.body) OR s.end_char <= s.start_char OR trim(s.text) = ''
UNION ALL
SELECT sentence_id, start_char, end_char, 'overlaps the previous sentence'
FROM (SELECT *, lag(end_char) OVER (PARTITION BY article_id ORDER BY sentence_index) AS previous_end FROM sentences)
WHERE start_char < previous_end

-- sentence_id is the primary key of sentences.
SELECT sentence_id, count(*) AS copies FROM sentences GROUP BY sentence_id HAVING count(*) > 1 OR sentence_id IS NULL

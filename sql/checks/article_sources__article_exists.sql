-- Every article source points at an article, and every article has exactly one canonical source.
SELECT s.source_file, s.article_id, 'no such article' AS problem
FROM article_sources AS s LEFT JOIN articles AS a USING (article_id)
WHERE a.article_id IS NULL
UNION ALL
SELECT NULL, a.article_id, 'canonical sources: ' || count(s.source_file)
FROM articles AS a LEFT JOIN article_sources AS s ON s.article_id = a.article_id AND s.relation = 'canonical'
GROUP BY a.article_id HAVING count(s.source_file) <> 1

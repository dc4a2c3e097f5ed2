-- article_digest has exactly one row per article.
SELECT article_id, count(*) AS copies FROM article_digest GROUP BY article_id HAVING count(*) > 1
UNION ALL
SELECT a.article_id, 0 FROM articles a LEFT JOIN article_digest d USING (article_id) WHERE d.article_id IS NULL

-- article_id is the primary key of articles.
SELECT article_id, count(*) AS copies FROM articles GROUP BY article_id HAVING count(*) > 1

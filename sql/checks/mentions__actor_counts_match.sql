-- Every actor is mentioned, and actors.mention_count and article_count agree with the mentions here.
SELECT a.actor_id, a.mention_count, a.article_count, count(m.mention_id) AS mentions, count(DISTINCT m.article_id) AS articles
FROM actors AS a LEFT JOIN mentions AS m USING (actor_id)
GROUP BY a.actor_id, a.mention_count, a.article_count
HAVING a.mention_count <> count(m.mention_id) OR a.article_count <> count(DISTINCT m.article_id) OR count(m.mention_id) = 0

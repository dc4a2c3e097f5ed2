-- Every event has a report here; events.num_mentions and num_articles agree with these reports; event confidence is in [0, 1].
SELECT e.event_id, e.num_mentions, e.num_articles, count(m.event_id) AS reports, count(DISTINCT m.article_id) AS articles
FROM events AS e LEFT JOIN event_mentions AS m USING (event_id)
GROUP BY e.event_id, e.num_mentions, e.num_articles, e.confidence
HAVING e.num_mentions <> count(m.event_id) OR e.num_articles <> count(DISTINCT m.article_id) OR count(m.event_id) = 0
    OR e.confidence < 0 OR e.confidence > 1

-- Pairs of actors named together: in one sentence, or as the two parties of one event, with counts and the first and last day they appear together. Each pair once, the lower actor_id first.
-- @group actor_marts
-- @view
-- @column actor_a_id: The pair's first actor (actors.actor_id, the lower id).
-- @column actor_a_name: Its name.
-- @column actor_b_id: The pair's second actor (actors.actor_id).
-- @column actor_b_name: Its name.
-- @column sentences: Sentences that name both.
-- @column events: Events with one as source and the other as target, either way round.
-- @column articles: Distinct articles that name both in one sentence or report an event between them.
-- @column first_date: The earliest publication date of those articles (null when none is dated).
-- @column last_date: The latest publication date of those articles.
WITH sentence_pairs AS (
    SELECT DISTINCT a.actor_id AS actor_a_id, b.actor_id AS actor_b_id, a.sentence_id, a.article_id
    FROM mentions a JOIN mentions b ON a.sentence_id = b.sentence_id AND a.actor_id < b.actor_id
),
event_pairs AS (
    SELECT DISTINCT least(e.actor1_id, e.actor2_id) AS actor_a_id, greatest(e.actor1_id, e.actor2_id) AS actor_b_id, e.event_id, m.article_id
    FROM events e JOIN event_mentions m USING (event_id)
    WHERE e.actor1_id IS NOT NULL AND e.actor2_id IS NOT NULL AND e.actor1_id <> e.actor2_id
),
together AS (
    SELECT actor_a_id, actor_b_id, sentence_id, NULL AS event_id, article_id FROM sentence_pairs
    UNION ALL
    SELECT actor_a_id, actor_b_id, NULL, event_id, article_id FROM event_pairs
)
SELECT
    t.actor_a_id,
    a.name AS actor_a_name,
    t.actor_b_id,
    b.name AS actor_b_name,
    CAST(count(DISTINCT t.sentence_id) AS INTEGER) AS sentences,
    CAST(count(DISTINCT t.event_id) AS INTEGER) AS events,
    CAST(count(DISTINCT t.article_id) AS INTEGER) AS articles,
    min(r.published_date) AS first_date,
    max(r.published_date) AS last_date
FROM together t
JOIN actors a ON a.actor_id = t.actor_a_id
JOIN actors b ON b.actor_id = t.actor_b_id
JOIN articles r ON r.article_id = t.article_id
GROUP BY ALL
ORDER BY events DESC, sentences DESC, t.actor_a_id, t.actor_b_id

-- Each article with the actors it names and the events it reports, one row an article, for reading lists and BI drill-downs.
-- @group event_marts
-- @view
-- @column article_id: The article (articles.article_id).
-- @column title: Its title.
-- @column publisher: Its publisher.
-- @column published_date: Its publication date.
-- @column url: Its URL, when known.
-- @column word_count: Words in its body.
-- @column actors: Names of the actors it mentions, in order of first mention.
-- @column actor_count: Number of distinct actors it mentions.
-- @column events: The events it reports, in text order, each as 'source | label | target' (a missing party left empty).
-- @column event_count: Number of distinct events it reports.
WITH named AS (
    SELECT m.article_id, list(a.name ORDER BY m.first_start) AS actors, count(*) AS actor_count
    FROM (SELECT article_id, actor_id, min(start_char) AS first_start FROM mentions GROUP BY ALL) m
    JOIN actors a USING (actor_id)
    GROUP BY m.article_id
),
reported AS (
    SELECT
        r.article_id,
        list(concat_ws(' | ', coalesce(s.name, ''), e.event_label, coalesce(t.name, '')) ORDER BY r.first_start, e.event_id) AS events,
        count(*) AS event_count
    FROM (SELECT article_id, event_id, min(start_char) AS first_start FROM event_mentions GROUP BY ALL) r
    JOIN events e USING (event_id)
    LEFT JOIN actors s ON s.actor_id = e.actor1_id
    LEFT JOIN actors t ON t.actor_id = e.actor2_id
    GROUP BY r.article_id
)
SELECT
    a.article_id,
    a.title,
    a.publisher,
    a.published_date,
    a.url,
    a.word_count,
    coalesce(n.actors, []) AS actors,
    CAST(coalesce(n.actor_count, 0) AS INTEGER) AS actor_count,
    coalesce(r.events, []) AS events,
    CAST(coalesce(r.event_count, 0) AS INTEGER) AS event_count
FROM articles a
LEFT JOIN named n USING (article_id)
LEFT JOIN reported r USING (article_id)
ORDER BY a.article_id

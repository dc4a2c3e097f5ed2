-- One row per event with its actors and place by name and its best-supported report: the events table ready for reading and for BI tools.
-- @group event_marts
-- @key event_id
-- @column event_id: The event (events.event_id).
-- @column event_date: As in events.
-- @column date_precision: As in events.
-- @column event_code: As in events.
-- @column event_label: As in events.
-- @column quad_class: As in events.
-- @column goldstein: As in events.
-- @column modality: As in events.
-- @column actor1_name: Name of the source actor; null when the text names no doer.
-- @column actor1_type: Type of the source actor.
-- @column actor1_country: ISO 3166-1 alpha-3 country of the source actor.
-- @column actor2_name: Name of the target actor, when there is one.
-- @column actor2_type: Type of the target actor.
-- @column actor2_country: ISO 3166-1 alpha-3 country of the target actor.
-- @column place_name: Name of the place where it happened, when stated.
-- @column latitude: Latitude of the place.
-- @column longitude: Longitude of the place.
-- @column num_mentions: As in events.
-- @column num_articles: As in events.
-- @column num_sources: As in events.
-- @column confidence: As in events.
-- @column evidence: The most confident reporting span, quoted from the article body.
-- @column evidence_article_id: The article the evidence comes from.
WITH best AS (
    SELECT event_id, article_id, start_char, end_char,
           row_number() OVER (PARTITION BY event_id ORDER BY confidence DESC, article_id, start_char) AS rank
    FROM event_mentions
)
SELECT
    e.event_id,
    e.event_date,
    e.date_precision,
    e.event_code,
    e.event_label,
    e.quad_class,
    e.goldstein,
    e.modality,
    a1.name AS actor1_name,
    a1.actor_type AS actor1_type,
    a1.country_code AS actor1_country,
    a2.name AS actor2_name,
    a2.actor_type AS actor2_type,
    a2.country_code AS actor2_country,
    p.name AS place_name,
    p.latitude,
    p.longitude,
    e.num_mentions,
    e.num_articles,
    e.num_sources,
    e.confidence,
    substring(art.body, b.start_char + 1, b.end_char - b.start_char) AS evidence,
    b.article_id AS evidence_article_id
FROM events AS e
LEFT JOIN actors AS a1 ON a1.actor_id = e.actor1_id
LEFT JOIN actors AS a2 ON a2.actor_id = e.actor2_id
LEFT JOIN actors AS p ON p.actor_id = e.place_id
LEFT JOIN best AS b ON b.event_id = e.event_id AND b.rank = 1
LEFT JOIN articles AS art ON art.article_id = b.article_id
ORDER BY e.event_id

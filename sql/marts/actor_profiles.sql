-- One row per actor with what an analyst looks up first: names, counts, when it was first and last seen, and whom it acts with most.
-- @group actor_marts
-- @view
-- @column actor_id: The actor (actors.actor_id).
-- @column name: Its name.
-- @column actor_type: person, organization, country, location or group.
-- @column country_code: ISO 3166-1 alpha-3 code of its country; null when unknown.
-- @column role: CAMEO-style role code; null when unknown.
-- @column aliases: Every surface form seen for it.
-- @column mention_count: Its mentions.
-- @column article_count: Articles that mention it.
-- @column first_seen: Earliest publication date of an article that mentions it (null when none is dated).
-- @column last_seen: Latest publication date of an article that mentions it.
-- @column events_as_source: Events it did (events.actor1_id).
-- @column events_as_target: Events done to it (events.actor2_id).
-- @column top_counterparts: Up to five actors it shares the most events with, by name, most first.
WITH seen AS (
    SELECT m.actor_id, min(r.published_date) AS first_seen, max(r.published_date) AS last_seen
    FROM mentions m JOIN articles r USING (article_id)
    GROUP BY m.actor_id
),
parties AS (
    SELECT actor1_id AS actor_id, actor2_id AS other, 'source' AS side FROM events WHERE actor1_id IS NOT NULL
    UNION ALL
    SELECT actor2_id, actor1_id, 'target' FROM events WHERE actor2_id IS NOT NULL
),
counts AS (
    SELECT actor_id, count(*) FILTER (WHERE side = 'source') AS events_as_source, count(*) FILTER (WHERE side = 'target') AS events_as_target
    FROM parties GROUP BY actor_id
),
counterparts AS (
    SELECT p.actor_id, o.name, count(*) AS n
    FROM parties p JOIN actors o ON o.actor_id = p.other
    WHERE p.other <> p.actor_id
    GROUP BY ALL
),
top AS (
    SELECT actor_id, list(name ORDER BY n DESC, name) FILTER (WHERE rank <= 5) AS top_counterparts
    FROM (SELECT *, row_number() OVER (PARTITION BY actor_id ORDER BY n DESC, name) AS rank FROM counterparts)
    GROUP BY actor_id
)
SELECT
    a.actor_id,
    a.name,
    a.actor_type,
    a.country_code,
    a.role,
    a.aliases,
    a.mention_count,
    a.article_count,
    s.first_seen,
    s.last_seen,
    CAST(coalesce(c.events_as_source, 0) AS INTEGER) AS events_as_source,
    CAST(coalesce(c.events_as_target, 0) AS INTEGER) AS events_as_target,
    coalesce(t.top_counterparts, []) AS top_counterparts
FROM actors a
LEFT JOIN seen s USING (actor_id)
LEFT JOIN counts c USING (actor_id)
LEFT JOIN top t USING (actor_id)
ORDER BY a.actor_id

-- Events per day, CAMEO root and quad class: how many events, reports and articles, for trend charts.
-- @group event_marts
-- @view
-- @column event_date: The day (null for events whose date the text does not give).
-- @column event_root_code: Two-digit CAMEO root (cameo_codes.code of the root).
-- @column root_label: The root's label.
-- @column quad_class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
-- @column events: Number of events.
-- @column reports: Number of reporting sentences (event_mentions rows).
-- @column articles: Number of distinct reporting articles.
WITH per_event AS (
    SELECT e.event_id, e.event_date, e.event_root_code, e.quad_class, count(m.event_id) AS reports
    FROM events e LEFT JOIN event_mentions m USING (event_id)
    GROUP BY ALL
),
per_day AS (
    SELECT event_date, event_root_code, quad_class, count(*) AS events, sum(reports) AS reports FROM per_event GROUP BY ALL
),
articles AS (
    SELECT e.event_date, e.event_root_code, e.quad_class, count(DISTINCT m.article_id) AS articles
    FROM events e JOIN event_mentions m USING (event_id)
    GROUP BY ALL
)
SELECT
    d.event_date,
    d.event_root_code,
    c.label AS root_label,
    d.quad_class,
    CAST(d.events AS INTEGER) AS events,
    CAST(d.reports AS INTEGER) AS reports,
    CAST(coalesce(a.articles, 0) AS INTEGER) AS articles
FROM per_day d
LEFT JOIN articles a
    ON a.event_date IS NOT DISTINCT FROM d.event_date AND a.event_root_code = d.event_root_code AND a.quad_class = d.quad_class
LEFT JOIN cameo_codes c ON c.code = d.event_root_code
ORDER BY d.event_date NULLS LAST, d.event_root_code, d.quad_class

-- The timeline counts every event once and every report once.
SELECT 'events' AS measure, (SELECT sum(events) FROM event_timeline) AS timeline, (SELECT count(*) FROM events) AS warehouse
WHERE (SELECT coalesce(sum(events), 0) FROM event_timeline) <> (SELECT count(*) FROM events)
UNION ALL
SELECT 'reports', (SELECT sum(reports) FROM event_timeline), (SELECT count(*) FROM event_mentions)
WHERE (SELECT coalesce(sum(reports), 0) FROM event_timeline) <> (SELECT count(*) FROM event_mentions)

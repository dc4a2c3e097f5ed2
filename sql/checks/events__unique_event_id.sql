-- event_id is the primary key of events.
SELECT event_id, count(*) AS copies FROM events GROUP BY event_id HAVING count(*) > 1

-- event_details has exactly one row per event.
SELECT event_id, count(*) AS copies FROM event_details GROUP BY event_id HAVING count(*) > 1
UNION ALL
SELECT e.event_id, 0 FROM events e LEFT JOIN event_details d USING (event_id) WHERE d.event_id IS NULL

-- Every event's actors and place exist; the place is a location or a country; the source actor is set.
SELECT e.event_id, 'unknown or missing actor1' AS problem FROM events AS e LEFT JOIN actors AS a ON a.actor_id = e.actor1_id WHERE a.actor_id IS NULL
UNION ALL
SELECT e.event_id, 'unknown actor2' FROM events AS e LEFT JOIN actors AS a ON a.actor_id = e.actor2_id WHERE e.actor2_id IS NOT NULL AND a.actor_id IS NULL
UNION ALL
SELECT e.event_id, 'place is not a known location or country'
FROM events AS e LEFT JOIN actors AS a ON a.actor_id = e.place_id
WHERE e.place_id IS NOT NULL AND (a.actor_id IS NULL OR a.actor_type NOT IN ('location', 'country'))

-- Every event's actors and place exist; the place is a location or a country; an event names at least one actor
-- (the source is null for an act whose doer the text does not name: "three men were arrested").
SELECT e.event_id, 'unknown actor1' AS problem FROM events AS e LEFT JOIN actors AS a ON a.actor_id = e.actor1_id WHERE e.actor1_id IS NOT NULL AND a.actor_id IS NULL
UNION ALL
SELECT e.event_id, 'no actor' FROM events AS e WHERE e.actor1_id IS NULL AND e.actor2_id IS NULL
UNION ALL
SELECT e.event_id, 'unknown actor2' FROM events AS e LEFT JOIN actors AS a ON a.actor_id = e.actor2_id WHERE e.actor2_id IS NOT NULL AND a.actor_id IS NULL
UNION ALL
SELECT e.event_id, 'place is not a known location or country'
FROM events AS e LEFT JOIN actors AS a ON a.actor_id = e.place_id
WHERE e.place_id IS NOT NULL AND (a.actor_id IS NULL OR a.actor_type NOT IN ('location', 'country'))

-- actor_profiles has exactly one row per actor.
SELECT actor_id, count(*) AS copies FROM actor_profiles GROUP BY actor_id HAVING count(*) > 1
UNION ALL
SELECT a.actor_id, 0 FROM actors a LEFT JOIN actor_profiles p USING (actor_id) WHERE p.actor_id IS NULL

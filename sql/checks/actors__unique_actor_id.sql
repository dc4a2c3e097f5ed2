-- actor_id is the primary key of actors.
SELECT actor_id, count(*) AS copies FROM actors GROUP BY actor_id HAVING count(*) > 1

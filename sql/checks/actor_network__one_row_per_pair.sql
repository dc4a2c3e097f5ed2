-- Each pair of actors appears once, the lower id first, and names two actors.
SELECT actor_a_id, actor_b_id, 'duplicate' AS problem FROM actor_network GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT actor_a_id, actor_b_id, 'unordered or incomplete' FROM actor_network
WHERE actor_a_id IS NULL OR actor_b_id IS NULL OR actor_a_id >= actor_b_id

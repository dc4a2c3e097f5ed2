-- mention_id is the primary key of mentions.
SELECT mention_id, count(*) AS copies FROM mentions GROUP BY mention_id HAVING count(*) > 1

-- code is the primary key of cameo_codes, and every event's code is in it.
SELECT code, 'duplicate' AS problem FROM cameo_codes GROUP BY code HAVING count(*) > 1
UNION ALL
SELECT DISTINCT e.event_code, 'not in the codebook' FROM events e LEFT JOIN cameo_codes c ON c.code = e.event_code WHERE c.code IS NULL

-- Every mention says which recognition passes produced it.
SELECT * FROM mentions WHERE coalesce(rule, '') = ''

-- Every event report says which lexicon entry and argument rule found it.
SELECT * FROM event_mentions WHERE coalesce(rule, '') = ''

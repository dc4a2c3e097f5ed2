-- Every GDELT-style mention belongs to a GDELT-style event, and there is one per report.
SELECT m.GLOBALEVENTID, 'no event' AS problem FROM gdelt_mentions m LEFT JOIN gdelt_events e USING (GLOBALEVENTID) WHERE e.GLOBALEVENTID IS NULL
UNION ALL
SELECT NULL, 'count differs from event_mentions' WHERE (SELECT count(*) FROM gdelt_mentions) <> (SELECT count(*) FROM event_mentions)

-- GLOBALEVENTID is a key of gdelt_events: present and one per event.
SELECT GLOBALEVENTID, count(*) AS copies FROM gdelt_events GROUP BY GLOBALEVENTID HAVING count(*) > 1 OR GLOBALEVENTID IS NULL

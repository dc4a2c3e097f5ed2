-- Each input document appears once in article_sources.
SELECT source_file, count(*) AS rows FROM article_sources GROUP BY source_file HAVING count(*) > 1

-- Every input file is accounted for: each of its documents (a JSONL file has one per line) is an article source or a rejected input, exactly once, and nothing else appears there.
WITH accounted AS (
    SELECT source_file FROM article_sources
    UNION ALL
    SELECT source_file FROM rejected_inputs
),
owners AS (
    SELECT a.source_file, f.input_file
    FROM accounted AS a
    LEFT JOIN staging.input_files AS f
        ON a.source_file = f.input_file OR starts_with(a.source_file, f.input_file || '#L')
)
SELECT input_file AS source_file, 'input file with no article source or rejected input' AS problem
FROM staging.input_files
WHERE input_file NOT IN (SELECT input_file FROM owners WHERE input_file IS NOT NULL)
UNION ALL
SELECT source_file, 'accounted for more than once' FROM accounted GROUP BY source_file HAVING count(*) > 1
UNION ALL
SELECT source_file, 'not from any input file' FROM owners WHERE input_file IS NULL

-- One row per input that did not become an article, with the reason; nothing is dropped silently.
-- @group article_marts
-- @column source_file: Input file (a JSONL line is 'name.jsonl#L<n>').
-- @column reason: Machine-readable reason: empty, binary, undecodable, too_large, unsupported_type, unreadable (an OS error, or a folder that cannot be listed), broken_link (a link to nothing), symlink_loop, not_a_file (a pipe, socket, device or link to a folder), malformed_jsonl, boilerplate_only (never the language: every language is kept).
-- @column detail: What was wrong, in words a person can act on.
-- @column size_bytes: Size of the rejected input in bytes.
-- @column stage: The stage that rejected it (ingest or clean).
SELECT source_file, reason, detail, size_bytes, 'ingest' AS stage FROM staging.ingest_rejections
UNION ALL
SELECT source_file, reason, detail, size_bytes, 'clean' AS stage FROM staging.clean_rejections
ORDER BY source_file

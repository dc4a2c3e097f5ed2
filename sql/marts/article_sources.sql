-- One row per input document that became an article: which article it is and how (canonical copy, exact or near duplicate).
-- @group article_marts
-- @key source_file
-- @column source_file: Input file (a JSONL line is 'name.jsonl#L<n>'); each appears once here or once in rejected_inputs.
-- @column article_id: The article this input is a copy of (articles.article_id).
-- @column relation: canonical (the copy kept in articles), exact_duplicate (same normalised text) or near_duplicate (MinHash/LSH match).
-- @column similarity: Estimated Jaccard similarity of word 5-shingles to the canonical copy; 1.0 for canonical and exact duplicates.
-- @column content_hash: sha256 of this copy's normalised body.
-- @column publisher: Publisher of this copy, which may differ from the canonical copy's.
-- @column url: URL of this copy when known.
-- @column raw_sha256: sha256 of the raw input bytes (the file, or the JSONL line) this copy was read from.
-- @column encoding: The text encoding the input was decoded with.
SELECT
    a.source_file,
    a.article_id,
    a.relation,
    a.similarity,
    a.content_hash,
    c.publisher,
    c.url,
    r.raw_sha256,
    r.encoding
FROM staging.article_assignments AS a
JOIN staging.clean_articles AS c USING (source_file)
JOIN staging.raw_documents AS r USING (source_file)
ORDER BY a.source_file

-- One row per distinct article: the canonical copy of each group of duplicate inputs, cleaned of page furniture.
-- @group article_marts
-- @key article_id
-- @column article_id: Stable id from the canonical body's normalised content hash ('art_' + 16 hex digits); the same text gives the same id on every run.
-- @column source_file: Input file of the canonical copy, relative to its input folder (a JSONL line is 'name.jsonl#L<n>').
-- @column title: Headline, when the page or its metadata states one.
-- @column byline: Author line as printed, without 'By'.
-- @column publisher: Publishing outlet, from the page, its metadata or the URL's domain; null when nothing names it.
-- @column published_date: Publication date when the page states it; null rather than a guess.
-- @column body: Article text without page furniture; paragraphs separated by a blank line. All offsets in the warehouse index this text (0-based, end-exclusive, in characters).
-- @column word_count: Number of whitespace-separated words in body.
-- @column content_hash: sha256 of the normalised body; equal for exact duplicates.
-- @column url: Source URL when known: the JSONL record's, else the page's canonical URL (HTML metadata).
-- @column sentence_count: Number of rows of this article in sentences.
-- @column copies: Number of input files that are this article (the canonical copy and its duplicates).
-- @column language: ISO 639-1 code of the body's language: English by its stop words, any other by the py3langid identifier. No article is rejected for its language.
-- @column nlp_status: 'analysed' when the entity and event stages read the article; 'skipped_language' for an article in a language they have no model and lexicons for (they are English): kept, deduplicated and searchable, with no mentions or events.
-- @column published_at: Publication moment as precise as the source states it, ISO 8601 with its UTC offset when given ('2024-03-05T14:12:00Z', or the day alone '2024-03-05'); null when no date is stated.
-- @column published_precision: What published_at states: 'second', 'minute' or 'day'; null when no date is stated.
-- @column section: The site's section for the article ('World', 'Politics'), when its metadata (article:section, JSON-LD articleSection) names one.
-- @column dateline: Place the report is filed from, as its first paragraph prints it ('GENEVA' of 'GENEVA, March 5 (Reuters) - ...'); null without a dateline.
SELECT
    a.article_id,
    c.source_file,
    c.title,
    c.byline,
    c.publisher,
    c.published_date,
    c.body,
    CAST(array_length(string_split_regex(trim(c.body), '\s+')) AS INTEGER) AS word_count,
    a.content_hash,
    c.url,
    CAST(array_length(c.sentences) AS INTEGER) AS sentence_count,
    CAST((SELECT count(*) FROM staging.article_assignments d WHERE d.article_id = a.article_id) AS INTEGER) AS copies,
    c.language,
    CASE WHEN c.language = 'en' THEN 'analysed' ELSE 'skipped_language' END AS nlp_status,
    c.published_at,
    c.published_precision,
    c.section,
    c.dateline
FROM staging.article_assignments AS a
JOIN staging.clean_articles AS c USING (source_file)
WHERE a.relation = 'canonical'
ORDER BY a.article_id

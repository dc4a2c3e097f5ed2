-- The events under GDELT 2.0 event-table column names and types, so GDELT users' queries (BigQuery SQL through `query --dialect bigquery`) run here. Where GDELT has no counterpart in this warehouse the column is null: AvgTone (no tone is scored); DATEADDED is the first report's publication day, never the clock.
-- @group event_marts
-- @view
-- @column GLOBALEVENTID: A stable integer id, from events.event_id (kept beside it as event_id).
-- @column SQLDATE: The event's day as a yyyymmdd integer (null when undated).
-- @column MonthYear: yyyymm integer.
-- @column Year: The year.
-- @column FractionDate: The year plus the day's fraction of it (YYYY.FFFF).
-- @column Actor1Code: The source's country code and role run together ('USAGOV'), as GDELT's CAMEO actor codes; null without a source.
-- @column Actor1Name: The source's name.
-- @column Actor1CountryCode: The source's ISO 3166-1 alpha-3 country code.
-- @column Actor1Type1Code: The source's CAMEO role code (GOV, MIL, REB, ...).
-- @column Actor2Code: The target's code, as Actor1Code.
-- @column Actor2Name: The target's name.
-- @column Actor2CountryCode: The target's country code.
-- @column Actor2Type1Code: The target's role code.
-- @column IsRootEvent: 1 when a report of the event opens its article (its first sentence), else 0.
-- @column EventCode: CAMEO event code.
-- @column EventBaseCode: Its first three digits.
-- @column EventRootCode: Its two-digit root.
-- @column QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
-- @column GoldsteinScale: Goldstein score of the code.
-- @column NumMentions: Reporting sentences.
-- @column NumSources: Distinct publishers.
-- @column NumArticles: Distinct articles.
-- @column AvgTone: Null: no tone is scored.
-- @column ActionGeo_Type: 1 country, 2 US state, 3 US city or place, 4 other city or place, 5 other first-level division; null without a place.
-- @column ActionGeo_FullName: The place's name.
-- @column ActionGeo_CountryCode: The place's ISO 3166-1 alpha-3 country code.
-- @column ActionGeo_Lat: The place's latitude.
-- @column ActionGeo_Long: The place's longitude.
-- @column DATEADDED: The first report's publication day as yyyymmddhhmmss (time 000000); null when no report is dated.
-- @column SOURCEURL: The URL of the first reporting article (by publication date, then id), else its source file.
-- @column event_id: The warehouse's own event id (events.event_id).
WITH reports AS (
    SELECT
        m.event_id,
        min(s.sentence_index) AS first_sentence,
        min(r.published_date) AS first_published,
        arg_min(coalesce(r.url, r.source_file), (coalesce(r.published_date, DATE '9999-12-31'), r.article_id)) AS source_url
    FROM event_mentions m
    JOIN sentences s USING (sentence_id)
    JOIN articles r ON r.article_id = m.article_id
    GROUP BY m.event_id
)
SELECT
    CAST(('0x' || substr(e.event_id, 5, 15)) AS BIGINT) AS GLOBALEVENTID,
    CAST(strftime(e.event_date, '%Y%m%d') AS INTEGER) AS SQLDATE,
    CAST(strftime(e.event_date, '%Y%m') AS INTEGER) AS MonthYear,
    CAST(year(e.event_date) AS INTEGER) AS Year,
    round(year(e.event_date) + (dayofyear(e.event_date) - 1) / 365.0, 4) AS FractionDate,
    nullif(coalesce(a1.country_code, '') || coalesce(a1.role, ''), '') AS Actor1Code,
    a1.name AS Actor1Name,
    a1.country_code AS Actor1CountryCode,
    a1.role AS Actor1Type1Code,
    nullif(coalesce(a2.country_code, '') || coalesce(a2.role, ''), '') AS Actor2Code,
    a2.name AS Actor2Name,
    a2.country_code AS Actor2CountryCode,
    a2.role AS Actor2Type1Code,
    CAST(r.first_sentence = 0 AS INTEGER) AS IsRootEvent,
    e.event_code AS EventCode,
    left(e.event_code, 3) AS EventBaseCode,
    e.event_root_code AS EventRootCode,
    e.quad_class AS QuadClass,
    e.goldstein AS GoldsteinScale,
    e.num_mentions AS NumMentions,
    e.num_sources AS NumSources,
    e.num_articles AS NumArticles,
    CAST(NULL AS DOUBLE) AS AvgTone,
    CASE
        WHEN p.actor_id IS NULL THEN NULL
        WHEN p.place_kind = 'country' THEN 1
        WHEN p.country_code = 'USA' AND p.place_kind = 'state' THEN 2
        WHEN p.country_code = 'USA' THEN 3
        WHEN p.place_kind = 'state' THEN 5
        ELSE 4
    END AS ActionGeo_Type,
    p.name AS ActionGeo_FullName,
    p.country_code AS ActionGeo_CountryCode,
    p.latitude AS ActionGeo_Lat,
    p.longitude AS ActionGeo_Long,
    CAST(strftime(r.first_published, '%Y%m%d') || '000000' AS BIGINT) AS DATEADDED,
    r.source_url AS SOURCEURL,
    e.event_id
FROM events e
LEFT JOIN actors a1 ON a1.actor_id = e.actor1_id
LEFT JOIN actors a2 ON a2.actor_id = e.actor2_id
LEFT JOIN actors p ON p.actor_id = e.place_id
LEFT JOIN reports r ON r.event_id = e.event_id
ORDER BY GLOBALEVENTID

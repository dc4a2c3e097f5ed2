"""Events: candidates extracted from each parse (events.extract), merged across articles (events.merge)."""

from functools import partial

import dagster as dg

from pipelines.events.extract import ArticleContext, EventCandidate, extract_events
from pipelines.events.merge import EventMentionRow, EventRow
from pipelines.events.reference import CameoCode, cameo_codes
from pipelines.events.report import top_events_markdown
from pipelines.events.stage import reduce_events
from pipelines.maps import event_rows
from pipelines.parse.assets import PARSES_DIGEST, load_sentences, map_docs
from pipelines.records import ActorMention
from pipelines.reference import REFERENCE_DIR
from pipelines.settings import WarehouseSettings
from pipelines.warehouse.memo import code_version, fingerprint, key_of, map_articles, memo_frame, memo_table, unchanged
from pipelines.warehouse.store import connect, frame_of, only_articles, read_table, schema_of, write_table, write_tables

EVENT_SCHEMA = schema_of(EventRow)
EVENT_MENTION_SCHEMA = schema_of(EventMentionRow)
CAMEO_SCHEMA = schema_of(CameoCode)
REFERENCES = ["event_lexicon.csv", "cameo_codes.csv", "modality_cues.csv", "event_context_words.csv"]
OUTPUTS = ["staging.events", "staging.event_mentions"]
# Beside the parses: the actors and mentions (by the fingerprint the entity stage wrote them
# from) and the articles' dates and publishers, which date and weigh the reports.
INPUT_DIGESTS = [
    PARSES_DIGEST,
    f"SELECT fingerprint FROM {memo_table('entities')}",
    "SELECT md5(coalesce(string_agg(article_id || '|' || coalesce(publisher, '') || '|' || coalesce(CAST(published_date AS VARCHAR), ''), ',' ORDER BY article_id), '')) FROM main.articles",
]


def stage_version() -> str:
    """The event stage's logic and knowledge: its code and its reference CSVs."""
    return code_version(["events", "nlp", "records", "reference"], [REFERENCE_DIR / name for name in REFERENCES])


@dg.asset(
    key=["staging", "cameo_codes"],
    group_name="events",
    kinds={"csv", "duckdb"},
    description="The CAMEO codebook the event coder uses (seeds/reference/cameo_codes.csv), for the warehouse's lookup table.",
    pool="duckdb",
)
def cameo_codebook(settings: WarehouseSettings) -> dg.MaterializeResult:
    frame = frame_of(sorted(cameo_codes().values(), key=lambda c: c.code), CAMEO_SCHEMA)
    with connect(settings.work_db_path) as conn:
        write_table(conn, "staging.cameo_codes", frame)
    return dg.MaterializeResult(metadata={"dagster/row_count": frame.height})


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            ["staging", "events"],
            deps=[["staging", "parses"], ["staging", "mentions"], ["staging", "actors"]],
            kinds={"spacy", "python", "duckdb"},
            description="One row per real event, merged across the articles that report it.",
        ),
        dg.AssetSpec(
            ["staging", "event_mentions"],
            deps=[["staging", "parses"], ["staging", "mentions"], ["staging", "actors"]],
            kinds={"spacy", "python", "duckdb"},
            description="Each sentence that reports an event.",
        ),
    ],
    group_name="events",
    pool="duckdb",
)
def events_and_mentions(context: dg.AssetExecutionContext, settings: WarehouseSettings):
    with connect(settings.work_db_path) as conn:
        articles = read_table(conn, "main.articles", "article_id, publisher, published_date, body")
        meta = {row["article_id"]: row for row in articles.iter_rows(named=True)}
        actor_rows = conn.execute("SELECT actor_id, actor_type, country_code, role, name FROM staging.actors").fetchall()
        inputs = fingerprint(conn, stage_version(), INPUT_DIGESTS)
        reused = unchanged(conn, "events", inputs, OUTPUTS)
        if reused:  # the same parses, actors and articles read by the same rules: the tables hold the result
            events = [EventRow(**row) for row in read_table(conn, OUTPUTS[0]).iter_rows(named=True)]
            supports = [EventMentionRow(**row) for row in read_table(conn, OUTPUTS[1]).iter_rows(named=True)]
            candidates, read = None, 0
        else:
            candidates, events, supports, by_article, read = _extract(conn, settings, meta, actor_rows)
            event_frame = frame_of(events, EVENT_SCHEMA).sort("event_id")
            mention_frame = frame_of(supports, EVENT_MENTION_SCHEMA).sort("event_id", "article_id", "start_char")
            tables = {OUTPUTS[0]: event_frame, OUTPUTS[1]: mention_frame, **by_article, memo_table("events"): memo_frame(inputs)}
            write_tables(conn, tables)
    found = "inputs and rules unchanged: kept" if candidates is None else f"{len(candidates)} candidates"
    context.log.info(f"{len(events)} events from {len(supports)} reports ({found})")
    names = {actor_id: name for actor_id, *_, name in actor_rows}
    report = top_events_markdown(events, supports, names, {aid: m["body"] for aid, m in meta.items()})
    metadata = {"dagster/row_count": len(events), "reused": reused, "top_events": dg.MetadataValue.md(report)}
    if candidates is not None:
        metadata["candidates"] = len(candidates)
    metadata["articles_read"] = read  # articles whose candidates were read anew; the others' were kept
    yield dg.MaterializeResult(asset_key=["staging", "events"], metadata=metadata)
    yield dg.MaterializeResult(asset_key=["staging", "event_mentions"], metadata={"dagster/row_count": len(supports)})


# What one article's candidates are read from: its parse, its mentions as the event rules see them
# (actor ids and types, offsets) and its date and publisher.
ARTICLE_INPUTS = """
SELECT p.article_id, p.parse_key,
       md5(coalesce(string_agg(m.mention_id || '|' || m.actor_id || '|' || a.actor_type || '|' || m.start_char || '|' || m.end_char
                               || '|' || m.sentence_id, ',' ORDER BY m.start_char, m.mention_id), '')) AS mentions_digest,
       coalesce(any_value(art.publisher), '') || '|' || coalesce(CAST(any_value(art.published_date) AS VARCHAR), '') AS dated
FROM staging.parses AS p
LEFT JOIN staging.mentions AS m USING (article_id)
LEFT JOIN staging.actors AS a USING (actor_id)
LEFT JOIN main.articles AS art ON art.article_id = p.article_id
GROUP BY p.article_id, p.parse_key
"""

# What the map reads of an article on the Spark engine (pipelines/maps.py): its parse, date,
# publisher and sentences, and its mentions as the event rules see them (in the order above).
MAP_INPUTS = """
WITH spans AS (
    SELECT article_id, list(struct_pack(sentence_id, start_char, end_char) ORDER BY sentence_index) AS sentences
    FROM main.sentences WHERE article_id IN (SELECT article_id FROM _todo) GROUP BY article_id
),
said AS (
    SELECT m.article_id,
           list(struct_pack(m.mention_id, m.article_id, m.actor_id, a.actor_type, m.start_char, m.end_char, m.sentence_id)
                ORDER BY m.start_char, m.mention_id) AS mentions
    FROM staging.mentions AS m JOIN staging.actors AS a USING (actor_id)
    WHERE m.article_id IN (SELECT article_id FROM _todo) GROUP BY m.article_id
)
SELECT p.article_id, p.doc, art.published_date, art.publisher, coalesce(s.sentences, []) AS sentences, coalesce(d.mentions, []) AS mentions
FROM staging.parses AS p
JOIN main.articles AS art USING (article_id)
LEFT JOIN spans AS s USING (article_id)
LEFT JOIN said AS d USING (article_id)
WHERE p.article_id IN (SELECT article_id FROM _todo)
"""


def _extract(conn, settings: WarehouseSettings, meta: dict, actor_rows: list[tuple]):
    """Candidates of every stored parse (kept per article while its inputs and the rules are
    unchanged, see warehouse/memo.py), merged into events and their supporting reports."""
    version = stage_version()
    keys = {article_id: key_of(*inputs, version) for article_id, *inputs in conn.execute(ARTICLE_INPUTS).fetchall()}
    read: list[str] = []

    def extract(todo: set[str]):
        read.extend(todo)
        if settings.engine == "spark" and todo:
            from pipelines.engines import spark

            mapper = partial(event_rows, settings.spacy_model)
            root = spark.parquet_root(settings.work_db_path)
            return spark.map_stage(conn, settings.spark_master, root, "events", MAP_INPUTS, todo, mapper, EventCandidate).items()
        by_article = _mentions_of(conn, todo)
        spans = load_sentences(conn, todo)
        args = {
            article_id: (
                by_article.get(article_id, []),
                ArticleContext(article_id, meta[article_id]["published_date"], meta[article_id]["publisher"], spans.get(article_id, [])),
            )
            for article_id in todo
        }
        return map_docs(conn, settings.spacy_model, todo, extract_events, args, settings.processes)

    candidates, frames = map_articles(conn, "events", keys, EventCandidate, extract)
    articles = {article_id: (m["publisher"], m["published_date"]) for article_id, m in meta.items()}
    actors = {actor_id: (kind, country, role) for actor_id, kind, country, role, _ in actor_rows}
    placed, events, supports = reduce_events(candidates, articles, actors)
    return placed, events, supports, frames, len(read)


def _mentions_of(conn, only: set[str]) -> dict[str, list[ActorMention]]:
    """article_id -> its actor mentions as the event rules see them, for the `only` articles (the
    ones the map reads, not the archive)."""
    by_article: dict[str, list[ActorMention]] = {}
    with only_articles(conn, only):
        rows = conn.execute(
            """
            SELECT m.mention_id, m.article_id, m.actor_id, a.actor_type, m.start_char, m.end_char, m.sentence_id
            FROM staging.mentions m JOIN staging.actors a USING (actor_id)
            WHERE m.article_id IN (SELECT article_id FROM _only)
            ORDER BY m.article_id, m.start_char, m.mention_id  -- the order the Spark map reads them in (pipelines/maps.py)
            """
        ).fetchall()
    for row in rows:
        by_article.setdefault(row[1], []).append(ActorMention(*row))
    return by_article

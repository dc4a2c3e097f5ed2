"""Events: candidates extracted from each parse (events.extract), merged across articles (events.merge)."""

import dagster as dg

from pipelines.events.extract import ArticleContext
from pipelines.events.merge import EventMentionRow, EventRow
from pipelines.events.reference import CameoCode, cameo_codes
from pipelines.events.report import top_events_markdown
from pipelines.events.stage import run_events
from pipelines.parse.assets import load_docs, load_sentences
from pipelines.records import ActorMention
from pipelines.settings import WarehouseSettings
from pipelines.warehouse.store import connect, frame_of, read_table, schema_of, write_table, write_tables

EVENT_SCHEMA = schema_of(EventRow)
EVENT_MENTION_SCHEMA = schema_of(EventMentionRow)
CAMEO_SCHEMA = schema_of(CameoCode)


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
        mentions = conn.execute(
            """
            SELECT m.mention_id, m.article_id, m.actor_id, a.actor_type, m.start_char, m.end_char, m.sentence_id
            FROM staging.mentions m JOIN staging.actors a USING (actor_id)
            ORDER BY m.article_id, m.start_char
            """
        ).fetchall()
        by_article: dict[str, list[ActorMention]] = {}
        for row in mentions:
            by_article.setdefault(row[1], []).append(ActorMention(*row))
        spans = load_sentences(conn)
        meta = {row["article_id"]: row for row in articles.iter_rows(named=True)}
        actor_rows = conn.execute("SELECT actor_id, actor_type, country_code, role, name FROM staging.actors").fetchall()
        actors = {actor_id: (kind, country, role) for actor_id, kind, country, role, _ in actor_rows}
        parsed = (
            (doc, ArticleContext(article_id, meta[article_id]["published_date"], meta[article_id]["publisher"], spans.get(article_id, [])))
            for article_id, doc in load_docs(conn, settings.spacy_model)
        )
        candidates, events, supports = run_events(parsed, by_article, actors)
        event_frame = frame_of(events, EVENT_SCHEMA).sort("event_id")
        mention_frame = frame_of(supports, EVENT_MENTION_SCHEMA).sort("event_id", "article_id", "start_char")
        write_tables(conn, {"staging.events": event_frame, "staging.event_mentions": mention_frame})
    context.log.info(f"{event_frame.height} events from {mention_frame.height} reports ({len(candidates)} candidates)")
    names = {actor_id: name for actor_id, *_, name in actor_rows}
    report = top_events_markdown(events, supports, names, {aid: m["body"] for aid, m in meta.items()})
    yield dg.MaterializeResult(
        asset_key=["staging", "events"],
        metadata={"dagster/row_count": event_frame.height, "candidates": len(candidates), "top_events": dg.MetadataValue.md(report)},
    )
    yield dg.MaterializeResult(asset_key=["staging", "event_mentions"], metadata={"dagster/row_count": mention_frame.height})

"""Entities: mentions found in each parse (entities.recognise), resolved into warehouse actors (entities.resolve)."""

import time

import dagster as dg

from pipelines.entities.recognise import find_mentions
from pipelines.entities.report import top_actors_markdown
from pipelines.entities.resolve import ActorRow, MentionRow, resolve_actors
from pipelines.parse.assets import load_docs, load_sentences
from pipelines.settings import WarehouseSettings
from pipelines.warehouse.store import connect, frame_of, schema_of, write_tables

ACTOR_SCHEMA = schema_of(ActorRow)
MENTION_SCHEMA = schema_of(MentionRow)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            ["staging", "actors"],
            deps=[["staging", "parses"], ["warehouse", "sentences"]],
            kinds={"spacy", "python", "duckdb"},
            description="One row per real-world actor across the warehouse.",
        ),
        dg.AssetSpec(
            ["staging", "mentions"],
            deps=[["staging", "parses"], ["warehouse", "sentences"]],
            kinds={"spacy", "python", "duckdb"},
            description="Each occurrence of an actor in an article body.",
        ),
    ],
    group_name="entities",
    pool="duckdb",
)
def actors_and_mentions(context: dg.AssetExecutionContext, settings: WarehouseSettings):
    started = time.perf_counter()
    with connect(settings.work_db_path) as conn:
        sentences = load_sentences(conn)
        found = []
        for article_id, doc in load_docs(conn, settings.spacy_model):
            found.extend(find_mentions(doc, article_id, sentences.get(article_id, [])))
        actors, mentions = resolve_actors(found)
        actor_frame = frame_of(actors, ACTOR_SCHEMA).sort("actor_id")
        mention_frame = frame_of(mentions, MENTION_SCHEMA).sort("article_id", "start_char", "mention_id")
        write_tables(conn, {"staging.actors": actor_frame, "staging.mentions": mention_frame})
    seconds = time.perf_counter() - started
    context.log.info(f"{actor_frame.height} actors from {mention_frame.height} mentions")
    yield dg.MaterializeResult(
        asset_key=["staging", "actors"],
        metadata={
            "dagster/row_count": actor_frame.height,
            "top_actors": dg.MetadataValue.md(top_actors_markdown(actor_frame)),
            "seconds": round(seconds, 3),
        },
    )
    yield dg.MaterializeResult(asset_key=["staging", "mentions"], metadata={"dagster/row_count": mention_frame.height})

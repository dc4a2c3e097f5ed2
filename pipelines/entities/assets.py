"""Entities: mentions found in each parse (entities.recognise), resolved into warehouse actors (entities.resolve)."""

import time
from functools import partial

import dagster as dg

from pipelines.entities.gazetteer import index_key
from pipelines.entities.gazetteer import load as load_gazetteer
from pipelines.entities.recognise import EntityMention, find_mentions
from pipelines.entities.report import top_actors_markdown
from pipelines.entities.resolve import ActorRow, mentions_table, resolve_actor_ids
from pipelines.maps import mention_rows
from pipelines.parse.assets import PARSES_DIGEST, load_sentences, map_docs
from pipelines.reference import REFERENCE_DIR
from pipelines.settings import WarehouseSettings
from pipelines.warehouse.memo import code_version, fingerprint, key_of, map_articles, memo_frame, memo_table, unchanged
from pipelines.warehouse.store import connect, frame_of, read_table, schema_of, write_tables

ACTOR_SCHEMA = schema_of(ActorRow)
REFERENCES = [
    "demonyms.csv",
    "role_titles.csv",
    "org_types.csv",
    "organizations.csv",
    "regions.csv",
    "physical_features.csv",
    "place_aliases.csv",
    "entity_furniture.csv",
    "group_actors.csv",
    "entity_words.csv",
]
OUTPUTS = ["staging.actors", "staging.mentions"]
# What the map reads of an article on the Spark engine (pipelines/maps.py): its parse and sentences.
MAP_INPUTS = """
WITH spans AS (
    SELECT article_id, list(struct_pack(sentence_id, start_char, end_char) ORDER BY sentence_index) AS sentences
    FROM main.sentences WHERE article_id IN (SELECT article_id FROM _todo) GROUP BY article_id
)
SELECT p.article_id, p.doc, coalesce(s.sentences, []) AS sentences
FROM staging.parses AS p LEFT JOIN spans AS s USING (article_id)
WHERE p.article_id IN (SELECT article_id FROM _todo)
"""


def stage_version() -> str:
    """The entity stage's logic and knowledge: its code, its reference CSVs and the gazetteer's sources."""
    return code_version(["entities", "nlp", "records", "reference"], [REFERENCE_DIR / name for name in REFERENCES]) + index_key()


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
        inputs = fingerprint(conn, stage_version(), [PARSES_DIGEST])
        reused = unchanged(conn, "entities", inputs, OUTPUTS)
        read = []
        if reused:  # the same parses read by the same rules: the tables already hold the result
            actor_frame, mention_frame = read_table(conn, OUTPUTS[0]), read_table(conn, OUTPUTS[1])
        else:
            version = stage_version()
            # The map (mentions of one article's parse) is kept per article, under its parse and the rules;
            # the reduce (resolution into actors) runs over every article's mentions.
            keys = {
                article_id: key_of(parse_key, version)
                for article_id, parse_key in conn.execute("SELECT article_id, parse_key FROM staging.parses").fetchall()
            }

            def find(todo: set[str]):
                read.extend(todo)
                if settings.engine == "spark" and todo:
                    from pipelines.engines import spark

                    mapper = partial(mention_rows, settings.spacy_model)
                    root = spark.parquet_root(settings.work_db_path)
                    return spark.map_stage(conn, settings.spark_master, root, "entities", MAP_INPUTS, todo, mapper, EntityMention).items()
                sentences = load_sentences(conn, todo)
                args = {article_id: (article_id, sentences.get(article_id, [])) for article_id in todo}
                if todo:
                    load_gazetteer()  # before the workers fork: they share it
                return map_docs(conn, settings.spacy_model, todo, find_mentions, args, settings.processes)

            found, by_article = map_articles(conn, "entities", keys, EntityMention, find)
            actors, actor_ids = resolve_actor_ids(found)
            actor_frame = frame_of(actors, ACTOR_SCHEMA).sort("actor_id")
            # The stored map rows are `found`, in its order: each row's actor is joined on as a column.
            mention_frame = mentions_table(by_article["staging.entities_by_article"], actor_ids).sort(
                "article_id", "start_char", "mention_id"
            )
            write_tables(
                conn, {OUTPUTS[0]: actor_frame, OUTPUTS[1]: mention_frame, **by_article, memo_table("entities"): memo_frame(inputs)}
            )
    seconds = time.perf_counter() - started
    context.log.info(
        f"{actor_frame.height} actors from {mention_frame.height} mentions{' (inputs and rules unchanged: kept)' if reused else ''}"
    )
    yield dg.MaterializeResult(
        asset_key=["staging", "actors"],
        metadata={
            "dagster/row_count": actor_frame.height,
            "top_actors": dg.MetadataValue.md(top_actors_markdown(actor_frame)),
            "seconds": round(seconds, 3),
            "reused": reused,
            "articles_read": len(read),  # articles whose mentions were found anew; the others' were kept
        },
    )
    yield dg.MaterializeResult(asset_key=["staging", "mentions"], metadata={"dagster/row_count": mention_frame.height})

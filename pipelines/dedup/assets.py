"""Deduplicate: every cleaned document is a canonical article or a copy of one (see dedup.near_duplicates)."""

from functools import partial

import dagster as dg
import polars as pl

from pipelines.dedup.near_duplicates import DedupItem, deduplicate
from pipelines.settings import WarehouseSettings
from pipelines.warehouse.store import connect, frame_of, read_table, write_table

ASSIGNMENT_SCHEMA = {
    "source_file": pl.String,
    "article_id": pl.String,
    "relation": pl.String,
    "similarity": pl.Float64,
    "content_hash": pl.String,
}


@dg.asset(
    key=["staging", "article_assignments"],
    deps=[["staging", "clean_articles"]],
    group_name="dedup",
    kinds={"python", "duckdb"},
    pool="duckdb",
    description="For each cleaned document: its article id and whether it is the canonical copy, an exact or a near duplicate.",
)
def article_assignments(context: dg.AssetExecutionContext, settings: WarehouseSettings) -> dg.MaterializeResult:
    with connect(settings.work_db_path) as conn:
        clean = read_table(conn, "staging.clean_articles", "source_file, body, published_date")
        items = [DedupItem(**row) for row in clean.iter_rows(named=True)] if not clean.is_empty() else []
        candidate_pairs = None
        if settings.engine == "spark":  # the banding, the pass's cross-article join, on Spark
            from pipelines.engines import spark

            candidate_pairs = partial(spark.lsh_pairs, settings.spark_master, spark.parquet_root(settings.work_db_path))
        frame = frame_of(deduplicate(items, candidate_pairs), ASSIGNMENT_SCHEMA).sort("source_file")
        write_table(conn, "staging.article_assignments", frame)
    relations = frame["relation"].value_counts().sort("relation")
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": frame.height,
            **{row["relation"]: row["count"] for row in relations.iter_rows(named=True)},
        }
    )

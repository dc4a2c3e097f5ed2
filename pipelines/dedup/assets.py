"""Deduplicate: every cleaned document is a canonical article or a copy of one (see dedup.near_duplicates)."""

from functools import partial

import dagster as dg
import polars as pl

from pipelines.dedup import signatures
from pipelines.dedup.near_duplicates import assign
from pipelines.settings import WarehouseSettings
from pipelines.warehouse.memo import code_version, fingerprint, memo_frame, memo_table, unchanged
from pipelines.warehouse.store import connect, frame_of, read_table, write_tables

OUTPUT = "staging.article_assignments"
# What the pass reads of the clean stage: every document's body and date (the canonical choice
# reads the date), as one value for the stage's memo (warehouse/memo.py).
CLEAN_DIGEST = """
SELECT md5(coalesce(string_agg(source_file || '|' || md5(body) || '|' || coalesce(CAST(published_date AS VARCHAR), ''), ',' ORDER BY source_file), ''))
FROM staging.clean_articles
"""
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
        inputs = fingerprint(conn, code_version(["dedup"], []), [CLEAN_DIGEST])
        reused = unchanged(conn, "dedup", inputs, [OUTPUT])
        computed = 0
        if reused:  # the same documents: the same assignments
            frame = read_table(conn, OUTPUT)
        else:
            # The map (a text's signature) is stored per body, so only new bodies are read and hashed;
            # the reduce (banding, clusters, canonical choice) runs over every document's signature.
            documents, by_text, stored, computed = signatures.documents_and_signatures(conn)
            candidate_pairs = None
            if settings.engine == "spark":  # the banding, the pass's cross-article join, on Spark
                from pipelines.engines import spark

                candidate_pairs = partial(spark.lsh_pairs, settings.spark_master, spark.parquet_root(settings.work_db_path))
            frame = frame_of(assign(documents, by_text, candidate_pairs), ASSIGNMENT_SCHEMA).sort("source_file")
            write_tables(conn, {OUTPUT: frame, signatures.TABLE: stored, memo_table("dedup"): memo_frame(inputs)})
    relations = frame["relation"].value_counts().sort("relation")
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": frame.height,
            "reused": reused,
            "signatures_computed": computed,  # texts hashed anew; the others' signatures were kept
            **{row["relation"]: row["count"] for row in relations.iter_rows(named=True)},
        }
    )

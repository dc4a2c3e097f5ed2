"""Clean: raw documents become article fields and a body without page furniture (see clean.articles).

Cleaning reruns over every document (it costs well under a millisecond each) because the
cross-page evidence for furniture changes whenever a page of the same source arrives.
"""

import dagster as dg
import polars as pl

from pipelines.clean.articles import clean_documents
from pipelines.ingest.incremental import RAW_DOCUMENT_SCHEMA
from pipelines.records import RawDocument, Rejection
from pipelines.settings import WarehouseSettings
from pipelines.warehouse.store import connect, frame_of, read_table, schema_of, write_tables

_SPAN = pl.List(pl.Struct({"start": pl.Int64, "end": pl.Int64}))
CLEAN_ARTICLE_SCHEMA = {
    "source_file": pl.String,
    "title": pl.String,
    "byline": pl.String,
    "publisher": pl.String,
    "published_date": pl.Date,
    "url": pl.String,
    "body": pl.String,
    "paragraphs": _SPAN,
    "sentences": _SPAN,
    "language": pl.String,
    "published_at": pl.String,
    "published_precision": pl.String,
    "section": pl.String,
    "dateline": pl.String,
}
CLEAN_REJECTION_SCHEMA = schema_of(Rejection)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            ["staging", "clean_articles"],
            deps=[["staging", "raw_documents"]],
            kinds={"python", "duckdb"},
            description="Article fields, body, paragraph and sentence spans per document.",
        ),
        dg.AssetSpec(
            ["staging", "clean_rejections"],
            deps=[["staging", "raw_documents"]],
            kinds={"python", "duckdb"},
            description="Documents with no article left after removing page furniture.",
        ),
    ],
    group_name="clean",
    pool="duckdb",
)
def clean_articles(context: dg.AssetExecutionContext, settings: WarehouseSettings):
    with connect(settings.work_db_path) as conn:
        raw = read_table(conn, "staging.raw_documents")
        fields = [name for name in RAW_DOCUMENT_SCHEMA if name != "input_file"]
        docs = [RawDocument(**row) for row in raw.select(fields).iter_rows(named=True)] if not raw.is_empty() else []
        articles, rejections = [], []
        for result in clean_documents(docs, processes=settings.processes):
            if isinstance(result, Rejection):
                rejections.append(result)
                continue
            row = {name: getattr(result, name) for name in CLEAN_ARTICLE_SCHEMA if name not in ("paragraphs", "sentences")}
            row["paragraphs"] = [{"start": s, "end": e} for s, e in result.paragraphs]
            row["sentences"] = [{"start": s, "end": e} for s, e in result.sentences]
            articles.append(row)
        article_frame = frame_of(articles, CLEAN_ARTICLE_SCHEMA).sort("source_file")
        rejection_frame = frame_of(rejections, CLEAN_REJECTION_SCHEMA).sort("source_file")
        write_tables(conn, {"staging.clean_articles": article_frame, "staging.clean_rejections": rejection_frame})
    context.log.info(f"{article_frame.height} articles, {rejection_frame.height} rejected of {len(docs)} documents")
    yield dg.MaterializeResult(asset_key=["staging", "clean_articles"], metadata={"dagster/row_count": article_frame.height})
    yield dg.MaterializeResult(asset_key=["staging", "clean_rejections"], metadata={"dagster/row_count": rejection_frame.height})

"""Clean: raw documents become article fields and a body without page furniture (see clean.articles).

The cross-page evidence for furniture is gathered over the pages of one source, so a source is
the unit of reuse: its pages are cleaned again only when one of them, or the cleaning logic and
its word lists, changed (`staging.clean_source_keys` holds the key each source was cleaned
under); the others keep their rows, and the result is the one a full clean gives.
"""

import hashlib
from collections import defaultdict
from importlib.metadata import version as package_version

import dagster as dg
import polars as pl

from pipelines.clean.articles import clean_documents, source_group
from pipelines.ingest.incremental import RAW_DOCUMENT_SCHEMA
from pipelines.records import RawDocument, Rejection
from pipelines.reference import REFERENCE_DIR
from pipelines.settings import WarehouseSettings
from pipelines.warehouse.memo import code_version, key_of
from pipelines.warehouse.store import column_names, connect, frame_of, read_table, schema_of, table_exists, write_tables

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
OUTPUTS = ["staging.clean_articles", "staging.clean_rejections"]
SOURCE_KEYS = "staging.clean_source_keys"
SOURCE_KEY_SCHEMA = {"source_group": pl.String, "clean_key": pl.String}
# What cleaning reads besides the pages: its code, its word lists, and the extractor and language
# identifier it calls, whose upgrades change bodies.
PACKAGES = ("trafilatura", "py3langid")


def stage_version() -> str:
    references = [REFERENCE_DIR / name for name in ("furniture_words.csv", "clean_words.csv")]
    return code_version(["clean", "records"], references) + "".join(package_version(name) for name in PACKAGES)


def _document_key(doc: RawDocument) -> str:
    return hashlib.sha256(repr(doc).encode()).hexdigest()


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
        sources: dict[str, list[RawDocument]] = defaultdict(list)
        for doc in docs:
            sources[source_group(doc)].append(doc)
        version = stage_version()
        keys = {group: key_of(version, *sorted(map(_document_key, members))) for group, members in sources.items()}
        kept = _kept_sources(conn, keys)
        todo = [doc for group in sorted(sources.keys() - kept) for doc in sources[group]]
        kept_files = pl.DataFrame(
            {"source_file": [doc.source_file for group in kept for doc in sources[group]]}, schema={"source_file": pl.String}
        )
        articles, rejections = [], []
        for result in clean_documents(todo, processes=settings.processes):
            if isinstance(result, Rejection):
                rejections.append(result)
                continue
            row = {name: getattr(result, name) for name in CLEAN_ARTICLE_SCHEMA if name not in ("paragraphs", "sentences")}
            row["paragraphs"] = [{"start": s, "end": e} for s, e in result.paragraphs]
            row["sentences"] = [{"start": s, "end": e} for s, e in result.sentences]
            articles.append(row)
        article_frame = pl.concat(
            [_kept_rows(conn, OUTPUTS[0], kept_files, CLEAN_ARTICLE_SCHEMA), frame_of(articles, CLEAN_ARTICLE_SCHEMA)]
        ).sort("source_file")
        rejection_frame = pl.concat(
            [_kept_rows(conn, OUTPUTS[1], kept_files, CLEAN_REJECTION_SCHEMA), frame_of(rejections, CLEAN_REJECTION_SCHEMA)]
        ).sort("source_file")
        key_frame = pl.DataFrame({"source_group": sorted(keys), "clean_key": [keys[g] for g in sorted(keys)]}, schema=SOURCE_KEY_SCHEMA)
        write_tables(conn, {OUTPUTS[0]: article_frame, OUTPUTS[1]: rejection_frame, SOURCE_KEYS: key_frame})
    context.log.info(
        f"{article_frame.height} articles, {rejection_frame.height} rejected of {len(docs)} documents; "
        f"{len(todo)} cleaned, the other {len(docs) - len(todo)} kept ({len(kept)} of {len(sources)} sources unchanged)"
    )
    yield dg.MaterializeResult(
        asset_key=["staging", "clean_articles"],
        metadata={"dagster/row_count": article_frame.height, "cleaned": len(todo), "kept": len(docs) - len(todo)},
    )
    yield dg.MaterializeResult(asset_key=["staging", "clean_rejections"], metadata={"dagster/row_count": rejection_frame.height})


def _kept_sources(conn, keys: dict[str, str]) -> set[str]:
    """The sources last cleaned under the key they have now, when the stage's tables are all there
    in the shape this code writes."""
    shapes = {OUTPUTS[0]: CLEAN_ARTICLE_SCHEMA, OUTPUTS[1]: CLEAN_REJECTION_SCHEMA, SOURCE_KEYS: SOURCE_KEY_SCHEMA}
    for table, schema in shapes.items():
        if not table_exists(conn, table) or column_names(conn, table) != list(schema):
            return set()
    stored = dict(conn.execute(f"SELECT source_group, clean_key FROM {SOURCE_KEYS}").fetchall())
    return {group for group, key in keys.items() if stored.get(group) == key}


def _kept_rows(conn, table: str, files: pl.DataFrame, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """The stored rows of the kept sources' files (none on a first run: the table may not exist)."""
    if files.is_empty():
        return pl.DataFrame(schema=schema)
    conn.register("_kept_files", files.to_arrow())
    try:
        return conn.execute(f"SELECT t.* FROM {table} t JOIN _kept_files USING (source_file)").pl().cast(schema)
    finally:
        conn.unregister("_kept_files")

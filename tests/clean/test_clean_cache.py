"""The clean stage cleans a source's pages again only when one of them changed."""

import dagster as dg
import polars as pl

from pipelines.clean.assets import clean_articles
from pipelines.ingest.incremental import RAW_DOCUMENT_SCHEMA
from pipelines.settings import WarehouseSettings
from pipelines.warehouse.store import connect, read_table, write_table

STORY = "The council approved the new bridge on Monday after a long debate among members. " * 3


def raw(files: dict[str, str]) -> pl.DataFrame:
    rows = [
        {"input_file": f, "source_file": f, "raw_sha256": str(hash(t)), "size_bytes": len(t), "kind": "text", "text": t}
        | {"encoding": "utf-8", "url": None, "title": None, "published": None}
        for f, t in files.items()
    ]
    return pl.DataFrame(rows, schema=RAW_DOCUMENT_SCHEMA)


def cleaned(tmp_path, files: dict[str, str]) -> tuple[int, pl.DataFrame]:
    settings = WarehouseSettings(input_dirs=[], warehouse_path=str(tmp_path / "news.duckdb"), processes=1)
    with connect(settings.work_db_path) as conn:
        conn.execute("CREATE SCHEMA IF NOT EXISTS staging")
        write_table(conn, "staging.raw_documents", raw(files))
    result = dg.materialize([clean_articles], resources={"settings": settings})
    count = result.get_asset_materialization_events()[0].materialization.metadata["cleaned"].value
    with connect(settings.work_db_path) as conn:
        return count, read_table(conn, "staging.clean_articles").sort("source_file")


def test_only_the_sources_a_new_page_joins_are_cleaned_again_and_the_rows_equal_a_full_clean(tmp_path):
    files = {f"a/{i}.txt": f"Story {i}. {STORY}" for i in range(3)} | {f"b/{i}.txt": f"Report {i}. {STORY}" for i in range(2)}
    assert cleaned(tmp_path / "w", files)[0] == 5
    assert cleaned(tmp_path / "w", files)[0] == 0  # nothing changed
    grown = files | {"b/9.txt": f"Report 9. {STORY}"}
    count, rows = cleaned(tmp_path / "w", grown)
    assert count == 3  # source b's pages: the new one and the two it may share furniture with
    assert rows.equals(cleaned(tmp_path / "fresh", grown)[1])
    count, rows = cleaned(tmp_path / "w", {k: v for k, v in grown.items() if k != "a/0.txt"})
    assert count == 2 and "a/0.txt" not in rows["source_file"].to_list()  # a removed page leaves with its rows

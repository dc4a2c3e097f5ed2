"""The dedup pass reruns only when a document's body or date changed."""

import datetime as dt

import dagster as dg
import polars as pl

from pipelines.dedup.assets import article_assignments
from pipelines.settings import WarehouseSettings
from pipelines.warehouse.store import connect, read_table, write_table

STORY = "The council approved the new bridge on Monday after a long debate among its members. "


def run(tmp_path, bodies: dict[str, str], day: dt.date | None = None) -> tuple[bool, pl.DataFrame]:
    settings = WarehouseSettings(input_dirs=[], warehouse_path=str(tmp_path / "news.duckdb"), processes=1)
    frame = pl.DataFrame(
        {"source_file": list(bodies), "body": list(bodies.values()), "published_date": [day] * len(bodies)},
        schema={"source_file": pl.String, "body": pl.String, "published_date": pl.Date},
    )
    with connect(settings.work_db_path) as conn:
        conn.execute("CREATE SCHEMA IF NOT EXISTS staging")
        write_table(conn, "staging.clean_articles", frame)
    result = dg.materialize([article_assignments], resources={"settings": settings})
    reused = result.get_asset_materialization_events()[0].materialization.metadata["reused"].value
    with connect(settings.work_db_path) as conn:
        return reused, read_table(conn, "staging.article_assignments")


def test_an_unchanged_corpus_keeps_its_assignments_and_a_changed_date_reruns_the_pass(tmp_path):
    bodies = {"a.txt": STORY * 4, "b.txt": STORY * 4, "c.txt": "Rebels shelled the northern town overnight. " * 8}
    reused, first = run(tmp_path, bodies)
    assert not reused and sorted(first["relation"].to_list()) == ["canonical", "canonical", "exact_duplicate"]
    reused, again = run(tmp_path, bodies)
    assert reused and again.equals(first)
    reused, dated = run(tmp_path, bodies, dt.date(2024, 3, 5))  # the canonical choice reads dates
    assert not reused and dated.equals(first)

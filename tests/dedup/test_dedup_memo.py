"""The dedup pass reruns only when a document's body or date changed, and then hashes only new bodies."""

import datetime as dt

import dagster as dg
import polars as pl

from pipelines.dedup.assets import article_assignments
from pipelines.settings import WarehouseSettings
from pipelines.warehouse.store import connect, read_table, write_table

STORY = "The council approved the new bridge on Monday after a long debate among its members. "


def run(tmp_path, bodies: dict[str, str], day: dt.date | None = None) -> tuple[bool, pl.DataFrame]:
    reused, _, frame = run_counted(tmp_path, bodies, day)
    return reused, frame


def run_counted(tmp_path, bodies: dict[str, str], day: dt.date | None = None) -> tuple[bool, int, pl.DataFrame]:
    """Whether the pass was kept, how many signatures it computed, and its assignments."""
    settings = WarehouseSettings(input_dirs=[], warehouse_path=str(tmp_path / "news.duckdb"), processes=1)
    frame = pl.DataFrame(
        {"source_file": list(bodies), "body": list(bodies.values()), "published_date": [day] * len(bodies)},
        schema={"source_file": pl.String, "body": pl.String, "published_date": pl.Date},
    )
    with connect(settings.work_db_path) as conn:
        conn.execute("CREATE SCHEMA IF NOT EXISTS staging")
        write_table(conn, "staging.clean_articles", frame)
    result = dg.materialize([article_assignments], resources={"settings": settings})
    metadata = result.get_asset_materialization_events()[0].materialization.metadata
    with connect(settings.work_db_path) as conn:
        return metadata["reused"].value, metadata["signatures_computed"].value, read_table(conn, "staging.article_assignments")


def test_an_unchanged_corpus_keeps_its_assignments_and_a_changed_date_reruns_the_pass(tmp_path):
    bodies = {"a.txt": STORY * 4, "b.txt": STORY * 4, "c.txt": "Rebels shelled the northern town overnight. " * 8}
    reused, first = run(tmp_path, bodies)
    assert not reused and sorted(first["relation"].to_list()) == ["canonical", "canonical", "exact_duplicate"]
    reused, again = run(tmp_path, bodies)
    assert reused and again.equals(first)
    reused, dated = run(tmp_path, bodies, dt.date(2024, 3, 5))  # the canonical choice reads dates
    assert not reused and dated.equals(first)


def test_a_grown_corpus_hashes_only_its_new_bodies_and_assigns_as_a_fresh_pass_does(tmp_path):
    bodies = {"a.txt": STORY * 4, "b.txt": STORY * 4, "c.txt": "Rebels shelled the northern town overnight. " * 8}
    assert run_counted(tmp_path / "grown", bodies)[1] == 2  # two distinct bodies
    grown = bodies | {
        "d.txt": STORY * 4 + "More to follow.",  # a near copy of a stored text
        "e.txt": STORY.upper() * 4,  # an exact copy in another case: a new body, a stored content hash
        "f.txt": "Floods closed the coastal road again. " * 8,
    }
    del grown["c.txt"]  # withdrawn: its signature is not kept
    reused, computed, incremental = run_counted(tmp_path / "grown", grown)
    assert not reused and computed == 3
    assert incremental.equals(run_counted(tmp_path / "fresh", grown)[2])
    assert dict(zip(incremental["source_file"], incremental["relation"], strict=True)) == {
        "a.txt": "near_duplicate",
        "b.txt": "near_duplicate",
        "d.txt": "canonical",  # the longest copy
        "e.txt": "near_duplicate",
        "f.txt": "canonical",
    }
    with connect(tmp_path / "grown" / ".work" / "news.duckdb") as conn:
        assert conn.execute("SELECT count(*) FROM staging.dedup_signatures").fetchone()[0] == 4

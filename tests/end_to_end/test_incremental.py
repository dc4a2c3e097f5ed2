"""Incremental equals full: a folder built in batches as its files arrive gives, table for table and
view for view, the warehouse a single build of the final folder gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines.definitions import defs

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles"

pytestmark = pytest.mark.e2e


def build(inputs: Path, warehouse: Path, instance: dg.DagsterInstance) -> dict[str, int]:
    """Build, and return how many articles the entity and event stages read anew and how many
    texts the dedup pass hashed anew."""
    config = {"input_dirs": [str(inputs)], "warehouse_path": str(warehouse), "processes": 1}
    result = defs.resolve_job_def("build_warehouse").execute_in_process(
        run_config={"resources": {"settings": {"config": config}}}, instance=instance
    )
    assert result.success
    events = result.get_asset_materialization_events()
    stages = (["staging", "actors"], ["staging", "events"])
    read = {m.asset_key.path[-1]: m.materialization.metadata["articles_read"].value for m in events if m.asset_key.path in stages}
    (dedup,) = [m.materialization.metadata for m in events if m.asset_key.path == ["staging", "article_assignments"]]
    return read | {"signatures": dedup["signatures_computed"].value}


def everything(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        names = [
            name
            for (name,) in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name"
            ).fetchall()
        ]
        return {name: conn.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall() for name in names}


def test_a_folder_built_in_batches_equals_one_build_of_the_whole_folder(tmp_path):
    samples = sorted(SEEDS.glob("*.txt"))
    inputs = tmp_path / "news"
    inputs.mkdir()
    # The last batch brings a longer copy of a story of the first: it becomes the canonical copy,
    # so the first story's article changes id in the dedup reduce and everything after it.
    longer = tmp_path / "longer_copy.txt"
    paragraphs = samples[0].read_text(encoding="utf-8").split("\n\n")
    middle = len(paragraphs) // 2
    added = "Officials said the two delegations would meet again later in the month, and both sides hoped to sign further agreements on trade, transport and energy."
    longer.write_text("\n\n".join([*paragraphs[:middle], added, *paragraphs[middle:]]), encoding="utf-8")
    batches = [samples[:2], samples[2:4], [*samples[4:], longer]]
    with dg.DagsterInstance.ephemeral() as instance:
        for batch in batches:
            for sample in batch:
                shutil.copy(sample, inputs / sample.name)
            read = build(inputs, tmp_path / "batched" / "news.duckdb", instance)
            # only the new documents are hashed and the new articles' mentions found anew (their events
            # too, and those of articles whose actors the new ones changed); the reduces run over all
            assert read["signatures"] == len(batch)
            assert read["actors"] == len(batch) and len(batch) <= read["events"] <= len(samples) + 1
        build(inputs, tmp_path / "grown" / "news.duckdb", instance)
        assert_equal(everything(tmp_path / "batched" / "news.duckdb"), everything(tmp_path / "grown" / "news.duckdb"))
        relations = {row[0]: row[2] for row in everything(tmp_path / "grown" / "news.duckdb")["article_sources"]}
        assert relations[f"news/{longer.name}"] == "canonical" and relations[f"news/{samples[0].name}"] == "near_duplicate"
        (inputs / samples[0].name).unlink()  # a file withdrawn after it was built
        assert build(inputs, tmp_path / "batched" / "news.duckdb", instance)["signatures"] == 0
        build(inputs, tmp_path / "whole" / "news.duckdb", instance)
    assert_equal(everything(tmp_path / "batched" / "news.duckdb"), everything(tmp_path / "whole" / "news.duckdb"))


def assert_equal(batched: dict[str, list[tuple]], whole: dict[str, list[tuple]]) -> None:
    assert set(batched) == set(whole) and len(whole) > 10
    assert {name: rows for name, rows in batched.items() if rows != whole[name]} == {}
    assert whole["articles"] and whole["events"]

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
    """Build, and return how many articles the entity and event stages read anew."""
    config = {"input_dirs": [str(inputs)], "warehouse_path": str(warehouse), "processes": 1}
    result = defs.resolve_job_def("build_warehouse").execute_in_process(
        run_config={"resources": {"settings": {"config": config}}}, instance=instance
    )
    assert result.success
    return {
        m.asset_key.path[-1]: m.materialization.metadata["articles_read"].value
        for m in result.get_asset_materialization_events()
        if m.asset_key.path in (["staging", "actors"], ["staging", "events"])
    }


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
    batches = [samples[:2], samples[2:4], samples[4:]]
    inputs = tmp_path / "news"
    inputs.mkdir()
    with dg.DagsterInstance.ephemeral() as instance:
        for batch in batches:
            for sample in batch:
                shutil.copy(sample, inputs / sample.name)
            read = build(inputs, tmp_path / "batched" / "news.duckdb", instance)
            # only the new articles' mentions are found anew (their events too, and those of articles
            # whose actors the new ones changed); resolution and merge run over all
            assert read["actors"] == len(batch) and len(batch) <= read["events"] <= len(samples)
        (inputs / samples[0].name).unlink()  # a file withdrawn after it was built
        build(inputs, tmp_path / "batched" / "news.duckdb", instance)
        build(inputs, tmp_path / "whole" / "news.duckdb", instance)
    batched, whole = everything(tmp_path / "batched" / "news.duckdb"), everything(tmp_path / "whole" / "news.duckdb")
    assert set(batched) == set(whole) and len(whole) > 10
    assert {name: rows for name, rows in batched.items() if rows != whole[name]} == {}
    assert whole["articles"] and whole["events"]

"""A failing blocking check stops the publish step: analysts keep the last good warehouse."""

import dagster as dg
import duckdb

from pipelines.settings import WarehouseSettings
from pipelines.warehouse.assets import warehouse_definitions


def build(sql_dir, tmp_path, check_sql):
    (sql_dir / "marts").mkdir(parents=True, exist_ok=True)
    (sql_dir / "checks").mkdir(exist_ok=True)
    (sql_dir / "marts" / "numbers.sql").write_text("-- Numbers.\nSELECT range AS n FROM range(3)")
    (sql_dir / "checks" / "numbers__small.sql").write_text(f"-- Numbers are small.\n{check_sql}")
    assets, checks = warehouse_definitions([], sql_dir)
    settings = WarehouseSettings(input_dirs=[], warehouse_path=str(tmp_path / "news.duckdb"), processes=1)
    return dg.materialize([*assets, *checks], resources={"settings": settings}, raise_on_error=False)


def test_publish_runs_when_checks_pass_and_is_skipped_when_one_fails(tmp_path):
    passed = build(tmp_path / "sql", tmp_path, "SELECT n FROM numbers WHERE n > 10")
    assert passed.success
    with duckdb.connect(str(tmp_path / "news.duckdb"), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM numbers").fetchone()[0] == 3

    failed = build(tmp_path / "sql", tmp_path, "SELECT n FROM numbers WHERE n > 1")
    evaluation = failed.get_asset_check_evaluations()[0]
    assert not evaluation.passed and evaluation.metadata["offending_rows"].value == 1
    published = [e.asset_key for e in failed.get_asset_materialization_events()]
    assert dg.AssetKey(["warehouse", "published"]) not in published
    with duckdb.connect(str(tmp_path / "news.duckdb"), read_only=True) as conn:  # the last good file is intact
        assert conn.execute("SELECT count(*) FROM numbers").fetchone()[0] == 3
